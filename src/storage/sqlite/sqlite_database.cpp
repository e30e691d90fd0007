#include "storage/sqlite/sqlite_database.hpp"

#include <sqlite3.h>

#include <charconv>
#include <chrono>
#include <cmath>
#include <semaphore>
#include <unordered_map>

#include "storage/connection_pool.hpp"

namespace mobilise::storage {
namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr int kChunkBytes = 8 << 20;
constexpr std::size_t kStatementCacheLimit = 256;
constexpr std::size_t kSqlInMessage = 200;

std::string SqlForMessage(std::string_view sql) {
  if (sql.size() <= kSqlInMessage) return std::string(sql);
  return std::string(sql.substr(0, kSqlInMessage)) + "...";
}

ConstraintViolation::Kind KindOf(int extended_code) {
  switch (extended_code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return ConstraintViolation::Kind::kUnique;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return ConstraintViolation::Kind::kForeignKey;
    case SQLITE_CONSTRAINT_CHECK:
      return ConstraintViolation::Kind::kCheck;
    case SQLITE_CONSTRAINT_NOTNULL:
      return ConstraintViolation::Kind::kNotNull;
    default:
      return ConstraintViolation::Kind::kOther;
  }
}

// Throws the exception for an SQLite error code; `db` supplies the message (no bound values:
// SQLite's messages name the constraint or the problem, not the data).
[[noreturn]] void Throw(sqlite3* db, int rc, std::string_view sql) {
  const int extended = db != nullptr ? sqlite3_extended_errcode(db) : rc;
  std::string what = "sqlite: ";
  what += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  if (!sql.empty()) what += " [in: " + SqlForMessage(sql) + "]";
  if ((rc & 0xff) == SQLITE_CONSTRAINT) {
    throw ConstraintViolation(KindOf((extended & 0xff) == SQLITE_CONSTRAINT ? extended : rc), what);
  }
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) throw DatabaseBusy(what);
  if ((rc & 0xff) == SQLITE_FULL) throw StorageFull(what);
  throw DatabaseError(what);
}

std::string FormatReal(double v) {
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  if (std::isnan(v)) return "NaN";
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, end);
}

// SQLite has one writer at a time. The connections of one database queue for it here, woken as
// soon as it is free, rather than in SQLite's busy handler, which sleeps 1, 2, 5, 10 ... 100 ms
// between tries (measured under 32 concurrent submissions: most of the wall time). After the busy
// timeout a writer goes on to BEGIN IMMEDIATE regardless (as before: SQLite's own wait applies).
class WriterQueue {
 public:
  bool Enter() { return free_.try_acquire_for(std::chrono::milliseconds(kBusyTimeoutMs)); }
  void Leave() { free_.release(); }

 private:
  std::binary_semaphore free_{1};
};

class SqliteConnection final : public PoolableConnection {
 public:
  SqliteConnection(const std::string& path, WriterQueue& writers) : writers_(writers) {
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
      std::string what = "sqlite: cannot open database file '" + path +
                         "': " + (db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
      sqlite3_close_v2(db_);
      throw DatabaseError(what);
    }
    try {
      sqlite3_extended_result_codes(db_, 1);
      sqlite3_busy_timeout(db_, kBusyTimeoutMs);
      // mmap: large scans (roll-ups of a province) read pages without a copy per page
      // (measured: province roll-up 1.1 s -> 0.8 s); a 16 MB page cache per connection.
      ExecuteScript(
          "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; "
          "PRAGMA mmap_size=1073741824; PRAGMA cache_size=-16384;");
      // The file grows (and shrinks) in whole chunks, so the memory map above is remapped once
      // per chunk rather than at every checkpoint that adds pages (issue 16: under ingest the
      // remapping took over half the server's CPU, in the kernel).
      int chunk = kChunkBytes;
      sqlite3_file_control(db_, "main", SQLITE_FCNTL_CHUNK_SIZE, &chunk);
    } catch (...) {
      sqlite3_close_v2(db_);
      throw;
    }
  }

  ~SqliteConnection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  Dialect dialect() const override { return Dialect::kSqlite; }

  ResultSet Query(std::string_view sql, std::span<const Param> params) override {
    sqlite3_stmt* stmt = Prepare(sql, params);
    Reset reset{stmt};
    const int n = sqlite3_column_count(stmt);
    std::vector<std::string> columns;
    columns.reserve(n);
    for (int i = 0; i < n; ++i) columns.emplace_back(sqlite3_column_name(stmt, i));
    ResultSet rs(std::move(columns));
    for (;;) {
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) Throw(db_, rc, sql);
      for (int i = 0; i < n; ++i) rs.AddCell(Cell(stmt, i));
    }
    return rs;
  }

  std::int64_t Execute(std::string_view sql, std::span<const Param> params) override {
    sqlite3_stmt* stmt = Prepare(sql, params);
    Reset reset{stmt};
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) Throw(db_, rc, sql);
    return sqlite3_stmt_readonly(stmt) ? 0 : sqlite3_changes64(db_);
  }

  void ExecuteScript(std::string_view sql) override {
    const std::string text(sql);
    char* err = nullptr;
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
    sqlite3_free(err);  // the same text is available from sqlite3_errmsg
    if (rc != SQLITE_OK) Throw(db_, rc, sql);
  }

  void Begin(bool write) override {
    if (!write) {
      Execute("BEGIN DEFERRED", {});
      return;
    }
    writing_ = writers_.Enter();
    try {
      Execute("BEGIN IMMEDIATE", {});
    } catch (...) {
      LeaveWriters();
      throw;
    }
  }
  void Commit() override {
    Execute("COMMIT", {});
    LeaveWriters();
  }
  void Rollback() override {
    Execute("ROLLBACK", {});
    LeaveWriters();
  }

  void CleanUpAfterUse() noexcept override {
    if (sqlite3_get_autocommit(db_) == 0) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    LeaveWriters();
  }

 private:
  struct Reset {
    sqlite3_stmt* stmt;
    ~Reset() {
      sqlite3_reset(stmt);
      sqlite3_clear_bindings(stmt);
    }
  };

  // Returns the cached statement for `sql` (preparing it on first use) with `params` bound.
  sqlite3_stmt* Prepare(std::string_view sql, std::span<const Param> params) {
    std::string key(sql);
    auto it = cache_.find(key);
    if (it == cache_.end()) {
      if (cache_.size() >= kStatementCacheLimit) {
        for (auto& [k, s] : cache_) sqlite3_finalize(s);
        cache_.clear();
      }
      sqlite3_stmt* stmt = nullptr;
      const char* tail = nullptr;
      const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                        SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
      if (rc != SQLITE_OK) Throw(db_, rc, sql);
      if (stmt == nullptr) throw DatabaseError("sqlite: empty statement");
      for (const char* p = tail; p != nullptr && p < sql.data() + sql.size(); ++p) {
        if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r' && *p != ';') {
          sqlite3_finalize(stmt);
          throw DatabaseError("sqlite: more than one statement (use ExecuteScript) [in: " +
                              SqlForMessage(sql) + "]");
        }
      }
      it = cache_.emplace(std::move(key), stmt).first;
    }
    sqlite3_stmt* stmt = it->second;
    const int expected = sqlite3_bind_parameter_count(stmt);
    if (expected != static_cast<int>(params.size())) {
      throw DatabaseError("sqlite: statement takes " + std::to_string(expected) +
                          " parameter(s), got " + std::to_string(params.size()) +
                          " [in: " + SqlForMessage(sql) + "]");
    }
    for (int i = 0; i < expected; ++i) {
      const Param& p = params[i];
      int rc = SQLITE_OK;
      if (const auto* v = std::get_if<std::int64_t>(&p)) {
        rc = sqlite3_bind_int64(stmt, i + 1, *v);
      } else if (const auto* d = std::get_if<double>(&p)) {
        rc = sqlite3_bind_double(stmt, i + 1, *d);
      } else if (const auto* s = std::get_if<std::string>(&p)) {
        // The params outlive the statement's use (reset before returning): no copy needed.
        rc = sqlite3_bind_text64(stmt, i + 1, s->data(), s->size(), SQLITE_STATIC, SQLITE_UTF8);
      } else {
        rc = sqlite3_bind_null(stmt, i + 1);
      }
      if (rc != SQLITE_OK) {
        sqlite3_clear_bindings(stmt);
        Throw(db_, rc, sql);
      }
    }
    return stmt;
  }

  static std::optional<std::string> Cell(sqlite3_stmt* stmt, int i) {
    switch (sqlite3_column_type(stmt, i)) {
      case SQLITE_NULL:
        return std::nullopt;
      case SQLITE_INTEGER:
        return std::to_string(sqlite3_column_int64(stmt, i));
      case SQLITE_FLOAT:
        return FormatReal(sqlite3_column_double(stmt, i));
      default: {  // text or blob: the bytes as they are
        const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt, i));
        const int size = sqlite3_column_bytes(stmt, i);
        return data != nullptr ? std::string(data, size) : std::string();
      }
    }
  }

  void LeaveWriters() noexcept {
    if (writing_) writers_.Leave();
    writing_ = false;
  }

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
  WriterQueue& writers_;
  bool writing_ = false;  // this connection is the queue's writer
};

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, int pool_size)
      : path_(std::move(path)), pool_(path_ == ":memory:" ? 1 : pool_size, [this] {
          return std::make_unique<SqliteConnection>(path_, writers_);
        }) {}

  Dialect dialect() const override { return Dialect::kSqlite; }
  PooledConnection Acquire() override { return pool_.Acquire(); }
  PooledConnection TryAcquire() override { return pool_.TryAcquire(); }
  PoolStats Stats() const override { return pool_.Stats(); }

 private:
  const std::string path_;
  WriterQueue writers_;  // before pool_: its connections use it
  ConnectionPool pool_;
};

}  // namespace

std::unique_ptr<Database> OpenSqliteDatabase(const std::string& path, int pool_size) {
  if (path.empty()) throw DatabaseError("sqlite: empty database path");
  return std::make_unique<SqliteDatabase>(path, pool_size);
}

}  // namespace mobilise::storage
