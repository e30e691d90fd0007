// Texts translated per language, as indicators and report templates carry them: pairs of a
// language code (ps, uk, mr: 2 or 3 of a-z) and the text in it.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mobilise::domain {

using Translations = std::vector<std::pair<std::string, std::string>>;  // language -> text

// The text in `lang`, else `fallback` (the stored text).
inline std::string Translated(const Translations& texts, const std::string& lang,
                              const std::string& fallback) {
  for (const auto& [l, text] : texts)
    if (l == lang) return text;
  return fallback;
}

// Whether `lang` looks like a language code: 2 or 3 of a-z.
inline bool IsLanguageCode(std::string_view lang) {
  if (lang.size() < 2 || lang.size() > 3) return false;
  for (char c : lang)
    if (c < 'a' || c > 'z') return false;
  return true;
}

}  // namespace mobilise::domain
