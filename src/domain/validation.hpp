// Field checks shared by the services. Each adds "field -> reason" to an error map.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace mobilise::domain {

using FieldErrors = std::map<std::string, std::string>;

// Number of Unicode code points (input is valid UTF-8 by the time it reaches the domain).
std::size_t CodePoints(std::string_view s);

// `s` with A-Z folded to a-z (usernames, codes and level names are compared this way).
std::string AsciiLower(std::string s);

// Required text of 1..max code points, no control characters, not only spaces.
void CheckName(FieldErrors& errors, const std::string& field, std::string_view value,
               std::size_t max = 200);
// Optional text: same rules, but empty is allowed.
void CheckOptionalName(FieldErrors& errors, const std::string& field, std::string_view value,
                       std::size_t max = 200);
// A code: 1..64 of [A-Za-z0-9._-].
void CheckCode(FieldErrors& errors, const std::string& field, std::string_view value);

}  // namespace mobilise::domain
