#include "test_databases.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <sstream>
#include <stdexcept>

namespace mobilise::storage {
void PrintTo(Dialect dialect, std::ostream* os) { *os << test::DialectName(dialect); }
}  // namespace mobilise::storage

namespace mobilise::test {
namespace {

using storage::Dialect;

std::string RandomSuffix() {
  static std::mutex mu;
  static std::mt19937_64 rng(std::random_device{}());
  std::lock_guard lock(mu);
  std::ostringstream out;
  out << std::hex << rng();
  return out.str();
}

// `server_url` with its database name replaced by `name`.
std::string WithDatabase(const std::string& server_url, const std::string& name) {
  const std::size_t scheme = server_url.find("://");
  const std::size_t authority = scheme == std::string::npos ? 0 : scheme + 3;
  const std::size_t query = server_url.find('?', authority);
  const std::size_t path = server_url.find('/', authority);
  const std::string tail = query == std::string::npos ? "" : server_url.substr(query);
  const std::size_t end = std::min(path, query == std::string::npos ? server_url.size() : query);
  return server_url.substr(0, end) + "/" + name + tail;
}

// One shared connection to the server's `postgres` database for CREATE/DROP DATABASE. Never
// freed: it may be needed by objects destroyed during static destruction.
storage::Database& PostgresAdmin() {
  static storage::Database* admin = storage::OpenDatabase(PostgresServerUrl(), 1).release();
  return *admin;
}

// A wrapper that owns its scratch database and drops it after the pool is closed.
class OwningDatabase final : public storage::Database {
 public:
  OwningDatabase(std::unique_ptr<ScratchDatabase> scratch, std::unique_ptr<storage::Database> db)
      : scratch_(std::move(scratch)), db_(std::move(db)) {}
  storage::Dialect dialect() const override { return db_->dialect(); }
  storage::PooledConnection Acquire() override { return db_->Acquire(); }
  storage::PooledConnection TryAcquire() override { return db_->TryAcquire(); }
  storage::PoolStats Stats() const override { return db_->Stats(); }

 private:
  std::unique_ptr<ScratchDatabase> scratch_;  // declared first: destroyed last
  std::unique_ptr<storage::Database> db_;
};

}  // namespace

std::vector<Dialect> AllDialects() { return {Dialect::kSqlite, Dialect::kPostgres}; }

std::string DialectName(Dialect dialect) {
  return dialect == Dialect::kSqlite ? "sqlite" : "postgres";
}

std::string PostgresServerUrl() {
  if (const char* file = std::getenv("MOBILISE_TEST_PG_URL_FILE"); file != nullptr && *file) {
    std::ifstream in(file);
    std::string url;
    if (in && std::getline(in, url) && !url.empty()) return url;
    if (const char* env = std::getenv("MOBILISE_TEST_PG_URL"); env != nullptr && *env) return env;
    throw std::runtime_error(std::string("PostgreSQL test server not running: ") + file +
                             " (MOBILISE_TEST_PG_URL_FILE) is missing or empty. Run the tests "
                             "through ctest, whose fixture 'postgres' (tests/support/pg_start.sh) "
                             "starts the server and writes that file.");
  }
  if (const char* env = std::getenv("MOBILISE_TEST_PG_URL"); env != nullptr && *env) return env;
  throw std::runtime_error(
      "PostgreSQL test server unknown: set MOBILISE_TEST_PG_URL_FILE (a file holding the URL, as "
      "written by tests/support/pg_start.sh) or MOBILISE_TEST_PG_URL "
      "(postgresql://user@host:port/postgres), or run the tests through ctest.");
}

ScratchDatabase::ScratchDatabase(Dialect dialect) : dialect_(dialect) {
  if (dialect == Dialect::kSqlite) {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "mobilise-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      throw std::runtime_error("cannot create a temporary directory for an SQLite test database");
    }
    dir_ = pattern;
    url_ = "sqlite:" + dir_ + "/test.db";
  } else {
    db_name_ = "mobilise_test_" + RandomSuffix();
    auto conn = PostgresAdmin().Acquire();
    conn->ExecuteScript("CREATE DATABASE " + db_name_);
    url_ = WithDatabase(PostgresServerUrl(), db_name_);
  }
}

ScratchDatabase::~ScratchDatabase() {
  try {
    if (dialect_ == Dialect::kSqlite) {
      std::error_code ignored;
      std::filesystem::remove_all(dir_, ignored);
    } else {
      auto conn = PostgresAdmin().Acquire();
      conn->ExecuteScript("DROP DATABASE IF EXISTS " + db_name_ + " WITH (FORCE)");
    }
  } catch (const std::exception& e) {
    ADD_FAILURE() << "cannot remove scratch database " << url_ << ": " << e.what();
  }
}

std::unique_ptr<storage::Database> ScratchDatabase::Open(int pool_size) const {
  return storage::OpenDatabase(url_, pool_size);
}

std::unique_ptr<storage::Database> FreshDatabase(Dialect dialect, int pool_size, bool migrate) {
  auto scratch = std::make_unique<ScratchDatabase>(dialect);
  auto db = scratch->Open(pool_size);
  if (migrate) storage::Migrate(*db);
  return std::make_unique<OwningDatabase>(std::move(scratch), std::move(db));
}

}  // namespace mobilise::test
