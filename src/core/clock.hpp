// Wall-clock time as the text form every table stores: "2026-11-23T10:15:30.123Z" (UTC, sortable).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace mobilise {

using TimePoint = std::chrono::system_clock::time_point;

std::string FormatTimestamp(TimePoint t);
std::string NowTimestamp();
// Accepts "YYYY-MM-DD" (midnight UTC) or "YYYY-MM-DDTHH:MM:SS[.fff]Z".
std::optional<TimePoint> ParseTimestamp(std::string_view text);
// A calendar date "YYYY-MM-DD" that exists.
bool IsValidDate(std::string_view text);

}  // namespace mobilise
