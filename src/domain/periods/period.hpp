// Reporting periods as people write them: "2026-10" (month), "2026Q3" (quarter), "2026S2"
// (half-year), "2026" (year); calendar periods (a fiscal-year start comes with the reports).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mobilise::domain {

struct Period {
  std::string text;   // as given, normalised ("2026q3" -> "2026Q3")
  std::string start;  // first day, YYYY-MM-DD
  std::string end;    // last day, YYYY-MM-DD
};

std::optional<Period> ParsePeriod(std::string_view text);

}  // namespace mobilise::domain
