// Reporting periods as people write them: "2026-10" (month), "2026Q3" (quarter), "2026S2"
// (half-year), "2026" (year) and "ptd" (project to date). Months are calendar months; quarters,
// halves and years follow the programme's fiscal year (its first month, and whether a fiscal year
// is named by the calendar year it starts or ends in). With the default (January) they are
// calendar periods.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mobilise::domain {

struct FiscalYear {
  int start_month = 1;  // 7: July to June
  bool named_by_start =
      true;  // "2026" = Jul 2026 - Jun 2027 (DHIS2 "2026July"); false: Jul 2025 - Jun 2026
  std::string project_start = "2000-01-01";  // "ptd" starts here
  std::string today;                         // "ptd" ends here (YYYY-MM-DD); set by the caller
};

enum class PeriodKind { kMonth, kQuarter, kHalf, kYear, kProjectToDate };

struct Period {
  std::string text;   // as given, normalised ("2026q3" -> "2026Q3")
  std::string start;  // first day, YYYY-MM-DD
  std::string end;    // last day, YYYY-MM-DD
  PeriodKind kind = PeriodKind::kMonth;
};

std::optional<Period> ParsePeriod(std::string_view text, const FiscalYear& fy = {});

// The period of the same kind just before (none for project to date).
std::optional<Period> PreviousPeriod(const Period& p, const FiscalYear& fy);
// The span of as many whole months just before a period of whole months, of the same kind and
// text (for a period kept by its dates, e.g. a report made before the fiscal year changed).
Period MonthsBefore(const Period& p);
// The calendar months a period covers, first to last.
std::vector<Period> MonthsOf(const Period& p);
// Whether `inner` lies within `outer`.
bool PeriodWithin(const Period& inner, const Period& outer);

// DHIS2 period identifiers (domain.md 9.4): 202610, 2026Q3, 2026S1, 2026, 2026April, 2026July,
// 2026Oct. None when DHIS2 has no such period type (e.g. a quarter of a July fiscal year).
std::optional<std::string> Dhis2PeriodId(const Period& p, const FiscalYear& fy);
// ADX period: start date / ISO 8601 duration ("2026-10-01/P1M", "2026-07-01/P3M").
std::string AdxPeriod(const Period& p);

// Date arithmetic on YYYY-MM-DD strings.
std::string AddDays(std::string_view date, int days);
std::string AddYears(std::string_view date, int years);  // 29 Feb -> 28 Feb

}  // namespace mobilise::domain
