// The web app's languages and translated strings, compiled in from web/src at build time
// (embed_web_strings.py), so a built-in XForm's labels are the web form's labels in every
// language the deployment's app speaks.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mobilise::xforms::builtin {

struct WebLanguage {
  std::string_view code, name;  // "ps", "پښتو"
  bool rtl = false;
};

struct WebString {
  std::string_view lang, key, text;
};

// In the web app's order, English first.
std::span<const WebLanguage> WebLanguages();
std::span<const WebString> WebStrings();

// The text of `key` in `lang`, else in English, else the key itself. `{name}` placeholders are
// replaced from `args` (name, value pairs).
std::string WebText(std::string_view lang, std::string_view key,
                    const std::vector<std::pair<std::string_view, std::string>>& args = {});
// Whether `lang` has its own text for `key`.
bool HasWebText(std::string_view lang, std::string_view key);

}  // namespace mobilise::xforms::builtin
