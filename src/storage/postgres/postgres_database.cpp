#include "storage/postgres/postgres_database.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <cstring>
#include <unordered_map>

#include "storage/connection_pool.hpp"
#include "storage/postgres/placeholders.hpp"

namespace mobilise::storage {
namespace {

constexpr std::size_t kStatementCacheLimit = 256;
constexpr std::size_t kSqlInMessage = 200;

std::string SqlForMessage(std::string_view sql) {
  if (sql.size() <= kSqlInMessage) return std::string(sql);
  return std::string(sql.substr(0, kSqlInMessage)) + "...";
}

std::string TrimmedError(const char* message) {
  std::string s = message != nullptr ? message : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

using ResultPtr = std::unique_ptr<PGresult, decltype(&PQclear)>;

// Throws for a failed result (or a null one: out of memory, connection lost).
[[noreturn]] void Throw(PGconn* conn, const PGresult* res, std::string_view sql) {
  const char* state = res != nullptr ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  const char* primary = res != nullptr ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  const char* constraint =
      res != nullptr ? PQresultErrorField(res, PG_DIAG_CONSTRAINT_NAME) : nullptr;
  const std::string sqlstate = state != nullptr ? state : "";
  std::string message = primary != nullptr ? primary : TrimmedError(PQerrorMessage(conn));
  // Data exceptions quote the offending input after a colon: drop it, it may be personal data.
  if (sqlstate.rfind("22", 0) == 0) message = message.substr(0, message.find(':'));
  std::string what = "postgres: " + message;
  if (!sqlstate.empty()) what += " (SQLSTATE " + sqlstate + ")";
  if (!sql.empty()) what += " [in: " + SqlForMessage(sql) + "]";
  if (sqlstate.rfind("23", 0) == 0) {
    using Kind = ConstraintViolation::Kind;
    Kind kind = Kind::kOther;
    if (sqlstate == "23505") kind = Kind::kUnique;
    if (sqlstate == "23503") kind = Kind::kForeignKey;
    if (sqlstate == "23514") kind = Kind::kCheck;
    if (sqlstate == "23502") kind = Kind::kNotNull;
    if (constraint != nullptr) what += " constraint " + std::string(constraint);
    throw ConstraintViolation(kind, what);
  }
  if (sqlstate == "55P03") throw DatabaseBusy(what);  // lock_not_available (lock_timeout)
  if (sqlstate == "53100") throw StorageFull(what);   // disk_full
  throw DatabaseError(what);
}

class PostgresConnection final : public PoolableConnection {
 public:
  explicit PostgresConnection(const std::string& url) {
    // Defaults first: the URL (expanded from dbname) overrides them.
    const char* keys[] = {"application_name", "client_encoding", "connect_timeout", "dbname",
                          nullptr};
    const char* values[] = {"mobilise", "UTF8", "10", url.c_str(), nullptr};
    conn_ = PQconnectdbParams(keys, values, 1);
    if (conn_ == nullptr) throw DatabaseError("postgres: out of memory while connecting");
    if (PQstatus(conn_) != CONNECTION_OK) {
      // libpq's message names host and port, never the password.
      const std::string what = "postgres: cannot connect: " + TrimmedError(PQerrorMessage(conn_));
      PQfinish(conn_);
      throw DatabaseError(what);
    }
    // Notices ("relation already exists, skipping") are not errors; libpq would print them.
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
  }

  ~PostgresConnection() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::kPostgres; }

  ResultSet Query(std::string_view sql, std::span<const Param> params) override {
    ResultPtr res = Run(sql, params);
    const int rows = PQntuples(res.get());
    const int cols = PQnfields(res.get());
    std::vector<std::string> columns;
    columns.reserve(cols);
    for (int c = 0; c < cols; ++c) columns.emplace_back(PQfname(res.get(), c));
    ResultSet rs(std::move(columns));
    for (int r = 0; r < rows; ++r) {
      for (int c = 0; c < cols; ++c) {
        if (PQgetisnull(res.get(), r, c)) {
          rs.AddCell(std::nullopt);
        } else {
          rs.AddCell(std::string(PQgetvalue(res.get(), r, c), PQgetlength(res.get(), r, c)));
        }
      }
    }
    return rs;
  }

  std::int64_t Execute(std::string_view sql, std::span<const Param> params) override {
    ResultPtr res = Run(sql, params);
    // A plain SELECT changes no rows (libpq would report how many it returned).
    if (std::strncmp(PQcmdStatus(res.get()), "SELECT", 6) == 0) return 0;
    const char* tuples = PQcmdTuples(res.get());
    std::int64_t n = 0;
    std::from_chars(tuples, tuples + std::strlen(tuples), n);
    return n;
  }

  void ExecuteScript(std::string_view sql) override { Simple(sql); }

  void Begin(bool write) override { Simple("BEGIN"); }
  void Commit() override {
    ResultPtr res = Simple("COMMIT");
    // COMMIT of an aborted transaction "succeeds" with the tag ROLLBACK.
    if (std::strcmp(PQcmdStatus(res.get()), "ROLLBACK") == 0) {
      throw DatabaseError("postgres: transaction rolled back, an earlier statement failed");
    }
  }
  void Rollback() override { Simple("ROLLBACK"); }

  void PrepareForUse() override {
    if (PQstatus(conn_) == CONNECTION_OK) return;
    prepared_.clear();  // the server forgot them with the old session
    PQreset(conn_);
    if (PQstatus(conn_) != CONNECTION_OK) {
      throw DatabaseError("postgres: connection lost and cannot reconnect: " +
                          TrimmedError(PQerrorMessage(conn_)));
    }
  }

  void CleanUpAfterUse() noexcept override {
    const auto status = PQtransactionStatus(conn_);
    if (status == PQTRANS_INTRANS || status == PQTRANS_INERROR) PQclear(PQexec(conn_, "ROLLBACK"));
  }

 private:
  // Runs a script through the simple-query protocol (several statements, no parameters).
  ResultPtr Simple(std::string_view sql) {
    ResultPtr res(PQexec(conn_, std::string(sql).c_str()), &PQclear);
    Check(res.get(), sql);
    return res;
  }

  void Check(const PGresult* res, std::string_view sql) {
    const auto status = res != nullptr ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
      Throw(conn_, res, sql);
    }
  }

  // Runs one statement as a cached prepared statement with text parameters.
  ResultPtr Run(std::string_view sql, std::span<const Param> params) {
    const std::string& name = Prepared(sql, params.size());
    std::vector<std::string> storage(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      const Param& p = params[i];
      if (const auto* v = std::get_if<std::int64_t>(&p)) {
        storage[i] = std::to_string(*v);
      } else if (const auto* d = std::get_if<double>(&p)) {
        char buf[32];
        auto [end, ec] = std::to_chars(buf, buf + sizeof buf, *d);
        storage[i].assign(buf, end);
        if (storage[i] == "inf") storage[i] = "Infinity";
        if (storage[i] == "-inf") storage[i] = "-Infinity";
        if (storage[i] == "nan" || storage[i] == "-nan") storage[i] = "NaN";
      } else if (const auto* s = std::get_if<std::string>(&p)) {
        values[i] = s->c_str();
        continue;
      } else {
        continue;  // NULL
      }
      values[i] = storage[i].c_str();
    }
    ResultPtr res(PQexecPrepared(conn_, name.c_str(), static_cast<int>(params.size()),
                                 values.data(), nullptr, nullptr, 0),
                  &PQclear);
    Check(res.get(), sql);
    return res;
  }

  // Returns the name of the prepared statement for `sql`, preparing it on first use.
  const std::string& Prepared(std::string_view sql, std::size_t param_count) {
    int count = 0;
    std::string text = RewritePlaceholders(sql, &count);
    if (count != static_cast<int>(param_count)) {
      throw DatabaseError("postgres: statement takes " + std::to_string(count) +
                          " parameter(s), got " + std::to_string(param_count) +
                          " [in: " + SqlForMessage(sql) + "]");
    }
    auto it = prepared_.find(text);
    if (it != prepared_.end()) return it->second;
    if (prepared_.size() >= kStatementCacheLimit) {
      Simple("DEALLOCATE ALL");
      prepared_.clear();
    }
    std::string name = "m" + std::to_string(++next_statement_);
    ResultPtr res(PQprepare(conn_, name.c_str(), text.c_str(), count, nullptr), &PQclear);
    Check(res.get(), sql);
    return prepared_.emplace(std::move(text), std::move(name)).first->second;
  }

  PGconn* conn_ = nullptr;
  std::unordered_map<std::string, std::string> prepared_;  // rewritten SQL -> statement name
  std::int64_t next_statement_ = 0;
};

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(const std::string& url, int pool_size)
      : pool_(pool_size, [url] { return std::make_unique<PostgresConnection>(url); }) {}

  Dialect dialect() const override { return Dialect::kPostgres; }
  PooledConnection Acquire() override { return pool_.Acquire(); }
  PooledConnection TryAcquire() override { return pool_.TryAcquire(); }
  PoolStats Stats() const override { return pool_.Stats(); }

 private:
  ConnectionPool pool_;
};

}  // namespace

std::unique_ptr<Database> OpenPostgresDatabase(const std::string& url, int pool_size) {
  return std::make_unique<PostgresDatabase>(url, pool_size);
}

}  // namespace mobilise::storage
