#include "reports/sheet_names.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace mobilise::reports {
namespace {

constexpr std::size_t kMaxChars = 31;

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The first `max_chars` characters of `text`.
std::string Truncate(std::string_view text, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!IsContinuation(text[i])) {
      if (chars == max_chars) return std::string(text.substr(0, i));
      ++chars;
    }
  }
  return std::string(text);
}

std::string Trim(std::string s) {
  auto junk = [](char c) { return c == ' ' || c == '\''; };
  while (!s.empty() && junk(s.back())) s.pop_back();
  std::size_t start = 0;
  while (start < s.size() && junk(s[start])) ++start;
  return s.substr(start);
}

std::string Clean(std::string_view title) {
  std::string out;
  for (char c : title) {
    bool bad = std::string_view("[]:*?/\\").find(c) != std::string_view::npos ||
               static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
    char put = bad ? ' ' : c;
    if (put == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += put;
  }
  out = Trim(std::move(out));
  // Trimming again after the cut: it may leave a trailing space or apostrophe.
  return Trim(Truncate(out, kMaxChars));
}

std::string Folded(std::string_view name) {
  std::string out(name);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::size_t Utf8Length(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !IsContinuation(c); }));
}

std::vector<std::string> SheetNames(const std::vector<std::string>& titles,
                                    std::string_view fallback) {
  std::vector<std::string> names;
  std::set<std::string> taken;
  for (std::size_t i = 0; i < titles.size(); ++i) {
    std::string base = Clean(titles[i]);
    if (base.empty() || Folded(base) == "history") {
      base = Clean(std::string(fallback) + " " + std::to_string(i + 1));
    }
    std::string name = base;
    for (int n = 2; taken.count(Folded(name)); ++n) {
      std::string suffix = " (" + std::to_string(n) + ")";
      name = Trim(Truncate(base, kMaxChars - suffix.size())) + suffix;
    }
    taken.insert(Folded(name));
    names.push_back(std::move(name));
  }
  return names;
}

}  // namespace mobilise::reports
