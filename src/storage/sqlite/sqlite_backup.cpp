#include "storage/sqlite/sqlite_backup.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <memory>

#include "storage/database.hpp"
#include "storage/files/file_hash.hpp"

namespace mobilise::storage {
namespace {

constexpr int kBusyTimeoutMs = 10000;

struct Closer {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Handle = std::unique_ptr<sqlite3, Closer>;

Handle Open(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  Handle db(raw);
  if (rc != SQLITE_OK)
    throw DatabaseError("sqlite: cannot open '" + path +
                        "': " + (raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  return db;
}

void Exec(sqlite3* db, const char* sql) {
  if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
    throw DatabaseError(std::string("sqlite: ") + sqlite3_errmsg(db) + " [in: " + sql + "]");
}

}  // namespace

void BackupSqliteFile(const std::string& source, const std::string& dest,
                      const std::function<void(int, int)>& progress, int pages_per_step) {
  if (!std::filesystem::exists(source))
    throw DatabaseError("sqlite: there is no database file '" + source + "'");
  if (std::filesystem::exists(dest)) throw DatabaseError("sqlite: '" + dest + "' already exists");
  Handle from = Open(source, SQLITE_OPEN_READWRITE);
  Handle to = Open(dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  // The read transaction that fixes the snapshot: every step reads the same instant of the WAL.
  Exec(from.get(), "BEGIN DEFERRED; SELECT count(*) FROM sqlite_schema;");
  sqlite3_backup* backup = sqlite3_backup_init(to.get(), "main", from.get(), "main");
  if (backup == nullptr)
    throw DatabaseError(std::string("sqlite: cannot start the backup: ") +
                        sqlite3_errmsg(to.get()));
  int rc;
  do {
    rc = sqlite3_backup_step(backup, pages_per_step);
    const int total = sqlite3_backup_pagecount(backup);
    if (progress) progress(total - sqlite3_backup_remaining(backup), total);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE)
    throw DatabaseError(std::string("sqlite: the backup failed: ") + sqlite3_errstr(rc));
  Exec(from.get(), "COMMIT");
  // The copy stands alone: one file, no WAL beside it.
  Exec(to.get(), "PRAGMA journal_mode=DELETE");
  to.reset();
  SyncPath(dest);
}

}  // namespace mobilise::storage
