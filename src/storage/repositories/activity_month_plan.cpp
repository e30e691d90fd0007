#include "storage/repositories/activity_month_plan.hpp"

#include <algorithm>
#include <cstdio>

namespace mobilise::storage {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysIn(const std::string& month) {
  const int y = std::stoi(month.substr(0, 4)), m = std::stoi(month.substr(5, 2));
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

int Day(const std::string& date) { return std::stoi(date.substr(8, 2)); }

std::string DateIn(const std::string& month, int day) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "-%02d", day);
  return month + buf;
}

std::string AddMonths(const std::string& month, int n) {
  int y = std::stoi(month.substr(0, 4)), m = std::stoi(month.substr(5, 2)) - 1 + n;
  y += m >= 0 ? m / 12 : -((11 - m) / 12);
  m = ((m % 12) + 12) % 12 + 1;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}

// Days of [lo, hi] (one month) that may hold activities: none after today.
int PastDays(const std::string& lo, const std::string& hi, const std::string& today) {
  const std::string last = std::min(hi, today);
  return last < lo ? 0 : Day(last) - Day(lo) + 1;
}

}  // namespace

MonthReadPlan PlanMonthRead(const std::string& from, const std::string& to,
                            const std::string& today) {
  MonthReadPlan plan;
  const std::string first = from.substr(0, 7), last = to.substr(0, 7);
  plan.rollup_from = first;
  plan.rollup_to = last;
  // The part [lo, hi] of `month` is in the period; false if the month is left out of the roll-up.
  auto partial = [&](const std::string& month, const std::string& lo, const std::string& hi) {
    const std::string start = DateIn(month, 1), end = DateIn(month, DaysIn(month));
    if (lo == start && hi == end) return true;
    int outside = 0;
    if (lo > start) outside += PastDays(start, DateIn(month, Day(lo) - 1), today);
    if (hi < end) outside += PastDays(DateIn(month, Day(hi) + 1), end, today);
    if (PastDays(lo, hi, today) <= outside) {
      plan.days.push_back({lo, hi, +1});
      return false;
    }
    if (lo > start) plan.days.push_back({start, DateIn(month, Day(lo) - 1), -1});
    if (hi < end) plan.days.push_back({DateIn(month, Day(hi) + 1), end, -1});
    return true;
  };
  if (first == last) {
    if (!partial(first, from, to)) plan.rollup_from = AddMonths(first, 1);
  } else {
    if (!partial(first, from, DateIn(first, DaysIn(first)))) plan.rollup_from = AddMonths(first, 1);
    if (!partial(last, DateIn(last, 1), to)) plan.rollup_to = AddMonths(last, -1);
  }
  return plan;
}

}  // namespace mobilise::storage
