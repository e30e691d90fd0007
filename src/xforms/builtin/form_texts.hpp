// Labels of the built-in forms in every language of the form: the web app's strings
// (web_strings.hpp) and configured options, chosen as the web app chooses them.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "xforms/builtin/builtin_xforms.hpp"

namespace mobilise::xforms::builtin {

class FormTexts {
 public:
  explicit FormTexts(const std::vector<Language>& languages) : languages_(languages) {}
  // The web app's text of `key` in each language, with {placeholders} from `args`.
  Text Web(std::string_view key,
           const std::vector<std::pair<std::string_view, std::string>>& args = {}) const;
  // The same with each placeholder's value the web app's text of a key in that language.
  Text WebWith(std::string_view key,
               const std::vector<std::pair<std::string_view, std::string>>& arg_keys) const;
  // A configured option as the web app labels it: the local name outside English, then the web
  // app's translation of `prefix` + code, then the configured (English) name.
  Text Configured(std::string_view prefix, const Option& option) const;
  // A fixed code's translation (prefix + code), e.g. enum.sex.f.
  std::vector<Item> Codes(std::string_view prefix, std::span<const std::string_view> codes) const;
  std::vector<Item> Options(std::string_view prefix, const std::vector<Option>& options) const;

 private:
  const std::vector<Language>& languages_;
};

// A question node with the common fields set.
Node Question(std::string name, Control control, std::string type, Text label);
// A date question that may not be in the future.
Node PastDate(std::string name, Text label, bool required);
// A built-in form's spec: its id, title (the web app's `title_key`), languages and CSV media, and
// its first question, the area of the record picked from areas.csv (labelled `area_key`).
FormSpec NewFormSpec(const BuiltinConfig& config, std::string_view id, std::string_view title_key,
                     std::initializer_list<std::string_view> media, std::string_view area_key);

}  // namespace mobilise::xforms::builtin
