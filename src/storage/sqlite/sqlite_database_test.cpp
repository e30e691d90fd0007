#include "storage/sqlite/sqlite_database.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "test_databases.hpp"

namespace mobilise::storage {
namespace {

TEST(StorageSqlite, ConnectionsAreConfigured) {
  auto db = test::FreshDatabase(Dialect::kSqlite, 2, false);
  auto conn = db->Acquire();
  EXPECT_EQ(conn->Query("PRAGMA journal_mode")[0].Str(0), "wal");
  EXPECT_EQ(conn->Query("PRAGMA foreign_keys")[0].Int(0), 1);
  EXPECT_EQ(conn->Query("PRAGMA busy_timeout")[0].Int(0), 5000);
  EXPECT_EQ(conn->Query("PRAGMA synchronous")[0].Int(0), 1);  // NORMAL
}

TEST(StorageSqlite, WriteTransactionsQueueOnTheWriteLock) {
  auto db = test::FreshDatabase(Dialect::kSqlite, 2, false);
  auto first = db->Acquire();
  first->ExecuteScript("CREATE TABLE t (n INTEGER)");
  first->Begin(true);
  first->Execute("INSERT INTO t VALUES (1)");
  std::atomic<bool> committed{false};
  std::atomic<bool> second_saw_commit{false};
  std::thread other([&] {
    auto second = db->Acquire();
    Transaction tx(*second, true);  // waits for `first` (busy timeout), does not fail
    second_saw_commit = committed.load();
    second->Execute("INSERT INTO t VALUES (2)");
    tx.Commit();
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  committed = true;
  first->Commit();
  other.join();
  EXPECT_TRUE(second_saw_commit);
  EXPECT_EQ(first->Query("SELECT COUNT(*) FROM t")[0].Int(0), 2);
}

TEST(StorageSqlite, StatementsAreCachedAndReused) {
  auto db = OpenSqliteDatabase(":memory:", 4);
  EXPECT_EQ(db->Stats().size, 1);
  auto conn = db->Acquire();
  for (int i = 0; i < 1000; ++i) {
    EXPECT_EQ(conn->Query("SELECT ? + 1", {std::int64_t{i}})[0].Int(0), i + 1);
  }
  // More distinct statements than the cache holds.
  for (int i = 0; i < 600; ++i) {
    EXPECT_EQ(conn->Query("SELECT " + std::to_string(i))[0].Int(0), i);
  }
  EXPECT_THROW(conn->Query("SELECT 1; SELECT 2"), DatabaseError);
}

TEST(StorageSqlite, OpenFailuresThrow) {
  EXPECT_THROW(OpenDatabase("sqlite:/nonexistent-dir/x/y.db", 1), DatabaseError);
  try {
    OpenDatabase("mysql://root:hunter2@host/db", 1);
    ADD_FAILURE();
  } catch (const DatabaseError& e) {
    EXPECT_EQ(std::string(e.what()).find("hunter2"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace mobilise::storage
