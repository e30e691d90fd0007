// Wall-clock time as the text form every table stores: "2026-11-23T10:15:30.123Z" (UTC, sortable).
#pragma once

#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace mobilise {

using TimePoint = std::chrono::system_clock::time_point;

std::string FormatTimestamp(TimePoint t);
// Accepts "YYYY-MM-DD" (midnight UTC) or "YYYY-MM-DDTHH:MM:SS[.fff]Z", years 1678 to 2261 (what
// a TimePoint holds).
std::optional<TimePoint> ParseTimestamp(std::string_view text);
// A calendar date "YYYY-MM-DD" that exists (any year from 0000 to 9999).
bool IsValidDate(std::string_view text);

// The time as services see it. Injected into every service (app/ hands them one SystemClock), so
// a test pins "now" with a FixedClock instead of racing midnight. Thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint Now() const = 0;
  // Now as stored: "2026-11-23T10:15:30.123Z".
  std::string Timestamp() const { return FormatTimestamp(Now()); }
  // Today's date (UTC) as "YYYY-MM-DD".
  std::string Today() const { return Timestamp().substr(0, 10); }
};

class SystemClock final : public Clock {
 public:
  TimePoint Now() const override { return std::chrono::system_clock::now(); }
};

// A clock that says what a test tells it: fixed at `t` until Set or Advance moves it.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(TimePoint t) : now_(t.time_since_epoch().count()) {}
  // "YYYY-MM-DD" (midnight UTC) or "YYYY-MM-DDTHH:MM:SS[.fff]Z"; aborts on anything else.
  explicit FixedClock(std::string_view text);
  TimePoint Now() const override { return TimePoint(TimePoint::duration(now_.load())); }
  void Set(TimePoint t) { now_ = t.time_since_epoch().count(); }
  void Advance(std::chrono::milliseconds d) {
    now_ += std::chrono::duration_cast<TimePoint::duration>(d).count();
  }

 private:
  std::atomic<TimePoint::rep> now_;
};

}  // namespace mobilise
