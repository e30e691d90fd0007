// ReadInstance: without the form, the submission is read into a small element tree (so a
// repeat's entries can be numbered once all siblings are known), then walked to give the metadata
// and the leaf values. With the form, the repeats are known in advance: the values are taken as
// the parser goes, without a tree (the ingest and export paths read every submission this way).
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

  // Fills the values and the meta fields, numbering the elements that have siblings of their
  // name as repeat entries.
  void Walk() {
    if (nodes_.empty()) return;
    std::string root = "/" + nodes_[0].name;
    for (int child : nodes_[0].children) {
      if (nodes_[child].name == "meta") ReadMeta(nodes_[child]);
    }
    WalkChildren(0, root);
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

  void WalkChildren(int parent, const std::string& path) {
    std::map<std::string, int> totals, seen;
    for (int child : nodes_[parent].children) ++totals[nodes_[child].name];
    for (int child : nodes_[parent].children) {
      const Node& node = nodes_[child];
      bool repeat = totals[node.name] > 1;
      std::string child_path = path + "/" + node.name;
      if (repeat) child_path += "[" + std::to_string(++seen[node.name]) + "]";
      if (!node.children.empty()) {
        WalkChildren(child, child_path);
      } else if (node.closed) {
        instance_.values.emplace_back(std::move(child_path), node.text);
      }
    }
  }

  std::vector<Node> nodes_;
  std::vector<int> open_;
  Instance instance_;
};

// The same leaves and metadata as InstanceHandler::Walk with the form's repeats, in one pass: a
// leaf (an element without child elements) gives its value when it closes.
class StreamingHandler final : public importers::detail::XmlHandler {
 public:
  explicit StreamingHandler(const std::vector<std::string>& repeats) : repeats_(repeats) {}

  void Start(std::string_view name, const char** attrs) override {
    if (frames_.empty()) {
      root_seen_ = true;
      if (const char* id = Attr(attrs, "id")) instance_.xml_form_id = id;
      if (const char* version = Attr(attrs, "version")) instance_.version = version;
      if (const char* instance_id = Attr(attrs, "instanceID")) instance_.instance_id = instance_id;
      path_.assign("/").append(name);
      form_path_ = path_;
      frames_.push_back({path_.size(), form_path_.size(), {}, false});
      text_.clear();
      return;
    }
    Frame& parent = frames_.back();
    parent.has_children = true;
    form_path_.append("/").append(name);
    path_.append("/").append(name);
    if (std::find(repeats_.begin(), repeats_.end(), form_path_) != repeats_.end()) {
      int n = 1;
      auto it = std::find_if(parent.seen.begin(), parent.seen.end(),
                             [&](const auto& e) { return e.first == name; });
      if (it == parent.seen.end()) {
        parent.seen.emplace_back(std::string(name), 1);
      } else {
        n = ++it->second;
      }
      path_.append("[").append(std::to_string(n)).append("]");
    }
    frames_.push_back({path_.size(), form_path_.size(), {}, false});
    text_.clear();
  }
  void End(std::string_view name) override {
    const bool leaf = !frames_.back().has_children;
    frames_.pop_back();
    if (frames_.empty()) return;
    if (leaf) {
      const std::string_view parent =
          std::string_view(form_path_).substr(0, frames_.back().form_path_size);
      if (frames_.size() == 2 && parent.ends_with("/meta")) ReadMeta(name);
      instance_.values.emplace_back(path_, text_);
    }
    path_.resize(frames_.back().path_size);
    form_path_.resize(frames_.back().form_path_size);
  }
  void Text(std::string_view text) override { text_.append(text); }

  bool root_seen() const { return root_seen_; }
  Instance& instance() { return instance_; }

 private:
  struct Frame {
    std::size_t path_size, form_path_size;
    std::vector<std::pair<std::string, int>> seen;  // repeat entries met so far, by name
    bool has_children;
  };
  // A leaf directly in /*/meta has closed. (The tree reader also takes the text of an element
  // there that has child elements; such metadata is no instance id Collect sends.)
  void ReadMeta(std::string_view name) {
    if (name == "instanceID") instance_.instance_id = text_;
    if (name == "deprecatedID") instance_.deprecated_id = text_;
    if (name == "instanceName") instance_.instance_name = text_;
  }

  const std::vector<std::string>& repeats_;
  std::vector<Frame> frames_;
  std::string path_, form_path_, text_;
  bool root_seen_ = false;
  Instance instance_;
};

// The root's id and version, then a stop: the rest of the XML is not read.
class HeaderHandler final : public importers::detail::XmlHandler {
 public:
  void Start(std::string_view, const char** attrs) override {
    root_seen_ = true;
    if (const char* id = Attr(attrs, "id")) instance_.xml_form_id = id;
    if (const char* version = Attr(attrs, "version")) instance_.version = version;
    Stop(Error::Internal("the header is read"));
  }
  void End(std::string_view) override {}

  bool root_seen() const { return root_seen_; }
  Instance& instance() { return instance_; }

 private:
  bool root_seen_ = false;
  Instance instance_;
};

// The instance `handler` read from the whole of `xml` (`walk` finishing it): refused when the
// grammar breaks before the end; accepted when it was only cut short and the root gave its id.
template <class Handler, class Walk>
Result<Instance> Read(std::string_view xml, Handler& handler, Walk walk) {
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
  walk();
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

Result<Instance> ReadInstance(std::string_view xml) {
  InstanceHandler handler;
  return Read(xml, handler, [&] { handler.Walk(); });
}

Result<Instance> ReadInstance(std::string_view xml, const FormDefinition& form) {
  std::vector<std::string> repeats;
  for (const Field& field : form.fields) {
    if (field.repeat) repeats.push_back(field.path);
  }
  StreamingHandler handler(repeats);
  return Read(xml, handler, [] {});
}

Result<Instance> ReadInstanceHeader(std::string_view xml) {
  HeaderHandler handler;
  importers::detail::XmlStream stream(handler, "the submission");
  (void)stream.Feed(xml, false);  // stops at the root's start tag
  if (handler.root_seen() && !handler.instance().xml_form_id.empty()) {
    return std::move(handler.instance());
  }
  return ReadInstance(xml);
}

std::vector<std::string> ReferencedFiles(const FormDefinition& form, const Instance& instance) {
  std::set<std::string, std::less<>> binary;
  for (const Field& field : form.fields) {
    if (field.type == "binary") binary.insert(field.path);
  }
  std::vector<std::string> files;
  if (binary.empty()) return files;
  std::set<std::string> seen;
  for (const auto& [path, value] : instance.values) {
    if (value.empty()) continue;
    // (a path outside repeats is its question's: looked up without a copy)
    const bool positioned = path.find('[') != std::string::npos;
    if (!(positioned ? binary.contains(WithoutPositions(path)) : binary.contains(path))) continue;
    if (seen.insert(value).second) files.push_back(value);
  }
  return files;
}

}  // namespace mobilise::xforms
