#include "storage/postgres/postgres_database.hpp"

#include <gtest/gtest.h>

#include "test_databases.hpp"

namespace mobilise::storage {
namespace {

TEST(StoragePostgres, ReconnectsABrokenConnectionOnAcquire) {
  auto db = test::FreshDatabase(Dialect::kPostgres, 1, false);
  auto other = test::FreshDatabase(Dialect::kPostgres, 1, false);
  std::string pid;
  {
    auto conn = db->Acquire();
    pid = conn->Query("SELECT pg_backend_pid()")[0].Str(0);
    other->Acquire()->Query("SELECT pg_terminate_backend(CAST(? AS INTEGER))", {pid});
    EXPECT_THROW(conn->Query("SELECT 1"), DatabaseError);
  }
  auto conn = db->Acquire();
  EXPECT_EQ(conn->Query("SELECT ? || 'x'", {std::string("ok")})[0].Str(0), "okx");
  EXPECT_NE(conn->Query("SELECT pg_backend_pid()")[0].Str(0), pid);
  EXPECT_EQ(db->Stats().size, 1);
}

TEST(StoragePostgres, DataErrorsDoNotEchoValues) {
  auto db = test::FreshDatabase(Dialect::kPostgres, 1, false);
  auto conn = db->Acquire();
  try {
    conn->Query("SELECT CAST(? AS INTEGER)", {std::string("Private Person 0300-1234567")});
    ADD_FAILURE();
  } catch (const DatabaseError& e) {
    EXPECT_EQ(std::string(e.what()).find("Private"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("22P02"), std::string::npos) << e.what();
  }
}

TEST(StoragePostgres, CommitAfterAFailedStatementThrows) {
  auto db = test::FreshDatabase(Dialect::kPostgres, 1, false);
  auto conn = db->Acquire();
  conn->ExecuteScript("CREATE TABLE t (n INTEGER PRIMARY KEY)");
  Transaction tx(*conn, true);
  conn->Execute("INSERT INTO t VALUES (1)");
  EXPECT_THROW(conn->Execute("INSERT INTO t VALUES (1)"), ConstraintViolation);
  EXPECT_THROW(tx.Commit(), DatabaseError);
}

TEST(StoragePostgres, ConnectFailureHidesThePassword) {
  try {
    OpenDatabase("postgresql://postgres:hunter2@127.0.0.1:1/none?connect_timeout=2", 1);
    ADD_FAILURE();
  } catch (const DatabaseError& e) {
    EXPECT_EQ(std::string(e.what()).find("hunter2"), std::string::npos) << e.what();
  }
}

TEST(StoragePostgres, ManyDistinctStatementsOutgrowTheCache) {
  auto db = test::FreshDatabase(Dialect::kPostgres, 1, false);
  auto conn = db->Acquire();
  for (int i = 0; i < 600; ++i) {
    ASSERT_EQ(
        conn->Query("SELECT CAST(? AS INTEGER) + " + std::to_string(i), {std::int64_t{1}})[0].Int(
            0),
        i + 1);
  }
}

}  // namespace
}  // namespace mobilise::storage
