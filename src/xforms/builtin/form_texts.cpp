#include "xforms/builtin/form_texts.hpp"

#include "xforms/builtin/web_strings.hpp"

namespace mobilise::xforms::builtin {

Text FormTexts::Web(std::string_view key,
                    const std::vector<std::pair<std::string_view, std::string>>& args) const {
  Text text;
  for (const auto& l : languages_) text.push_back(WebText(l.code, key, args));
  return text;
}

Text FormTexts::WebWith(
    std::string_view key,
    const std::vector<std::pair<std::string_view, std::string>>& arg_keys) const {
  Text text;
  for (const auto& l : languages_) {
    std::vector<std::pair<std::string_view, std::string>> args;
    for (const auto& [name, arg_key] : arg_keys) args.emplace_back(name, WebText(l.code, arg_key));
    text.push_back(WebText(l.code, key, args));
  }
  return text;
}

Text FormTexts::Configured(std::string_view prefix, const Option& o) const {
  const std::string key = std::string(prefix) + o.code;
  Text text;
  for (const auto& l : languages_) {
    if (l.code != "en" && o.name_local && !o.name_local->empty())
      text.push_back(*o.name_local);
    else if (l.code != "en" && HasWebText(l.code, key))
      text.push_back(WebText(l.code, key));
    else
      text.push_back(o.name.empty() ? WebText(l.code, key) : o.name);
  }
  return text;
}

std::vector<Item> FormTexts::Codes(std::string_view prefix,
                                   std::span<const std::string_view> codes) const {
  std::vector<Item> items;
  for (auto code : codes)
    items.push_back({std::string(code), Web(std::string(prefix) + std::string(code))});
  return items;
}

std::vector<Item> FormTexts::Options(std::string_view prefix,
                                     const std::vector<Option>& options) const {
  std::vector<Item> items;
  for (const auto& o : options) items.push_back({o.code, Configured(prefix, o)});
  return items;
}

Node Question(std::string name, Control control, std::string type, Text label) {
  Node n;
  n.name = std::move(name);
  n.control = control;
  n.type = std::move(type);
  n.label = std::move(label);
  return n;
}

Node PastDate(std::string name, Text label, bool required) {
  Node date = Question(std::move(name), Control::kInput, "date", std::move(label));
  date.required = required;
  date.constraint = ". <= today()";
  return date;
}

FormSpec NewFormSpec(const BuiltinConfig& config, std::string_view id, std::string_view title_key,
                     std::initializer_list<std::string_view> media, std::string_view area_key) {
  const FormTexts t(config.languages);
  FormSpec spec;
  spec.id = std::string(id);
  spec.languages = config.languages;
  spec.title = t.Web(title_key);
  for (auto m : media) spec.csv_media.emplace_back(m);
  Node area = Question("area", Control::kSelect1, "string", t.Web(area_key));
  area.required = true;
  area.appearance = "minimal autocomplete";
  area.itemset = "instance('" + std::string(kAreasMedia) + "')/root/item";
  spec.questions.push_back(std::move(area));
  return spec;
}

}  // namespace mobilise::xforms::builtin
