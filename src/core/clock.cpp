#include "core/clock.hpp"

#include <cstdio>
#include <cstdlib>

namespace mobilise {

std::string FormatTimestamp(TimePoint t) {
  using namespace std::chrono;
  const auto ms = duration_cast<milliseconds>(t.time_since_epoch()).count();
  const auto days = floor<std::chrono::days>(sys_time<milliseconds>(milliseconds(ms)));
  const year_month_day ymd{days};
  const auto in_day = milliseconds(ms) - days.time_since_epoch();
  const hh_mm_ss hms{in_day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ld.%03ldZ", int(ymd.year()),
                unsigned(ymd.month()), unsigned(ymd.day()), long(hms.hours().count()),
                long(hms.minutes().count()), long(hms.seconds().count()),
                long(hms.subseconds().count()));
  return buf;
}

static bool Digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

// "YYYY-MM-DD" at the start of `s`, a day that exists.
static std::optional<std::chrono::year_month_day> ParseDay(std::string_view s) {
  using namespace std::chrono;
  int y, mo, d;
  if (!Digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !Digits(s, 5, 2, mo) || s[7] != '-' ||
      !Digits(s, 8, 2, d))
    return std::nullopt;
  const year_month_day ymd{year(y), month(unsigned(mo)), day(unsigned(d))};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

// The years a TimePoint (64-bit nanoseconds from 1970) holds whole: an older or later date
// would overflow it (found by fuzz/period.cpp: "0365-04-29").
constexpr int kFirstYear = 1678, kLastYear = 2261;

std::optional<TimePoint> ParseTimestamp(std::string_view s) {
  using namespace std::chrono;
  const auto ymd = ParseDay(s);
  if (!ymd || int(ymd->year()) < kFirstYear || int(ymd->year()) > kLastYear) return std::nullopt;
  int h = 0, mi = 0, sec = 0, ms = 0;
  if (s.size() > 10) {
    if (s.size() < 20 || s[10] != 'T' || !Digits(s, 11, 2, h) || s[13] != ':' ||
        !Digits(s, 14, 2, mi) || s[16] != ':' || !Digits(s, 17, 2, sec))
      return std::nullopt;
    std::size_t pos = 19;
    if (s[pos] == '.') {
      if (!Digits(s, pos + 1, 3, ms)) return std::nullopt;
      pos += 4;
    }
    if (pos + 1 != s.size() || s[pos] != 'Z' || h > 23 || mi > 59 || sec > 59) return std::nullopt;
  }
  return sys_days(*ymd) + hours(h) + minutes(mi) + seconds(sec) + milliseconds(ms);
}

FixedClock::FixedClock(std::string_view text) : FixedClock(TimePoint()) {
  const auto t = ParseTimestamp(text);
  if (!t) std::abort();  // a test's typo, not input
  Set(*t);
}

bool IsValidDate(std::string_view text) { return text.size() == 10 && ParseDay(text).has_value(); }

}  // namespace mobilise
