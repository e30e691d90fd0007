#include "domain/demographics.hpp"

namespace mobilise::domain {

std::string_view AgeBandOf(std::optional<int> age) {
  if (!age || *age < 0) return kUnknownAgeBand;
  std::string_view band = kAgeBands.front().code;
  for (const auto& b : kAgeBands)
    if (*age >= b.min_age) band = b.code;
  return band;
}

}  // namespace mobilise::domain
