// Worksheet names Excel accepts, made from report titles.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mobilise::reports {

// Names for the given titles, in order: the characters [ ] : * ? / \ and control characters
// become spaces, runs of spaces collapse, leading/trailing spaces and apostrophes go, at most 31
// characters (cut on a UTF-8 character boundary), "History" (reserved by Excel) and empty names
// become `fallback` + " " + position (1-based); a name equal to an earlier one (ignoring ASCII
// case, as Excel does) gets " (2)", " (3)"... within the 31 characters.
std::vector<std::string> SheetNames(const std::vector<std::string>& titles,
                                    std::string_view fallback = "Sheet");

// Number of Unicode characters (code points) in UTF-8 text.
std::size_t Utf8Length(std::string_view text);

}  // namespace mobilise::reports
