// The fixed words of a document in the reader's language: one table per language of the app
// (domain/languages.hpp), English for any other.
#pragma once

#include <initializer_list>
#include <string>
#include <utility>

namespace mobilise::reports {

// `en` unless `lang` is the code of one of `others` ({"ps", &kPs}, ...).
template <class Words>
const Words& WordsIn(const std::string& lang, const Words& en,
                     std::initializer_list<std::pair<const char*, const Words*>> others) {
  for (const auto& [code, words] : others)
    if (lang == code) return *words;
  return en;
}

}  // namespace mobilise::reports
