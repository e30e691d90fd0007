// ReadXForm: one streaming pass over the XForm collecting the title, the primary instance's
// elements, the binds' types, the body's repeats, itext languages and jr:// media references.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "importers/xml_stream.hpp"
#include "xforms/xform.hpp"
#include "xforms/xml_names.hpp"

namespace mobilise::xforms {
namespace {

using importers::detail::Attr;
using importers::detail::LocalName;

class XFormHandler final : public importers::detail::XmlHandler {
 public:
  void Start(std::string_view name, const char** attrs) override {
    std::string parent = stack_.empty() ? "" : stack_.back();
    stack_.emplace_back(name);
    NoteMedia(text_);
    text_.clear();
    for (int i = 0; attrs[i] != nullptr; i += 2) NoteMedia(attrs[i + 1]);
    if (const char* appearance = Attr(attrs, "appearance")) NoteSearch(appearance);
    if (instance_depth_ > 0) return StartInInstance(name, attrs);
    if (name == "instance" && parent == "model" && !primary_seen_) {
      primary_seen_ = true;
      instance_depth_ = 1;
    } else if (name == "bind" && parent == "model") {
      const char* nodeset = Attr(attrs, "nodeset");
      const char* type = Attr(attrs, "type");
      if (nodeset != nullptr && type != nullptr) bind_types_[nodeset] = BareType(type);
    } else if (name == "repeat") {
      if (const char* nodeset = Attr(attrs, "nodeset")) repeats_.insert(nodeset);
    } else if (name == "translation") {
      if (const char* lang = Attr(attrs, "lang")) AddOnce(form_.languages, lang);
    }
  }

  void End(std::string_view name) override {
    NoteMedia(text_);
    if (name == "title" && stack_.size() >= 2 && stack_[stack_.size() - 2] == "head") {
      form_.title = title_text_;
    }
    if (instance_depth_ > 0) {
      if (instance_depth_ >= 2) paths_.pop_back();
      --instance_depth_;
    }
    stack_.pop_back();
    text_.clear();
  }

  void Text(std::string_view text) override {
    text_.append(text);
    if (!stack_.empty() && stack_.back() == "title") title_text_.append(text);
  }

  Result<FormDefinition> Finish() {
    if (!primary_seen_ || !root_seen_) {
      return Fail(Error::Validation("the XForm has no primary instance (model/instance)",
                                    {{"instance", problem::Required()}}));
    }
    if (form_.xml_form_id.empty()) {
      return Fail(Error::Validation("the XForm's primary instance root has no id attribute",
                                    {{"id", problem::Required()}}));
    }
    if (form_.title.empty()) form_.title = form_.xml_form_id;
    for (Field& field : form_.fields) {
      field.repeat = field.repeat || repeats_.contains(field.path);
      auto bound = bind_types_.find(field.path);
      if (bound != bind_types_.end()) {
        field.type = bound->second;
      } else if (field.repeat) {
        field.type = "repeat";
      } else if (groups_.contains(field.path)) {
        field.type = "group";
      } else {
        field.type = "string";
      }
    }
    return std::move(form_);
  }

 private:
  void StartInInstance(std::string_view name, const char** attrs) {
    ++instance_depth_;
    if (instance_depth_ == 2) {  // the primary instance's root
      root_seen_ = true;
      if (const char* id = Attr(attrs, "id")) form_.xml_form_id = id;
      if (const char* version = Attr(attrs, "version")) form_.version = version;
      paths_.push_back("/" + std::string(name));
      return;
    }
    std::string path = paths_.back() + "/" + std::string(name);
    groups_.insert(paths_.back());
    paths_.push_back(path);
    if (!seen_paths_.insert(path).second) return;  // a repeat's template and its first entry
    Field field;
    field.path = path;
    field.repeat = Attr(attrs, "template") != nullptr;
    form_.fields.push_back(std::move(field));
  }

  void NoteMedia(std::string_view value) {
    for (const std::string& name : MediaReferences(value)) AddOnce(form_.media, name);
  }
  void NoteSearch(std::string_view appearance) {
    if (auto name = SearchedFile(appearance)) AddOnce(form_.media, *name);
  }
  static void AddOnce(std::vector<std::string>& list, std::string value) {
    if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
  }

  FormDefinition form_;
  std::vector<std::string> stack_;  // local names of the open elements
  std::vector<std::string> paths_;  // instance paths of the open elements below the root
  std::string text_, title_text_;
  int instance_depth_ = 0;  // 1 inside <instance>, 2 at its root, ...
  bool primary_seen_ = false, root_seen_ = false;
  std::map<std::string, std::string> bind_types_;
  std::set<std::string> repeats_, groups_, seen_paths_;
};

}  // namespace

Result<FormDefinition> ReadXForm(std::string_view xml) {
  XFormHandler handler;
  if (auto fed = FeedXForm(handler, xml); !fed) return Fail(fed.error());
  return handler.Finish();
}

}  // namespace mobilise::xforms
