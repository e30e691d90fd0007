// Narrative text split into paragraphs, as all renderers read it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mobilise::reports {

// Paragraphs are separated by one or more blank (or whitespace-only) lines; single line breaks
// stay inside a paragraph. CR LF counts as LF. Empty paragraphs are dropped.
std::vector<std::string> Paragraphs(std::string_view text);

}  // namespace mobilise::reports
