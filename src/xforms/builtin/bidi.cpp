#include "xforms/builtin/bidi.hpp"

#include <cstdint>

namespace mobilise::xforms::builtin {
namespace {

constexpr std::string_view kRlm = "\xE2\x80\x8F";  // U+200F

// The next code point of UTF-8 `text` at `i` (advancing `i`); a malformed byte reads as U+FFFD.
char32_t Next(std::string_view text, std::size_t& i) {
  const auto b = static_cast<unsigned char>(text[i++]);
  int more = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
  if (b >= 0x80 && more == 0) return U'\uFFFD';
  char32_t c = more == 3 ? b & 0x07 : more == 2 ? b & 0x0F : more == 1 ? b & 0x1F : b;
  for (; more > 0; --more) {
    if (i >= text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) return U'\uFFFD';
    c = (c << 6) | (static_cast<unsigned char>(text[i++]) & 0x3F);
  }
  return c;
}

bool In(char32_t c, char32_t lo, char32_t hi) { return c >= lo && c <= hi; }

// Hebrew, Arabic (and its supplements and presentation forms), Syriac, Thaana, N'Ko and the
// right-to-left mark: Bidi_Class R or AL. Digits (Arabic-Indic, extended) and combining marks
// in those blocks are weak or non-spacing, not strong.
bool InRightToLeftBlock(char32_t c) {
  return In(c, 0x0590, 0x08FF) || In(c, 0xFB1D, 0xFDFF) || In(c, 0xFE70, 0xFEFF) ||
         In(c, 0x10800, 0x10FFF) || In(c, 0x1E800, 0x1EFFF);
}

bool StrongRightToLeft(char32_t c) {
  if (c == 0x200F) return true;
  if (In(c, 0x0660, 0x0669) || In(c, 0x06F0, 0x06F9) || In(c, 0x0600, 0x0605)) return false;
  if (In(c, 0x0591, 0x05C7) || In(c, 0x0610, 0x061A) || In(c, 0x064B, 0x065F) || c == 0x0670 ||
      In(c, 0x06D6, 0x06ED))
    return false;
  return InRightToLeftBlock(c);
}

// Letters of the left-to-right scripts (Latin, Greek, Cyrillic, Indic, CJK, ...) and U+200E.
bool StrongLeftToRight(char32_t c) {
  if (c == 0x200E) return true;
  if (In(c, 'A', 'Z') || In(c, 'a', 'z')) return true;
  if (c < 0x00C0) return c == 0x00AA || c == 0x00B5 || c == 0x00BA;
  if (c == 0x00D7 || c == 0x00F7) return false;
  if (In(c, 0x02B9, 0x036F)) return false;                           // modifiers, combining marks
  if (In(c, 0x2000, 0x2BFF) || In(c, 0x3000, 0x303F)) return false;  // punctuation, symbols
  if (In(c, 0xFE00, 0xFE6F) || In(c, 0xFF00, 0xFF20) || c == 0xFFFD) return false;
  return !InRightToLeftBlock(c);
}

}  // namespace

Direction FirstStrong(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = Next(text, i);
    if (StrongRightToLeft(c)) return Direction::kRightToLeft;
    if (StrongLeftToRight(c)) return Direction::kLeftToRight;
  }
  return Direction::kNone;
}

std::string RightToLeftParagraph(std::string_view text) {
  if (FirstStrong(text) == Direction::kRightToLeft) return std::string(text);
  return std::string(kRlm) + std::string(text);
}

}  // namespace mobilise::xforms::builtin
