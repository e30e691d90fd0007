#include "app/backup_manifest.hpp"

#include <boost/json.hpp>

#include "storage/files/blob_store.hpp"

namespace mobilise::app {
namespace {

namespace json = boost::json;

Error Bad(const std::string& why) {
  return Error::Validation("the backup's manifest.json is damaged: " + why);
}

std::string Text(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
}

std::int64_t Number(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_int64() ? v->get_int64() : -1;
}

const json::array* Array(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v != nullptr ? v->if_array() : nullptr;
}

Result<std::vector<ManifestFile>> ReadFiles(const json::array& files) {
  std::vector<ManifestFile> out;
  for (const auto& f : files) {
    const auto* o = f.if_object();
    if (o == nullptr) return Fail(Bad("a file entry is not an object"));
    ManifestFile file{Text(*o, "path"), 0, Text(*o, "sha256")};
    const auto size = Number(*o, "size");
    if (file.path.empty() || size < 0 || !storage::IsSha256Hex(file.sha256))
      return Fail(Bad("a file entry lacks its path, size or sha256"));
    file.size = static_cast<std::uint64_t>(size);
    out.push_back(std::move(file));
  }
  return out;
}

}  // namespace

std::string ManifestJson(const Manifest& m) {
  json::object o;
  o["format"] = m.format;
  o["created_at"] = m.created_at;
  o["mobilise_version"] = m.mobilise_version;
  o["dialect"] = m.dialect;
  o["schema_version"] = m.schema_version;
  o["database"] = m.database;
  json::object tables;
  for (const auto& [name, rows] : m.tables) tables[name] = rows;
  o["tables"] = std::move(tables);
  json::array files;
  for (const auto& f : m.files)
    files.push_back(json::object{{"path", f.path}, {"size", f.size}, {"sha256", f.sha256}});
  o["files"] = std::move(files);
  json::array missing;
  for (const auto& sha : m.missing) missing.push_back(json::string(sha));
  o["missing"] = std::move(missing);
  return json::serialize(o) + "\n";
}

Result<Manifest> ParseManifest(std::string_view text) {
  boost::system::error_code ec;
  const auto value = json::parse(text, ec);
  const auto* o = value.if_object();
  if (ec || o == nullptr) return Fail(Bad("it is not a JSON object"));
  Manifest m;
  m.format = static_cast<int>(Number(*o, "format"));
  if (m.format != Manifest::kFormat)
    return Fail(Error::Validation("the backup's format (" + std::to_string(m.format) +
                                  ") is not one this Mobilise reads (" +
                                  std::to_string(Manifest::kFormat) + ")"));
  m.created_at = Text(*o, "created_at");
  m.mobilise_version = Text(*o, "mobilise_version");
  m.dialect = Text(*o, "dialect");
  m.schema_version = static_cast<int>(Number(*o, "schema_version"));
  m.database = Text(*o, "database");
  if ((m.dialect != "sqlite" && m.dialect != "postgres") || m.schema_version < 0 ||
      m.database.empty())
    return Fail(Bad("it lacks the dialect, schema_version or database"));
  const auto* tables = o->if_contains("tables");
  if (tables == nullptr || !tables->is_object()) return Fail(Bad("it lacks the table counts"));
  for (const auto& [name, rows] : tables->get_object()) {
    if (!rows.is_int64()) return Fail(Bad("a table count is not a number"));
    if (name.empty() ||
        name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string_view::npos)
      return Fail(Bad("it names the table '" + std::string(name) + "'"));
    m.tables.emplace_back(std::string(name), rows.get_int64());
  }
  const auto* files = Array(*o, "files");
  if (files == nullptr) return Fail(Bad("it lacks the list of files"));
  auto read = ReadFiles(*files);
  if (!read) return Fail(read.error());
  m.files = std::move(*read);
  if (const auto* missing = Array(*o, "missing"))
    for (const auto& sha : *missing)
      if (sha.is_string()) m.missing.emplace_back(sha.get_string());
  for (const auto& f : m.files)
    if (!IsBackupPath(f.path, m.database)) return Fail(Bad("it names the file '" + f.path + "'"));
  if (m.files.empty() || m.files.front().path != m.database)
    return Fail(Bad("the database file is not its first file"));
  return m;
}

bool IsBackupPath(std::string_view path, std::string_view database) {
  if (path == database) return database == "database.sqlite" || database == "database.pgdump";
  // files/ab/<sha256>
  constexpr std::string_view kFiles = "files/";
  if (path.size() != kFiles.size() + 3 + 64 || path.substr(0, kFiles.size()) != kFiles)
    return false;
  const auto sha = path.substr(kFiles.size() + 3);
  return storage::IsSha256Hex(sha) && path.substr(kFiles.size(), 2) == sha.substr(0, 2) &&
         path[kFiles.size() + 2] == '/';
}

}  // namespace mobilise::app
