#include "domain/periods/period.hpp"

#include <cctype>
#include <chrono>
#include <cstdio>

#include "core/clock.hpp"

namespace mobilise::domain {
namespace {

bool Leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysIn(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && Leap(year) ? 29 : kDays[month - 1];
}

std::string Day(int y, int m, int d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// `count` months from year/month (month 1..12, may be past 12 before normalising).
Period Span(std::string text, PeriodKind kind, int year, int month, int count) {
  year += (month - 1) / 12;
  month = (month - 1) % 12 + 1;
  int ly = year, lm = month + count - 1;
  ly += (lm - 1) / 12;
  lm = (lm - 1) % 12 + 1;
  return {std::move(text), Day(year, month, 1), Day(ly, lm, DaysIn(ly, lm)), kind};
}

bool Digits(std::string_view s) {
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return !s.empty();
}

int Int(std::string_view s) { return std::stoi(std::string(s)); }

// The calendar year in which fiscal year `label` starts.
int FiscalStartYear(int label, const FiscalYear& fy) {
  return fy.start_month == 1 || fy.named_by_start ? label : label - 1;
}

int MonthsOfKind(PeriodKind k) {
  switch (k) {
    case PeriodKind::kMonth:
      return 1;
    case PeriodKind::kQuarter:
      return 3;
    case PeriodKind::kHalf:
      return 6;
    case PeriodKind::kYear:
      return 12;
    case PeriodKind::kProjectToDate:
      return 0;
  }
  return 0;
}

std::chrono::sys_days ToDays(std::string_view date) {
  using namespace std::chrono;
  return sys_days{year{Int(date.substr(0, 4))} /
                  month{static_cast<unsigned>(Int(date.substr(5, 2)))} /
                  day{static_cast<unsigned>(Int(date.substr(8, 2)))}};
}

}  // namespace

std::string AddDays(std::string_view date, int days) {
  using namespace std::chrono;
  const year_month_day ymd{ToDays(date) + std::chrono::days{days}};
  return Day(static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
             static_cast<int>(static_cast<unsigned>(ymd.day())));
}

std::string AddYears(std::string_view date, int years) {
  const int y = Int(date.substr(0, 4)) + years, m = Int(date.substr(5, 2));
  const int d = std::min(Int(date.substr(8, 2)), DaysIn(y, m));
  return Day(y, m, d);
}

std::optional<Period> ParsePeriod(std::string_view t, const FiscalYear& fy) {
  if (t == "ptd" || t == "PTD") {
    if (!IsValidDate(fy.project_start) || !IsValidDate(fy.today)) return std::nullopt;
    return Period{"ptd", fy.project_start, fy.today, PeriodKind::kProjectToDate};
  }
  if (t.size() < 4 || !Digits(t.substr(0, 4))) return std::nullopt;
  const int y = Int(t.substr(0, 4));
  if (y < 1900 || y > 2200) return std::nullopt;
  const std::string ys(t.substr(0, 4));
  const int fs = fy.start_month < 1 || fy.start_month > 12 ? 1 : fy.start_month;
  const int start_year = FiscalStartYear(y, fy);
  if (t.size() == 4) return Span(ys, PeriodKind::kYear, start_year, fs, 12);
  if (t.size() == 7 && t[4] == '-' && Digits(t.substr(5))) {
    const int m = Int(t.substr(5));
    if (m < 1 || m > 12) return std::nullopt;
    return Span(std::string(t), PeriodKind::kMonth, y, m, 1);
  }
  if (t.size() == 6 && (t[4] == 'Q' || t[4] == 'q') && t[5] >= '1' && t[5] <= '4') {
    const int q = t[5] - '0';
    return Span(ys + "Q" + t[5], PeriodKind::kQuarter, start_year, fs + 3 * (q - 1), 3);
  }
  if (t.size() == 6 && (t[4] == 'S' || t[4] == 's') && (t[5] == '1' || t[5] == '2')) {
    const int h = t[5] - '0';
    return Span(ys + "S" + t[5], PeriodKind::kHalf, start_year, fs + 6 * (h - 1), 6);
  }
  return std::nullopt;
}

std::optional<Period> PreviousPeriod(const Period& p, const FiscalYear& fy) {
  if (p.kind == PeriodKind::kProjectToDate) return std::nullopt;
  const int y = Int(p.text.substr(0, 4));
  char buf[32];
  switch (p.kind) {
    case PeriodKind::kMonth: {
      const int m = Int(p.text.substr(5));
      std::snprintf(buf, sizeof buf, "%04d-%02d", m == 1 ? y - 1 : y, m == 1 ? 12 : m - 1);
      break;
    }
    case PeriodKind::kQuarter: {
      const int q = p.text[5] - '0';
      std::snprintf(buf, sizeof buf, "%04dQ%d", q == 1 ? y - 1 : y, q == 1 ? 4 : q - 1);
      break;
    }
    case PeriodKind::kHalf: {
      const int h = p.text[5] - '0';
      std::snprintf(buf, sizeof buf, "%04dS%d", h == 1 ? y - 1 : y, h == 1 ? 2 : 1);
      break;
    }
    default:
      std::snprintf(buf, sizeof buf, "%04d", y - 1);
  }
  return ParsePeriod(buf, fy);
}

Period MonthsBefore(const Period& p) {
  const int months = static_cast<int>(MonthsOf(p).size());
  const int first = Int(p.start.substr(0, 4)) * 12 + Int(p.start.substr(5, 2)) - 1 - months;
  Period out = p;
  out.start = Day(first / 12, first % 12 + 1, 1);
  out.end = AddDays(p.start, -1);
  return out;
}

std::vector<Period> MonthsOf(const Period& p) {
  std::vector<Period> out;
  int y = Int(p.start.substr(0, 4)), m = Int(p.start.substr(5, 2));
  for (;;) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    Period month = Span(buf, PeriodKind::kMonth, y, m, 1);
    if (month.start > p.end) break;
    out.push_back(std::move(month));
    if (++m == 13) m = 1, ++y;
  }
  return out;
}

bool PeriodWithin(const Period& inner, const Period& outer) {
  return inner.start >= outer.start && inner.end <= outer.end;
}

std::optional<std::string> Dhis2PeriodId(const Period& p, const FiscalYear& fy) {
  const std::string sy = p.start.substr(0, 4);
  const int sm = Int(p.start.substr(5, 2));
  switch (p.kind) {
    case PeriodKind::kMonth:
      return sy + p.start.substr(5, 2);
    case PeriodKind::kQuarter:
      if ((sm - 1) % 3 != 0) return std::nullopt;
      return sy + "Q" + std::to_string((sm - 1) / 3 + 1);
    case PeriodKind::kHalf:
      if (sm == 1 || sm == 7) return sy + "S" + (sm == 1 ? "1" : "2");
      if (sm == 4 || sm == 10) return sy + "AprilS" + (sm == 4 ? "1" : "2");
      return std::nullopt;
    case PeriodKind::kYear:
      switch (sm) {
        case 1:
          return sy;
        case 4:
          return sy + "April";
        case 7:
          return sy + "July";
        case 10:
          return sy + "Oct";
        case 11:
          return sy + "Nov";
        default:
          return std::nullopt;
      }
    case PeriodKind::kProjectToDate:
      return std::nullopt;
  }
  (void)fy;
  return std::nullopt;
}

std::string AdxPeriod(const Period& p) {
  if (p.kind == PeriodKind::kProjectToDate) {
    const auto days = (ToDays(p.end) - ToDays(p.start)).count() + 1;
    return p.start + "/P" + std::to_string(days) + "D";
  }
  const int months = MonthsOfKind(p.kind);
  return p.start + (months == 12 ? "/P1Y" : "/P" + std::to_string(months) + "M");
}

}  // namespace mobilise::domain
