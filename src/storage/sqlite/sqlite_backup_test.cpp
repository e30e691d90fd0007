#include "storage/sqlite/sqlite_backup.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "storage/sqlite/sqlite_database.hpp"
#include "test_databases.hpp"

namespace mobilise::storage {
namespace {

namespace fs = std::filesystem;

std::int64_t Rows(Database& db) { return db.Acquire()->Query("SELECT count(*) FROM t")[0].Int(0); }

TEST(SqliteBackup, CopiesTheSnapshotWhileAnotherConnectionWrites) {
  test::ScratchDatabase scratch(Dialect::kSqlite);
  const std::string path = scratch.url().substr(7);
  auto db = scratch.Open(2);
  {
    auto conn = db->Acquire();
    conn->ExecuteScript("CREATE TABLE t (n INTEGER, pad TEXT)");
    conn->Begin(true);
    for (int i = 0; i < 3000; ++i)
      conn->Execute("INSERT INTO t VALUES (?, ?)", {std::int64_t{i}, std::string(500, 'x')});
    conn->Commit();
  }
  const std::string dest = path + ".copy";
  int steps = 0, last_total = 0;
  BackupSqliteFile(
      path, dest,
      [&](int done, int total) {
        ++steps;
        last_total = total;
        EXPECT_LE(done, total);
        // A write between steps: not in the copy, which is the database as the first step saw it.
        if (steps == 1) db->Acquire()->Execute("INSERT INTO t VALUES (-1, 'late')");
      },
      /*pages_per_step=*/16);
  EXPECT_GT(steps, 1) << "copied in steps";
  EXPECT_GT(last_total, 0);
  EXPECT_FALSE(fs::exists(dest + "-wal"));
  auto copy = OpenSqliteDatabase(dest, 1);
  EXPECT_EQ(Rows(*copy), 3000);
  EXPECT_EQ(Rows(*db), 3001);
}

TEST(SqliteBackup, RefusesAMissingSourceOrAnExistingDestination) {
  test::ScratchDatabase scratch(Dialect::kSqlite);
  const std::string path = scratch.url().substr(7);
  EXPECT_THROW(BackupSqliteFile(path + ".none", path + ".copy", {}), DatabaseError);
  EXPECT_FALSE(fs::exists(path + ".copy"));
  scratch.Open(1)->Acquire()->ExecuteScript("CREATE TABLE t (n INTEGER)");
  EXPECT_THROW(BackupSqliteFile(path, path, {}), DatabaseError);
}

}  // namespace
}  // namespace mobilise::storage
