// The paragraph direction ODK Collect gives a label. Collect shows itext values in Android
// TextViews, whose text direction is "first strong": the first character with a strong
// direction (a letter, or a left-to-right / right-to-left mark) decides; digits, punctuation and
// spaces do not. XForms have no `dir` attribute Collect reads, so a Pashto (Dari, Urdu) label
// that begins with Latin text ("PSC score", a code) or with no letter at all ("18-59") would be
// laid out left to right. The writer begins such a label with U+200F RIGHT-TO-LEFT MARK, which
// is invisible and strong right to left.
#pragma once

#include <string>
#include <string_view>

namespace mobilise::xforms::builtin {

enum class Direction { kNone, kLeftToRight, kRightToLeft };

// The direction of the first strong character of UTF-8 `text` (kNone: no strong character).
Direction FirstStrong(std::string_view text);

// `text` as a right-to-left paragraph: unchanged when its first strong character is right to
// left, else prefixed with U+200F.
std::string RightToLeftParagraph(std::string_view text);

}  // namespace mobilise::xforms::builtin
