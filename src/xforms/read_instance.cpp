// ReadInstance: the submission is read into a small element tree (so a repeat's entries can be
// numbered once all siblings are known), then walked to give the metadata and the leaf values.
#include <algorithm>
#include <cstdlib>
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

struct Node {
  std::string name, text;
  std::vector<int> children;
  bool closed = false;
};

class InstanceHandler final : public importers::detail::XmlHandler {
 public:
  void Start(std::string_view name, const char** attrs) override {
    int index = static_cast<int>(nodes_.size());
    nodes_.push_back(Node{std::string(name), {}, {}, false});
    if (open_.empty()) {
      if (const char* id = Attr(attrs, "id")) instance_.xml_form_id = id;
      if (const char* version = Attr(attrs, "version")) instance_.version = version;
      if (const char* instance_id = Attr(attrs, "instanceID")) instance_.instance_id = instance_id;
    } else {
      nodes_[open_.back()].children.push_back(index);
    }
    open_.push_back(index);
  }
  void End(std::string_view) override {
    nodes_[open_.back()].closed = true;
    open_.pop_back();
  }
  void Text(std::string_view text) override {
    if (!open_.empty()) nodes_[open_.back()].text.append(text);
  }

  bool root_seen() const { return !nodes_.empty(); }
  Instance& instance() { return instance_; }

  // Fills the values and the meta fields. `repeats`: the form's repeat paths, or null to number
  // the elements that have siblings of their name.
  void Walk(const std::set<std::string>* repeats) {
    if (nodes_.empty()) return;
    std::string root = "/" + nodes_[0].name;
    for (int child : nodes_[0].children) {
      if (nodes_[child].name == "meta") ReadMeta(nodes_[child]);
    }
    WalkChildren(0, root, root, repeats);
  }

 private:
  void ReadMeta(const Node& meta) {
    for (int index : meta.children) {
      const Node& node = nodes_[index];
      if (!node.closed) continue;
      if (node.name == "instanceID") instance_.instance_id = node.text;
      if (node.name == "deprecatedID") instance_.deprecated_id = node.text;
      if (node.name == "instanceName") instance_.instance_name = node.text;
    }
  }

  void WalkChildren(int parent, const std::string& path, const std::string& form_path,
                    const std::set<std::string>* repeats) {
    std::map<std::string, int> totals, seen;
    for (int child : nodes_[parent].children) ++totals[nodes_[child].name];
    for (int child : nodes_[parent].children) {
      const Node& node = nodes_[child];
      std::string child_form_path = form_path + "/" + node.name;
      bool repeat = repeats != nullptr ? repeats->contains(child_form_path) : totals[node.name] > 1;
      std::string child_path = path + "/" + node.name;
      if (repeat) child_path += "[" + std::to_string(++seen[node.name]) + "]";
      if (!node.children.empty()) {
        WalkChildren(child, child_path, child_form_path, repeats);
      } else if (node.closed) {
        instance_.values.emplace_back(std::move(child_path), node.text);
      }
    }
  }

  std::vector<Node> nodes_;
  std::vector<int> open_;
  Instance instance_;
};

Result<Instance> Read(std::string_view xml, const std::set<std::string>* repeats) {
  InstanceHandler handler;
  importers::detail::XmlStream stream(handler, "the submission");
  // Everything but the end first: an error here breaks the grammar (refused); one that comes
  // only with the end means the XML was cut short (accepted once the root gave its id).
  auto body = stream.Feed(xml, false);
  bool truncated = false;
  if (body) {
    truncated = !stream.Feed({}, true).has_value();
  }
  if (!body) {
    Error error = body.error();
    error.fields.emplace("xml", problem::Invalid());
    return Fail(std::move(error));
  }
  handler.Walk(repeats);
  Instance& instance = handler.instance();
  if (!handler.root_seen() || instance.xml_form_id.empty()) {
    return Fail(Error::Validation("Required parameter form ID xml attribute missing.",
                                  {{"id", problem::Required()}}));
  }
  instance.truncated = truncated;
  return std::move(instance);
}

}  // namespace

const std::string* Instance::Find(std::string_view path) const {
  for (const auto& [key, value] : values) {
    if (key == path) return &value;
  }
  return nullptr;
}

int Instance::Count(std::string_view repeat_path) const {
  int count = 0;
  std::string prefix = std::string(repeat_path) + "[";
  for (const auto& [key, value] : values) {
    if (!key.starts_with(prefix)) continue;
    count = std::max(count, std::atoi(key.c_str() + prefix.size()));
  }
  return count;
}

Result<Instance> ReadInstance(std::string_view xml) { return Read(xml, nullptr); }

Result<Instance> ReadInstance(std::string_view xml, const FormDefinition& form) {
  std::set<std::string> repeats;
  for (const Field& field : form.fields) {
    if (field.repeat) repeats.insert(field.path);
  }
  return Read(xml, &repeats);
}

std::vector<std::string> ReferencedFiles(const FormDefinition& form, const Instance& instance) {
  std::set<std::string> binary;
  for (const Field& field : form.fields) {
    if (field.type == "binary") binary.insert(field.path);
  }
  std::vector<std::string> files;
  std::set<std::string> seen;
  for (const auto& [path, value] : instance.values) {
    if (value.empty() || !binary.contains(WithoutPositions(path))) continue;
    if (seen.insert(value).second) files.push_back(value);
  }
  return files;
}

}  // namespace mobilise::xforms
