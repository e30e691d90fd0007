#include "app/backup_snapshot.hpp"

#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>
#include <ostream>
#include <string_view>

#include "core/id.hpp"
#include "storage/embedded_migrations.hpp"
#include "storage/files/blob_references.hpp"
#include "storage/files/file_hash.hpp"
#include "storage/sqlite/sqlite_backup.hpp"

extern char** environ;

namespace mobilise::app {
namespace {

namespace fs = std::filesystem;

bool IsSqlite(const std::string& url) { return url.rfind("sqlite:", 0) == 0; }

std::string SqlitePath(const std::string& url) {
  return url.substr(url.rfind("sqlite://", 0) == 0 ? 9 : 7);
}

std::vector<std::string> TableNames(storage::Connection& conn) {
  const auto rows = conn.Query(
      conn.dialect() == storage::Dialect::kSqlite
          ? "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
          : "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()");
  std::vector<std::string> names;
  for (std::size_t i = 0; i < rows.size(); ++i) names.push_back(rows[i].Str(0));
  std::sort(names.begin(), names.end());
  return names;
}

// Runs a PostgreSQL client program (pg_dump, pg_restore) with the terminal's output and waits;
// `password` (if any) goes in its environment, never on its command line.
void RunTool(const std::vector<std::string>& args, const std::string& password) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<std::string> vars;
  for (char** e = environ; *e; ++e)
    if (std::string_view(*e).rfind("PGPASSWORD=", 0) != 0 || password.empty()) vars.push_back(*e);
  if (!password.empty()) vars.push_back("PGPASSWORD=" + password);
  std::vector<char*> envp;
  for (auto& v : vars) envp.push_back(v.data());
  envp.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), envp.data()) != 0)
    throw storage::DatabaseError(args[0] + " did not run: is the PostgreSQL client installed?");
  int status = 0;
  if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw storage::DatabaseError(args[0] + " failed (its message is above)");
}

Snapshot SnapshotSqlite(const std::string& url, const fs::path& file, std::ostream& out) {
  int shown = -1;
  storage::BackupSqliteFile(SqlitePath(url), file.string(), [&](int done, int total) {
    const int percent = total > 0 ? done * 100 / total : 100;
    if (percent / 10 == shown / 10 && done != total) return;
    shown = percent;
    out << "database: " << percent << "% (" << done << " of " << total << " pages)\n" << std::flush;
  });
  auto copy = storage::OpenDatabase("sqlite:" + file.string(), 1);
  auto conn = copy->Acquire();
  auto snapshot = ReadSnapshot(*conn);
  conn->ExecuteScript("PRAGMA journal_mode=DELETE");  // the copy stays one file
  return snapshot;
}

Snapshot SnapshotPostgres(const std::string& url, const fs::path& file, std::ostream& out) {
  auto db = storage::OpenDatabase(url, 1);
  auto conn = db->Acquire();
  storage::Transaction tx(*conn, false);
  conn->ExecuteScript("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
  const std::string id = conn->Query("SELECT pg_export_snapshot()")[0].Str(0);
  out << "database: pg_dump of snapshot " << id << "\n" << std::flush;
  const auto target = WithoutPassword(url);
  RunTool({"pg_dump", "--format=custom", "--no-owner", "--snapshot=" + id,
           "--file=" + file.string(), "--dbname=" + target.url},
          target.password);
  auto snapshot = ReadSnapshot(*conn);
  tx.Commit();
  storage::SyncPath(file);
  out << "database: 100%\n";
  return snapshot;
}

}  // namespace

ToolTarget WithoutPassword(const std::string& url) {
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed || !parsed->has_password()) return {url, ""};
  boost::urls::url bare(*parsed);
  std::string password = bare.password();  // percent-decoded
  bare.remove_password();
  return {std::string(bare.buffer()), std::move(password)};
}

Snapshot ReadSnapshot(storage::Connection& conn) {
  Snapshot s;
  for (const auto& table : TableNames(conn))
    s.tables.emplace_back(table, conn.Query("SELECT count(*) FROM " + table)[0].Int(0));
  s.schema_version =
      static_cast<int>(conn.Query("SELECT max(version) FROM schema_migrations")[0].Int(0));
  s.blobs = storage::ReferencedBlobs(conn);
  return s;
}

int NewestMigration(storage::Dialect dialect) {
  int newest = 0;
  for (const auto& m : storage::EmbeddedMigrations())
    if (m.dialect == dialect) newest = std::max(newest, m.version);
  return newest;
}

Snapshot SnapshotDatabase(const std::string& url, const fs::path& file, std::ostream& out) {
  return IsSqlite(url) ? SnapshotSqlite(url, file, out) : SnapshotPostgres(url, file, out);
}

std::string DialectName(const std::string& url) { return IsSqlite(url) ? "sqlite" : "postgres"; }

bool DatabaseIsEmpty(const std::string& url) {
  if (IsSqlite(url)) {
    std::error_code ec;
    const auto size = fs::file_size(SqlitePath(url), ec);
    if (ec || size == 0) return true;
  }
  auto db = storage::OpenDatabase(url, 1);
  auto conn = db->Acquire();
  return TableNames(*conn).empty();
}

void RestoreDatabase(const std::string& url, const fs::path& file) {
  if (!IsSqlite(url)) {
    // One transaction: a failure leaves the database as it was. --clean drops what --force
    // replaces.
    const auto target = WithoutPassword(url);
    RunTool({"pg_restore", "--single-transaction", "--exit-on-error", "--no-owner",
             "--no-privileges", "--clean", "--if-exists", "--dbname=" + target.url, file.string()},
            target.password);
    return;
  }
  const fs::path path = SqlitePath(url);
  if (path.has_parent_path()) fs::create_directories(path.parent_path());
  const fs::path partial = path.string() + ".restoring-" + RandomHex(4);
  storage::CopyFileSynced(file, partial);
  for (const char* suffix : {"-wal", "-shm", "-journal"}) fs::remove(path.string() + suffix);
  fs::rename(partial, path);
  storage::SyncPath(path.has_parent_path() ? path.parent_path() : fs::path("."));
}

}  // namespace mobilise::app
