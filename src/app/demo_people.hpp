// The sexes and UNHCR age bands that the demo's people, participant counts and feedback carry,
// named from domain/demographics.hpp, where they are defined once.
#pragma once

#include <string_view>

#include "domain/demographics.hpp"

namespace mobilise::app {

// The age band that starts at `min_age`; a compile-time error when none does.
consteval std::string_view AgeBandFrom(int min_age) {
  for (const auto& band : domain::kAgeBands)
    if (band.min_age == min_age) return band.code;
  throw "no UNHCR age band starts at this age";
}

inline constexpr std::string_view kFemale = domain::kSexes[0];
inline constexpr std::string_view kMale = domain::kSexes[1];
inline constexpr std::string_view kAdolescents = AgeBandFrom(12);
inline constexpr std::string_view kAdults = AgeBandFrom(18);
inline constexpr std::string_view kOlderPeople = AgeBandFrom(60);

}  // namespace mobilise::app
