#include "importers/xlsx_package.hpp"

#include <charconv>
#include <map>
#include <string_view>
#include <utility>

namespace mobilise::importers::detail {
namespace {

Error NotAWorkbook(std::string_view why) {
  return Error::Validation("the file is not an Excel workbook (.xlsx): " + std::string(why) +
                           "; save it as \"Excel Workbook (.xlsx)\" or as \"CSV UTF-8\"");
}

bool EndsWith(std::string_view s, std::string_view suffix) { return s.ends_with(suffix); }

// Resolves a relationship target against the folder of the part that owns the relationships.
std::string ResolveTarget(std::string_view base_dir, std::string_view target) {
  std::string joined = target.starts_with("/") ? std::string(target.substr(1))
                                               : std::string(base_dir) + std::string(target);
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= joined.size()) {
    std::size_t slash = joined.find('/', start);
    if (slash == std::string::npos) slash = joined.size();
    std::string part = joined.substr(start, slash - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(std::move(part));
    }
    start = slash + 1;
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string DirOf(const std::string& path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash + 1);
}

struct Relationship {
  std::string type;
  std::string target;  // resolved
};

class RelsHandler : public XmlHandler {
 public:
  explicit RelsHandler(std::string base_dir) : base_dir_(std::move(base_dir)) {}
  void Start(std::string_view name, const char** attrs) override {
    if (name != "Relationship") return;
    const char* id = Attr(attrs, "Id");
    const char* type = Attr(attrs, "Type");
    const char* target = Attr(attrs, "Target");
    const char* mode = Attr(attrs, "TargetMode");
    if (id == nullptr || type == nullptr || target == nullptr) return;
    if (mode != nullptr && std::string_view(mode) == "External") return;
    by_id[id] = Relationship{type, ResolveTarget(base_dir_, target)};
  }
  void End(std::string_view) override {}
  std::map<std::string, Relationship> by_id;

 private:
  std::string base_dir_;
};

Result<std::map<std::string, Relationship>> ReadRels(const ZipArchive& zip,
                                                     const std::string& owner_path,
                                                     std::size_t max_bytes) {
  std::string dir = DirOf(owner_path);
  std::string rels_path = dir + "_rels/" + owner_path.substr(dir.size()) + ".rels";
  RelsHandler handler(dir);
  if (!zip.Has(rels_path)) return handler.by_id;
  if (auto parsed = ParseEntry(zip, rels_path, max_bytes, handler); !parsed) {
    return Fail(std::move(parsed.error()));
  }
  return std::move(handler.by_id);
}

class WorkbookHandler : public XmlHandler {
 public:
  void Start(std::string_view name, const char** attrs) override {
    if (name == "workbookPr") {
      const char* v = Attr(attrs, "date1904");
      date1904 = v != nullptr && (std::string_view(v) == "1" || std::string_view(v) == "true");
    } else if (name == "sheet") {
      const char* sheet_name = Attr(attrs, "name");
      const char* rid = Attr(attrs, "id");
      const char* state = Attr(attrs, "state");
      if (sheet_name == nullptr || rid == nullptr) return;
      sheets.push_back({sheet_name, rid, state != nullptr && std::string_view(state) != "visible"});
    }
  }
  void End(std::string_view) override {}
  struct Entry {
    std::string name, rid;
    bool hidden;
  };
  std::vector<Entry> sheets;
  bool date1904 = false;
};

}  // namespace

Status ParseEntry(const ZipArchive& zip, const std::string& name, std::size_t max_bytes,
                  XmlHandler& handler) {
  XmlStream stream(handler, name);
  auto read = zip.Read(name, max_bytes,
                       [&](std::string_view chunk) { return stream.Feed(chunk, /*last=*/false); });
  if (!read) {
    if (read.error().code == ErrorCode::kNotFound) return Fail(NotAWorkbook(name + " is missing"));
    return read;
  }
  return stream.Feed({}, /*last=*/true);
}

Result<Workbook> ReadWorkbook(const ZipArchive& zip, std::size_t max_bytes) {
  auto root = ReadRels(zip, "", max_bytes);
  if (!root) return Fail(std::move(root.error()));
  std::string workbook_path;
  for (const auto& [id, rel] : *root) {
    if (EndsWith(rel.type, "/officeDocument")) workbook_path = rel.target;
  }
  if (workbook_path.empty()) workbook_path = "xl/workbook.xml";
  if (!zip.Has(workbook_path)) return Fail(NotAWorkbook("it has no workbook part"));

  WorkbookHandler handler;
  if (auto parsed = ParseEntry(zip, workbook_path, max_bytes, handler); !parsed) {
    return Fail(std::move(parsed.error()));
  }
  auto rels = ReadRels(zip, workbook_path, max_bytes);
  if (!rels) return Fail(std::move(rels.error()));

  Workbook workbook;
  workbook.date1904 = handler.date1904;
  for (const auto& [id, rel] : *rels) {
    if (EndsWith(rel.type, "/styles")) workbook.styles_path = rel.target;
    if (EndsWith(rel.type, "/sharedStrings")) workbook.shared_strings_path = rel.target;
  }
  for (const auto& entry : handler.sheets) {
    auto rel = rels->find(entry.rid);
    if (rel == rels->end() || !EndsWith(rel->second.type, "/worksheet")) continue;
    workbook.sheets.push_back({entry.name, rel->second.target, entry.hidden});
  }
  if (workbook.sheets.empty()) return Fail(NotAWorkbook("it has no worksheet"));
  return workbook;
}

namespace {

class StylesHandler : public XmlHandler {
 public:
  void Start(std::string_view name, const char** attrs) override {
    if (name == "numFmt") {
      const char* id = Attr(attrs, "numFmtId");
      const char* code = Attr(attrs, "formatCode");
      if (id != nullptr && code != nullptr) custom_[ToInt(id)] = CustomFormatKind(code);
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "xf" && in_cell_xfs_) {
      const char* id = Attr(attrs, "numFmtId");
      format_ids_.push_back(id == nullptr ? 0 : ToInt(id));
    }
  }
  void End(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs_ = false;
  }
  std::vector<NumberKind> Kinds() const {
    std::vector<NumberKind> kinds;
    for (int id : format_ids_) {
      auto custom = custom_.find(id);
      kinds.push_back(custom != custom_.end() ? custom->second : BuiltinFormatKind(id));
    }
    return kinds;
  }

 private:
  static int ToInt(std::string_view s) {
    int v = -1;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
  }
  bool in_cell_xfs_ = false;
  std::map<int, NumberKind> custom_;
  std::vector<int> format_ids_;
};

class SharedStringsHandler : public XmlHandler {
 public:
  void Start(std::string_view name, const char**) override {
    if (name == "si") {
      in_si_ = true;
      current_.clear();
    } else if (name == "rPh") {
      ++in_phonetic_;
    } else if (name == "t" && in_si_ && in_phonetic_ == 0) {
      in_t_ = true;
    }
  }
  void End(std::string_view name) override {
    if (name == "si") {
      in_si_ = false;
      strings.push_back(DecodeEscapes(current_));
    } else if (name == "rPh") {
      --in_phonetic_;
    } else if (name == "t") {
      in_t_ = false;
    }
  }
  void Text(std::string_view text) override {
    if (in_t_) current_.append(text);
  }
  std::vector<std::string> strings;

 private:
  bool in_si_ = false;
  bool in_t_ = false;
  int in_phonetic_ = 0;
  std::string current_;
};

}  // namespace

Result<std::vector<NumberKind>> ReadCellStyles(const ZipArchive& zip, const std::string& path,
                                               std::size_t max_bytes) {
  if (path.empty() || !zip.Has(path)) return std::vector<NumberKind>{};
  StylesHandler handler;
  if (auto parsed = ParseEntry(zip, path, max_bytes, handler); !parsed) {
    return Fail(std::move(parsed.error()));
  }
  return handler.Kinds();
}

Result<std::vector<std::string>> ReadSharedStrings(const ZipArchive& zip, const std::string& path,
                                                   std::size_t max_bytes) {
  if (path.empty() || !zip.Has(path)) return std::vector<std::string>{};
  SharedStringsHandler handler;
  if (auto parsed = ParseEntry(zip, path, max_bytes, handler); !parsed) {
    return Fail(std::move(parsed.error()));
  }
  return std::move(handler.strings);
}

}  // namespace mobilise::importers::detail
