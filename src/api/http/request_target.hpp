// Request-target parsing for the server (Boost.URL, no Beast). Internal to src/api/http.
#pragma once

#include <string_view>

#include "api/http/message.hpp"

namespace mobilise::http {

// True if `s` is well-formed UTF-8 (no overlong forms, surrogates or code points > U+10FFFF).
bool IsValidUtf8(std::string_view s);

// Fills request.path (decoded) and request.query (decoded; '+' in the query means space) from
// request.target. False, leaving them unspecified, if the target is not in origin form
// ("/path?query"), or the decoded path or any decoded query key/value is not valid UTF-8 or
// contains a NUL byte.
bool ParseTarget(Request& request);

}  // namespace mobilise::http
