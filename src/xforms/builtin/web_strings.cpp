#include "xforms/builtin/web_strings.hpp"

namespace mobilise::xforms::builtin {
namespace {

const WebString* Find(std::string_view lang, std::string_view key) {
  for (const auto& s : WebStrings())
    if (s.lang == lang && s.key == key) return &s;
  return nullptr;
}

}  // namespace

bool HasWebText(std::string_view lang, std::string_view key) { return Find(lang, key) != nullptr; }

std::string WebText(std::string_view lang, std::string_view key,
                    const std::vector<std::pair<std::string_view, std::string>>& args) {
  const WebString* s = Find(lang, key);
  if (!s) s = Find("en", key);
  std::string text(s ? s->text : key);
  for (const auto& [name, value] : args) {
    const std::string slot = "{" + std::string(name) + "}";
    for (auto at = text.find(slot); at != std::string::npos;
         at = text.find(slot, at + value.size()))
      text.replace(at, slot.size(), value);
  }
  return text;
}

}  // namespace mobilise::xforms::builtin
