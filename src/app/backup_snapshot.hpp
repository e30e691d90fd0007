// The database half of `mobilise backup` / `mobilise restore` (app/backup.hpp): a consistent
// snapshot of the database into one file, with what that snapshot holds (row counts, schema
// version, the blobs its records refer to), and putting such a file back.
//   SQLite:     SQLite's online backup API (storage/sqlite/sqlite_backup.hpp) -> database.sqlite
//   PostgreSQL: `pg_dump -Fc` of a snapshot exported by a REPEATABLE READ transaction, read in
//               that same transaction -> database.pgdump; `pg_restore` puts it back.
// Failures throw storage::DatabaseError (the CLI reports them).
#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "storage/database.hpp"

namespace mobilise::app {

struct Snapshot {
  int schema_version = 0;
  std::vector<std::pair<std::string, std::int64_t>> tables;  // rows per table, by name
  std::set<std::string> blobs;                               // SHA-256s the records name
};

// What the database `conn` reads holds (call it inside the snapshot's transaction).
Snapshot ReadSnapshot(storage::Connection& conn);

// The newest migration this binary knows for `dialect`.
int NewestMigration(storage::Dialect dialect);

// The database at `url` as one file `file`; progress goes to `out`.
Snapshot SnapshotDatabase(const std::string& url, const std::filesystem::path& file,
                          std::ostream& out);

// A PostgreSQL URL without its password (which would show in the process list on pg_dump's
// command line), and the password, percent-decoded, which goes to PGPASSWORD instead.
struct ToolTarget {
  std::string url;
  std::string password;
};
ToolTarget WithoutPassword(const std::string& url);

// The dialect of a database URL: "sqlite" or "postgres".
std::string DialectName(const std::string& url);

// True when the database at `url` has no tables (a missing SQLite file is empty).
bool DatabaseIsEmpty(const std::string& url);

// Puts the snapshot `file` in place as the database at `url`, replacing what is there.
void RestoreDatabase(const std::string& url, const std::filesystem::path& file);

}  // namespace mobilise::app
