#include "app/backup.hpp"

#include <chrono>
#include <filesystem>
#include <ostream>

#include "app/backup_manifest.hpp"
#include "app/backup_snapshot.hpp"
#include "core/clock.hpp"
#include "core/id.hpp"
#include "storage/files/blob_store.hpp"
#include "storage/files/file_hash.hpp"

namespace mobilise::app {
namespace {

namespace fs = std::filesystem;

// A directory removed with its contents when this goes, unless Keep() was called.
class PartialDirectory {
 public:
  explicit PartialDirectory(fs::path path) : path_(std::move(path)) { fs::create_directory(path_); }
  ~PartialDirectory() {
    std::error_code ignored;
    if (!kept_) fs::remove_all(path_, ignored);
  }
  PartialDirectory(const PartialDirectory&) = delete;
  PartialDirectory& operator=(const PartialDirectory&) = delete;
  const fs::path& path() const { return path_; }
  void Keep() { kept_ = true; }

 private:
  fs::path path_;
  bool kept_ = false;
};

Result<fs::path> CheckDestination(const std::string& dest) {
  fs::path path = fs::path(dest).lexically_normal();
  if (!path.has_filename()) path = path.parent_path();
  if (path.empty()) return Fail(Error::Validation("name the directory to write the backup to"));
  if (fs::exists(path))
    return Fail(Error::Validation("'" + path.string() +
                                  "' already exists: a backup never replaces anything, name a "
                                  "new directory"));
  const fs::path parent = path.has_parent_path() ? path.parent_path() : fs::path(".");
  if (!fs::is_directory(parent))
    return Fail(Error::Validation("the directory '" + parent.string() + "' does not exist"));
  return path;
}

// Copies each blob from the data directory into `dir`, checking its bytes against its name; a
// blob that is missing or damaged in the data directory goes to `missing` (and is reported).
std::vector<ManifestFile> CopyBlobs(const fs::path& data_dir, const std::set<std::string>& blobs,
                                    const fs::path& dir, std::vector<std::string>& missing,
                                    std::ostream& out) {
  std::vector<ManifestFile> copied;
  std::size_t done = 0, shown = 0;
  for (const auto& sha : blobs) {
    ++done;
    const fs::path from = storage::BlobPath(data_dir, sha), to = storage::BlobPath(dir, sha);
    if (!storage::IsSha256Hex(sha) || !fs::is_regular_file(from)) {
      out << "warning: records name the file " << sha << ", which is not in " << data_dir << "\n";
      missing.push_back(sha);
      continue;
    }
    fs::create_directories(to.parent_path());
    storage::CopyFileSynced(from, to);
    if (storage::Sha256OfFile(to) != sha) {
      out << "warning: the file " << from << " is damaged (its bytes do not match its name)\n";
      fs::remove(to);
      missing.push_back(sha);
      continue;
    }
    copied.push_back({fs::relative(to, dir).generic_string(), fs::file_size(to), sha});
    if (done * 10 / blobs.size() != shown || done == blobs.size()) {
      shown = done * 10 / blobs.size();
      out << "files: " << done << " of " << blobs.size() << "\n" << std::flush;
    }
  }
  if (fs::is_directory(dir / "files")) {
    for (const auto& sub : fs::directory_iterator(dir / "files")) storage::SyncPath(sub.path());
    storage::SyncPath(dir / "files");
  }
  return copied;
}

std::int64_t TotalRows(const Manifest& m) {
  std::int64_t rows = 0;
  for (const auto& [table, n] : m.tables) rows += n;
  return rows;
}

}  // namespace

Status Backup(const Config& config, const std::string& dest, const std::string& version,
              std::ostream& out) {
  auto path = CheckDestination(dest);
  if (!path) return Fail(path.error());
  const auto t0 = std::chrono::steady_clock::now();
  PartialDirectory partial(path->string() + ".partial-" + RandomHex(4));
  Manifest m;
  m.created_at = SystemClock().Timestamp();
  m.mobilise_version = version;
  m.dialect = DialectName(config.database);
  m.database = m.dialect == "sqlite" ? "database.sqlite" : "database.pgdump";
  const fs::path database = partial.path() / m.database;
  const Snapshot snapshot = SnapshotDatabase(config.database, database, out);
  m.schema_version = snapshot.schema_version;
  m.tables = snapshot.tables;
  m.files.push_back({m.database, fs::file_size(database), storage::Sha256OfFile(database)});
  if (!snapshot.blobs.empty() && !fs::is_directory(fs::path(config.data_dir) / "files"))
    return Fail(Error::Validation("records name " + std::to_string(snapshot.blobs.size()) +
                                  " files but the data directory '" + config.data_dir +
                                  "' holds none: give the server's --data-dir"));
  for (auto& f : CopyBlobs(config.data_dir, snapshot.blobs, partial.path(), m.missing, out))
    m.files.push_back(std::move(f));
  storage::WriteFileSynced(partial.path() / "manifest.json", ManifestJson(m));
  storage::SyncPath(partial.path());
  fs::rename(partial.path(), *path);
  partial.Keep();
  storage::SyncPath(path->has_parent_path() ? path->parent_path() : fs::path("."));
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  out << "backup written to " << path->string() << ": " << m.tables.size() << " tables, "
      << TotalRows(m) << " rows, " << m.files.size() - 1 << " files, schema " << m.schema_version
      << ", in " << secs << " s\n";
  if (!m.missing.empty())
    out << "warning: " << m.missing.size()
        << " file(s) that records name were missing or damaged in the data directory\n";
  return {};
}

}  // namespace mobilise::app
