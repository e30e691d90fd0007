// DuplicateKey: a pass of Boost.JSON's SAX parser over the text that remembers each object's
// keys. boost::json::parse keeps the last of two equal keys silently, and a proxy in front
// might act on the first, so the one JSON reader (ParseBody) refuses the body instead.
#include <boost/json/basic_parser_impl.hpp>
#include <set>
#include <string>
#include <vector>

#include "api/json_io.hpp"

namespace mobilise::api {
namespace {

namespace json = boost::json;
using boost::system::error_code;

class KeyChecker {
 public:
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);

  std::optional<std::string> duplicate;

  bool on_document_begin(error_code&) { return true; }
  bool on_document_end(error_code&) { return true; }
  bool on_object_begin(error_code&) { return Open(false); }
  bool on_object_end(std::size_t, error_code&) { return Close(); }
  bool on_array_begin(error_code&) { return Open(true); }
  bool on_array_end(std::size_t, error_code&) { return Close(); }
  bool on_key_part(json::string_view s, std::size_t, error_code&) {
    key_.append(s.data(), s.size());
    return true;
  }
  bool on_key(json::string_view s, std::size_t, error_code& ec) {
    key_.append(s.data(), s.size());
    Frame& f = frames_.back();
    f.key = std::move(key_);
    key_.clear();
    if (f.keys.insert(f.key).second) return true;
    duplicate = ChildPath();
    ec = json::error::syntax;  // stops the parser; `duplicate` says why
    return false;
  }
  bool on_string_part(json::string_view, std::size_t, error_code&) { return true; }
  bool on_string(json::string_view, std::size_t, error_code&) { return Value(); }
  bool on_number_part(json::string_view, error_code&) { return true; }
  bool on_int64(std::int64_t, json::string_view, error_code&) { return Value(); }
  bool on_uint64(std::uint64_t, json::string_view, error_code&) { return Value(); }
  bool on_double(double, json::string_view, error_code&) { return Value(); }
  bool on_bool(bool, error_code&) { return Value(); }
  bool on_null(error_code&) { return Value(); }
  bool on_comment_part(json::string_view, error_code&) { return true; }
  bool on_comment(json::string_view, error_code&) { return true; }

 private:
  struct Frame {
    bool array = false;
    std::string path;       // of the object or array itself ("" at the top)
    std::size_t index = 0;  // of the next item of an array
    std::string key;        // of the value being read in an object
    std::set<std::string> keys;
  };

  // The path of the value being read in the innermost object or array: "a.b", "roles[2]".
  std::string ChildPath() const {
    if (frames_.empty()) return "";
    const Frame& f = frames_.back();
    if (f.array) return f.path + "[" + std::to_string(f.index) + "]";
    return f.path.empty() ? f.key : f.path + "." + f.key;
  }
  bool Open(bool array) {
    Frame f;
    f.array = array;
    f.path = ChildPath();
    frames_.push_back(std::move(f));
    return true;
  }
  bool Close() {
    frames_.pop_back();
    return Value();
  }
  bool Value() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
    return true;
  }

  std::vector<Frame> frames_;
  std::string key_;
};

}  // namespace

std::optional<std::string> DuplicateKey(std::string_view text) {
  json::parse_options opts;
  opts.max_depth = 32;
  json::basic_parser<KeyChecker> parser(opts);
  error_code ec;
  parser.write_some(false, text.data(), text.size(), ec);
  return parser.handler().duplicate;
}

}  // namespace mobilise::api
