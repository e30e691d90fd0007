// The storage engine interface: a pool of connections to SQLite or PostgreSQL that run SQL with
// `?` placeholders (the PostgreSQL backend rewrites them to $1..$n, leaving alone any '?' inside
// string literals, quoted identifiers and comments). Repositories (storage/*_repository.cpp) are
// the only code that writes SQL. Backends: sqlite/sqlite_database.hpp,
// postgres/postgres_database.hpp.
//
// Failures: a constraint violation throws ConstraintViolation (repositories turn it into a
// Result error); anything else (database gone, disk full, bad SQL, wrong number of parameters)
// throws DatabaseError and is caught at the HTTP boundary or in the CLI's main. Messages never hold
// bound parameter values (personal data must not reach logs).
// On PostgreSQL any error inside a transaction aborts it: after one, only Rollback() is possible
// (Commit() throws), so write upserts with ON CONFLICT rather than catch-and-retry.
// Thread-safety: a Database is shared by all threads; a Connection is used by one thread at a time.
// Ownership: a Database must outlive every connection borrowed from it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/resource_errors.hpp"

namespace mobilise::storage {

enum class Dialect { kSqlite, kPostgres };

struct DatabaseError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The database stayed locked past the wait (SQLITE_BUSY/SQLITE_LOCKED after the busy timeout,
// PostgreSQL's lock_not_available): the HTTP adapter answers 503 with Retry-After.
struct DatabaseBusy : DatabaseError, BusyFailure {
  using DatabaseError::DatabaseError;
};

// The disk is full (SQLITE_FULL, PostgreSQL's disk_full, ENOSPC writing a file): 507.
struct StorageFull : DatabaseError, NoSpaceFailure {
  using DatabaseError::DatabaseError;
};

struct ConstraintViolation : DatabaseError {
  enum class Kind { kUnique, kForeignKey, kCheck, kNotNull, kOther };
  ConstraintViolation(Kind k, const std::string& what) : DatabaseError(what), kind(k) {}
  Kind kind;
};

// A bound parameter. std::monostate is SQL NULL.
using Param = std::variant<std::monostate, std::int64_t, double, std::string>;

// A materialised result: every cell as text or NULL (integers and reals in their decimal form).
//
// Cells are read by column name (`r.Str("area_id")`: the name the backend reports, i.e. the
// column's name without its table alias, or its `AS` alias), so a column added to a SELECT list
// shifts nothing. A name that is not in the result, or that two columns share, throws
// DatabaseError: it is a programming error, found by the first test that reads the row. Reads by
// position remain for single-column results and for generated SQL (indicator_sql.cpp).
// Names resolve in O(1) when read in SELECT order (the usual case): the result remembers where
// the last name was found. A ResultSet is therefore read by one thread at a time.
class ResultSet {
 public:
  class Row {
   public:
    Row(const ResultSet* rs, std::size_t index) : rs_(rs), index_(index) {}
    bool IsNull(std::size_t col) const;
    std::string_view Text(std::size_t col) const;  // "" when NULL
    std::string Str(std::size_t col) const { return std::string(Text(col)); }
    std::optional<std::string> OptText(std::size_t col) const;
    std::optional<double> OptReal(std::size_t col) const;
    std::int64_t Int(std::size_t col) const;  // 0 when NULL
    double Real(std::size_t col) const;       // 0 when NULL

    // The same by column name.
    bool IsNull(std::string_view name) const { return IsNull(rs_->ColumnIndex(name)); }
    std::string_view Text(std::string_view name) const { return Text(rs_->ColumnIndex(name)); }
    std::string Str(std::string_view name) const { return Str(rs_->ColumnIndex(name)); }
    std::optional<std::string> OptText(std::string_view name) const {
      return OptText(rs_->ColumnIndex(name));
    }
    std::optional<double> OptReal(std::string_view name) const {
      return OptReal(rs_->ColumnIndex(name));
    }
    std::int64_t Int(std::string_view name) const { return Int(rs_->ColumnIndex(name)); }
    double Real(std::string_view name) const { return Real(rs_->ColumnIndex(name)); }
    // A flag stored as 0/1 (SQLite) or a boolean (PostgreSQL's t/f); false when NULL.
    bool Bool(std::string_view name) const { return Int(name) != 0; }

   private:
    const ResultSet* rs_;
    std::size_t index_;
  };

  ResultSet() = default;
  explicit ResultSet(std::vector<std::string> columns);

  std::size_t size() const { return columns_.empty() ? 0 : cells_.size() / columns_.size(); }
  bool empty() const { return size() == 0; }
  Row operator[](std::size_t i) const { return Row(this, i); }
  const std::vector<std::string>& columns() const { return columns_; }
  // The index of the column called `name`; throws DatabaseError if there is none or several.
  std::size_t ColumnIndex(std::string_view name) const {
    if (next_ < columns_.size() && columns_[next_] == name && !shared_name_[next_]) return next_++;
    return FindColumn(name);
  }

  // Used by backends while reading rows.
  void AddCell(std::optional<std::string> cell) { cells_.push_back(std::move(cell)); }

 private:
  friend class Row;
  std::size_t FindColumn(std::string_view name) const;  // ColumnIndex's slow path

  std::vector<std::string> columns_;
  std::vector<char> shared_name_;  // per column: another column has the same name
  std::vector<std::optional<std::string>> cells_;
  mutable std::size_t next_ = 0;  // where the next name is looked for first
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;

  // One statement; returns its rows (empty for statements without RETURNING).
  virtual ResultSet Query(std::string_view sql, std::span<const Param> params = {}) = 0;
  // One statement; returns the number of rows changed (0 for a SELECT).
  virtual std::int64_t Execute(std::string_view sql, std::span<const Param> params = {}) = 0;
  // Several statements separated by ';', no parameters (migrations).
  virtual void ExecuteScript(std::string_view sql) = 0;

  // Transactions. `write` takes the write lock up front on SQLite (BEGIN IMMEDIATE).
  virtual void Begin(bool write) = 0;
  virtual void Commit() = 0;
  virtual void Rollback() = 0;

  // Convenience overloads with an initializer list of params.
  ResultSet Query(std::string_view sql, std::initializer_list<Param> params) {
    return Query(sql, std::span<const Param>(params.begin(), params.size()));
  }
  std::int64_t Execute(std::string_view sql, std::initializer_list<Param> params) {
    return Execute(sql, std::span<const Param>(params.begin(), params.size()));
  }
};

// A borrowed connection; returns to the pool when destroyed.
using PooledConnection = std::unique_ptr<Connection, std::function<void(Connection*)>>;

struct PoolStats {
  int size = 0;            // connections opened
  int in_use = 0;          // borrowed right now
  std::int64_t waits = 0;  // acquisitions that had to wait for a free connection
};

class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;
  // Blocks until a connection is free. Throws DatabaseError if none can be opened. A connection
  // returned with a transaction still open is rolled back before anyone else borrows it.
  virtual PooledConnection Acquire() = 0;
  // A connection if one is free now, else null (see ConnectionPool::TryAcquire).
  virtual PooledConnection TryAcquire() = 0;
  virtual PoolStats Stats() const = 0;
};

// Opens "sqlite:PATH" (file created if missing; WAL, foreign keys, busy timeout) or
// "postgresql://..." / "postgres://..." (libpq conninfo URI). Throws DatabaseError on failure.
std::unique_ptr<Database> OpenDatabase(const std::string& url, int pool_size);

// Applies the numbered migrations for the database's dialect that are not yet applied, each in
// its own transaction, recording them in schema_migrations. Safe to run concurrently from two
// processes (PostgreSQL: advisory lock; SQLite: write lock). Returns the number applied.
int Migrate(Database& db);

// RAII transaction: rolls back unless Commit() was called.
class Transaction {
 public:
  Transaction(Connection& conn, bool write) : conn_(conn) { conn_.Begin(write); }
  ~Transaction() {
    if (!done_) {
      try {
        conn_.Rollback();
      } catch (...) {
      }
    }
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void Commit() {
    conn_.Commit();
    done_ = true;
  }

 private:
  Connection& conn_;
  bool done_ = false;
};

}  // namespace mobilise::storage
