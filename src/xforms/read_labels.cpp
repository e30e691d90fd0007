// ReadLabels: one streaming pass collecting itext texts per language, secondary instances' items,
// and the body controls with their <label> (inline text or jr:itext('id')) and choices; itext
// ids and itemsets are resolved at the end.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "importers/xml_stream.hpp"
#include "xforms/labels.hpp"
#include "xforms/xml_names.hpp"

namespace mobilise::xforms {
namespace {

using importers::detail::Attr;

const std::set<std::string, std::less<>> kControls = {
    "input", "select1", "select", "upload", "trigger", "range", "rank", "group", "repeat"};

// "jr:itext('id')" -> "id"; "" when `ref` is not an itext reference.
std::string ItextId(std::string_view ref) {
  constexpr std::string_view kOpen = "jr:itext(";
  const auto at = ref.find(kOpen);
  if (at == std::string_view::npos) return "";
  std::string_view rest = ref.substr(at + kOpen.size());
  rest = rest.substr(0, rest.find(')'));
  if (rest.size() >= 2 && (rest.front() == '\'' || rest.front() == '"')) {
    rest = rest.substr(1, rest.size() - 2);
  }
  return std::string(rest);
}

// "instance('list')/root/item[...]" -> "list".
std::string InstanceOf(std::string_view nodeset) {
  const auto open = nodeset.find("instance(");
  if (open == std::string_view::npos) return "";
  std::string_view rest = nodeset.substr(open + 9);
  if (rest.empty()) return "";
  rest = rest.substr(1);
  return std::string(rest.substr(0, rest.find_first_of("'\"")));
}

// A label seen in the body before itext ids are resolved.
struct RawLabel {
  std::string itext, text;
};

struct RawChoice {
  std::string value;
  RawLabel label;
};

struct RawControl {
  std::string path;
  RawLabel label;
  std::vector<RawChoice> items;
  std::string itemset, value_ref, label_ref;  // instance id, its value and label elements
};

class LabelHandler final : public importers::detail::XmlHandler {
 public:
  void Start(std::string_view name, const char** attrs) override {
    const std::string parent = stack_.empty() ? "" : stack_.back();
    stack_.emplace_back(name);
    text_.clear();
    if (name == "translation") return StartTranslation(attrs);
    if (name == "text" && parent == "translation") {
      const char* id = Attr(attrs, "id");
      text_id_ = id != nullptr ? id : "";
    } else if (name == "value" && parent == "text") {
      in_value_ = Attr(attrs, "form") == nullptr;  // the plain text, not image/audio forms
    } else if (instance_depth_ > 0) {
      if (!instance_.empty() && stack_.size() == instance_depth_ + 2) {
        items_[instance_].emplace_back();  // an item of a secondary instance
      }
    } else if (name == "instance" && parent == "model") {
      const char* id = Attr(attrs, "id");
      instance_ = id != nullptr ? id : "";
      instance_depth_ = stack_.size();
    } else if (kControls.contains(name)) {
      StartControl(name, attrs);
    } else if (name == "item" && !open_.empty()) {
      Current().items.emplace_back();
      in_item_ = true;
    } else if (name == "itemset" && !open_.empty()) {
      const char* nodeset = Attr(attrs, "nodeset");
      Current().itemset = InstanceOf(nodeset != nullptr ? nodeset : "");
      in_itemset_ = true;
    } else if (name == "label" || name == "value") {
      StartLabelOrValue(name, attrs);
    }
  }

  void End(std::string_view name) override {
    if (instance_depth_ > 0) {
      EndInInstance(name);
    } else if (name == "value" && in_value_) {
      in_value_ = false;
    } else if (name == "label" && label_ != nullptr) {
      label_ = nullptr;
    } else if (name == "value" && in_item_ && !open_.empty() && !Current().items.empty()) {
      Current().items.back().value = text_;
    } else if (name == "item") {
      in_item_ = false;
    } else if (name == "itemset") {
      in_itemset_ = false;
    } else if (kControls.contains(name) && !open_.empty()) {
      open_.pop_back();
    } else if (name == "translation") {
      language_.clear();
    }
    stack_.pop_back();
    text_.clear();
  }

  // Text around an <output/> belongs to the label or itext value it lies in.
  void Text(std::string_view text) override {
    text_.append(text);
    if (label_ != nullptr) label_->text.append(text);
    if (in_value_ && !language_.empty() && !text_id_.empty()) {
      itext_[language_][text_id_].append(text);
    }
  }

  FormLabels Finish() const;

 private:
  void StartTranslation(const char** attrs) {
    const char* lang = Attr(attrs, "lang");
    language_ = lang != nullptr ? lang : "";
    if (language_.empty()) return;
    if (std::find(languages_.begin(), languages_.end(), language_) == languages_.end())
      languages_.push_back(language_);
    const char* is_default = Attr(attrs, "default");
    if (is_default != nullptr && std::string_view(is_default).starts_with("true"))
      default_ = language_;
  }

  void StartControl(std::string_view name, const char** attrs) {
    const char* ref = Attr(attrs, name == "repeat" ? "nodeset" : "ref");
    std::string path = ref != nullptr ? ref : "";
    if (!path.empty() && path.front() != '/') {  // relative to the enclosing group
      const std::string base = open_.empty() ? "" : controls_[open_.back()].path;
      path = base + "/" + path;
    }
    controls_.push_back(RawControl{path, {}, {}, "", "", ""});
    open_.push_back(controls_.size() - 1);
  }

  void StartLabelOrValue(std::string_view name, const char** attrs) {
    if (open_.empty() || stack_.size() < 2) return;
    const std::string& parent = stack_[stack_.size() - 2];
    const char* ref = Attr(attrs, "ref");
    if (in_itemset_ && parent == "itemset") {
      (name == "label" ? Current().label_ref : Current().value_ref) = ref != nullptr ? ref : "";
      return;
    }
    if (name != "label") return;
    RawLabel* target = nullptr;
    if (in_item_ && parent == "item" && !Current().items.empty()) {
      target = &Current().items.back().label;
    } else if (kControls.contains(parent)) {
      target = &Current().label;
    }
    if (target == nullptr) return;
    if (ref != nullptr) target->itext = ItextId(ref);
    label_ = target;
  }

  void EndInInstance(std::string_view name) {
    if (stack_.size() == instance_depth_) {
      instance_.clear();
      instance_depth_ = 0;
    } else if (!instance_.empty() && stack_.size() == instance_depth_ + 3 &&
               !items_[instance_].empty()) {
      items_[instance_].back()[std::string(name)] = text_;  // an item's child
    }
  }

  RawControl& Current() { return controls_[open_.back()]; }

  std::vector<std::string> stack_;
  std::string text_;
  std::string language_, text_id_, default_;
  bool in_value_ = false, in_item_ = false, in_itemset_ = false;
  std::vector<std::string> languages_;
  std::map<std::string, std::map<std::string, std::string>> itext_;  // language -> id -> text
  std::string instance_;            // the open instance's id ("" for the primary one)
  std::size_t instance_depth_ = 0;  // the open <instance>'s depth; 0 outside instances
  std::map<std::string, std::vector<std::map<std::string, std::string>>> items_;
  std::vector<RawControl> controls_;
  std::vector<std::size_t> open_;  // indices of the open controls
  RawLabel* label_ = nullptr;      // the label being read
};

std::string Trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

// The texts of `label`: its itext id in each language that has it, else its inline text.
LabelTexts Texts(const RawLabel& label,
                 const std::map<std::string, std::map<std::string, std::string>>& itext) {
  LabelTexts out;
  if (!label.itext.empty()) {
    for (const auto& [language, texts] : itext) {
      if (auto it = texts.find(label.itext); it != texts.end()) out[language] = Trimmed(it->second);
    }
  }
  if (out.empty() && !Trimmed(label.text).empty()) out[""] = Trimmed(label.text);
  return out;
}

FormLabels LabelHandler::Finish() const {
  FormLabels out{languages_, default_, {}};
  std::set<std::string> seen;
  for (const RawControl& c : controls_) {
    if (c.path.empty()) continue;
    ControlLabels labels{c.path, Texts(c.label, itext_), {}};
    for (const RawChoice& item : c.items) {
      labels.choices.push_back({item.value, Texts(item.label, itext_)});
    }
    if (auto list = items_.find(c.itemset); !c.itemset.empty() && list != items_.end()) {
      const std::string label_id = ItextId(c.label_ref);
      for (const auto& item : list->second) {
        auto value = item.find(c.value_ref);
        auto label = item.find(label_id.empty() ? c.label_ref : label_id);
        RawLabel raw = label_id.empty() ? RawLabel{"", label != item.end() ? label->second : ""}
                                        : RawLabel{label != item.end() ? label->second : "", ""};
        labels.choices.push_back({value != item.end() ? value->second : "", Texts(raw, itext_)});
      }
    }
    if (!seen.insert(c.path).second) {  // a repeat inside its group: keep the group's label
      auto& first = *std::find_if(out.controls.begin(), out.controls.end(),
                                  [&](const ControlLabels& x) { return x.path == c.path; });
      if (first.label.empty()) first.label = std::move(labels.label);
      continue;
    }
    out.controls.push_back(std::move(labels));
  }
  return out;
}

}  // namespace

const ControlLabels* FormLabels::Find(std::string_view path) const {
  for (const ControlLabels& c : controls) {
    if (c.path == path) return &c;
  }
  return nullptr;
}

Result<FormLabels> ReadLabels(std::string_view xml) {
  LabelHandler handler;
  if (auto fed = FeedXForm(handler, xml); !fed) return Fail(fed.error());
  return handler.Finish();
}

}  // namespace mobilise::xforms
