// `mobilise restore SRC` (app/backup.hpp).
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include "app/backup.hpp"
#include "app/backup_manifest.hpp"
#include "app/backup_snapshot.hpp"
#include "core/id.hpp"
#include "storage/files/file_hash.hpp"

namespace mobilise::app {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kProblemsShown = 5;

// What is wrong with `file` in the backup directory `dir`, or "" when it is whole.
std::string FileProblem(const fs::path& dir, const ManifestFile& file, bool blob) {
  const fs::path path = dir / file.path;
  if (!fs::is_regular_file(path)) return file.path + " is missing";
  if (fs::file_size(path) != file.size)
    return file.path + " has " + std::to_string(fs::file_size(path)) +
           " bytes where the manifest says " + std::to_string(file.size);
  if (storage::Sha256OfFile(path) != file.sha256)
    return file.path + " is damaged (its SHA-256 is not the manifest's)";
  if (blob && fs::path(file.path).filename().string() != file.sha256)
    return file.path + " is not the file its name says";
  return "";
}

// The backup's manifest once every file it lists is there and whole.
Result<Manifest> ReadVerified(const fs::path& dir, std::ostream& out) {
  if (!fs::is_directory(dir))
    return Fail(Error::Validation("'" + dir.string() + "' is not a backup: no such directory"));
  std::ifstream in(dir / "manifest.json", std::ios::binary);
  if (!in)
    return Fail(Error::Validation("'" + dir.string() +
                                  "' is not a Mobilise backup: it has no manifest.json"));
  std::stringstream text;
  text << in.rdbuf();
  auto manifest = ParseManifest(text.str());
  if (!manifest) return manifest;
  std::vector<std::string> problems;
  std::size_t checked = 0;
  for (const auto& file : manifest->files) {
    const bool blob = file.path != manifest->database;
    if (auto problem = FileProblem(dir, file, blob); !problem.empty()) problems.push_back(problem);
    if (++checked % 500 == 0) out << "checked " << checked << " files\n" << std::flush;
  }
  out << "checked " << checked << " files: " << (problems.empty() ? "all whole" : "damaged")
      << "\n";
  if (problems.empty()) return manifest;
  std::string message = "the backup '" + dir.string() + "' is damaged, nothing was restored: ";
  for (std::size_t i = 0; i < problems.size() && i < kProblemsShown; ++i)
    message += (i ? "; " : "") + problems[i];
  if (problems.size() > kProblemsShown)
    message += "; and " + std::to_string(problems.size() - kProblemsShown) + " more";
  return Fail(Error::Validation(message));
}

Status CheckTarget(const Config& config, const Manifest& m, bool force) {
  if (m.dialect != DialectName(config.database))
    return Fail(Error::Validation(
        "the backup holds a " + m.dialect + " database and --database names a " +
        DialectName(config.database) + " one: restore into the kind of database it came from"));
  const auto dialect =
      m.dialect == "sqlite" ? storage::Dialect::kSqlite : storage::Dialect::kPostgres;
  if (m.schema_version > NewestMigration(dialect))
    return Fail(Error::Validation("the backup comes from a newer Mobilise (schema " +
                                  std::to_string(m.schema_version) + ", this one knows up to " +
                                  std::to_string(NewestMigration(dialect)) +
                                  "): restore it with that version or a newer one"));
  if (force) return {};
  std::error_code ec;
  const fs::path files = fs::path(config.data_dir) / "files";
  if (fs::is_directory(files, ec) && !fs::is_empty(files, ec))
    return Fail(Error::Validation("the data directory '" + config.data_dir +
                                  "' already holds files: restore into a fresh one, or add "
                                  "--force to restore over it"));
  if (!DatabaseIsEmpty(config.database))
    return Fail(
        Error::Validation("the database already holds tables: restore into a fresh one, "
                          "or add --force to replace it"));
  return {};
}

// Copies the blobs into the data directory (temporary name, then rename): those already there
// with the right bytes are kept.
void RestoreBlobs(const fs::path& dir, const Manifest& m, const fs::path& data_dir) {
  for (std::size_t i = 1; i < m.files.size(); ++i) {
    const auto& file = m.files[i];
    const fs::path to = data_dir / file.path;
    std::error_code ec;
    if (fs::is_regular_file(to, ec) && storage::Sha256OfFile(to) == file.sha256) continue;
    fs::create_directories(to.parent_path());
    const fs::path partial = to.string() + "." + RandomHex(4) + ".tmp";
    storage::CopyFileSynced(dir / file.path, partial);
    fs::rename(partial, to);
  }
}

// Every table holds the rows the manifest counted.
void CheckCounts(const std::string& url, const Manifest& m) {
  auto db = storage::OpenDatabase(url, 1);
  auto conn = db->Acquire();
  for (const auto& [table, rows] : m.tables) {
    const auto n = conn->Query("SELECT count(*) FROM " + table)[0].Int(0);
    if (n != rows)
      throw storage::DatabaseError("after the restore, table " + table + " has " +
                                   std::to_string(n) + " rows where the backup had " +
                                   std::to_string(rows));
  }
}

}  // namespace

Status Restore(const Config& config, const std::string& source, bool force, std::ostream& out) {
  const fs::path dir = fs::path(source).lexically_normal();
  auto m = ReadVerified(dir, out);
  if (!m) return Fail(m.error());
  if (auto ok = CheckTarget(config, *m, force); !ok) return ok;
  RestoreBlobs(dir, *m, config.data_dir);
  out << "files: " << m->files.size() - 1 << " in " << config.data_dir << "\n";
  RestoreDatabase(config.database, dir / m->database);
  CheckCounts(config.database, *m);
  std::int64_t rows = 0;
  for (const auto& [table, n] : m->tables) rows += n;
  out << "database: " << m->tables.size() << " tables, " << rows << " rows, as counted at "
      << m->created_at << "\n";
  auto db = storage::OpenDatabase(config.database, 1);
  out << "applied " << storage::Migrate(*db) << " migration(s)\n";
  out << "restored " << dir.string() << " (schema " << m->schema_version << ")\n";
  if (!m->missing.empty())
    out << "warning: " << m->missing.size()
        << " file(s) that records name were already missing when the backup was made\n";
  return {};
}

}  // namespace mobilise::app
