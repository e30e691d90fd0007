// The people the programme counts, defined once: sexes and the UNHCR age bands. Validation,
// indicators, SQL and the web app (through the session's configuration) all read them here.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace mobilise::domain {

// Female, male, another identity or not said.
inline constexpr std::array<std::string_view, 3> kSexes = {"f", "m", "x"};

// A UNHCR age band: from `min_age` up to the next band's min_age - 1 (the last has no end).
struct AgeBandDef {
  std::string_view code;
  int min_age;
};
inline constexpr std::array<AgeBandDef, 5> kAgeBands = {
    {{"0-4", 0}, {"5-11", 5}, {"12-17", 12}, {"18-59", 18}, {"60+", 60}}};
// The band of a person whose age is not known.
inline constexpr std::string_view kUnknownAgeBand = "unknown";

inline constexpr std::array<std::string_view, kAgeBands.size()> kAgeBandCodes = [] {
  std::array<std::string_view, kAgeBands.size()> codes{};
  for (std::size_t i = 0; i < kAgeBands.size(); ++i) codes[i] = kAgeBands[i].code;
  return codes;
}();

// The band of a whole age in years; kUnknownAgeBand without one.
std::string_view AgeBandOf(std::optional<int> age);

}  // namespace mobilise::domain
