// Databases for tests: every repository and engine test runs on SQLite and on the real PostgreSQL
// test server that CTest starts (fixture "postgres", tests/support/pg_start.sh):
//
//   class AreaRepositoryTest : public mobilise::test::BackendTest {};
//   TEST_P(AreaRepositoryTest, Creates) { auto conn = db().Acquire(); ... }
//   INSTANTIATE_TEST_SUITE_P(Backends, AreaRepositoryTest,
//                            testing::ValuesIn(mobilise::test::AllDialects()),
//                            mobilise::test::DialectParamName());
//
// The PostgreSQL server's URL comes from the file named by MOBILISE_TEST_PG_URL_FILE, else from
// MOBILISE_TEST_PG_URL. Without either, PostgreSQL cases FAIL (std::runtime_error saying so); they
// never skip. Thread-safety: all functions may be called from any thread.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace mobilise::storage {
// Lets gtest print a Dialect ("sqlite" / "postgres") in messages.
void PrintTo(Dialect dialect, std::ostream* os);
}  // namespace mobilise::storage

namespace mobilise::test {

// Every backend: {kSqlite, kPostgres}.
std::vector<storage::Dialect> AllDialects();

// "sqlite" or "postgres".
std::string DialectName(storage::Dialect dialect);

// Names parameterised cases by backend: Backends/MyTest.Case/sqlite, .../postgres.
struct DialectParamName {
  std::string operator()(const ::testing::TestParamInfo<storage::Dialect>& info) const {
    return DialectName(info.param);
  }
};

// The PostgreSQL test server's URL (its `postgres` database). Throws std::runtime_error with a
// clear message when neither MOBILISE_TEST_PG_URL_FILE nor MOBILISE_TEST_PG_URL gives one.
std::string PostgresServerUrl();

// A new, empty database that lives as long as this object: SQLite, a file in a new temporary
// directory (removed on destruction); PostgreSQL, a randomly named database on the test server
// (dropped on destruction, WITH (FORCE)). Every Database opened with Open() must be destroyed
// before this object. Throws std::runtime_error / storage::DatabaseError when it cannot be made.
class ScratchDatabase {
 public:
  explicit ScratchDatabase(storage::Dialect dialect);
  ~ScratchDatabase();
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  storage::Dialect dialect() const { return dialect_; }
  // "sqlite:/tmp/.../test.db" or "postgresql://.../mobilise_test_xxxx", for OpenDatabase().
  const std::string& url() const { return url_; }
  // A new Database (pool) on this scratch database, not migrated.
  std::unique_ptr<storage::Database> Open(int pool_size = 4) const;

 private:
  storage::Dialect dialect_;
  std::string url_;
  std::string dir_;      // SQLite: the temporary directory
  std::string db_name_;  // PostgreSQL: the database name
};

// A new empty database (see ScratchDatabase), migrated unless `migrate` is false, that removes
// itself when the returned object dies. The usual entry point for repository tests.
std::unique_ptr<storage::Database> FreshDatabase(storage::Dialect dialect, int pool_size = 4,
                                                 bool migrate = true);

// Fixture base for tests parameterised by backend: db() is a fresh migrated database per test.
class BackendTest : public ::testing::TestWithParam<storage::Dialect> {
 protected:
  storage::Database& db() {
    if (!db_) db_ = FreshDatabase(GetParam());
    return *db_;
  }

 private:
  std::unique_ptr<storage::Database> db_;
};

}  // namespace mobilise::test
