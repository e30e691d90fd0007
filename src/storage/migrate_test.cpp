#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "storage/database.hpp"
#include "storage/embedded_migrations.hpp"
#include "test_databases.hpp"

namespace mobilise::storage {
namespace {

int MigrationCount(Dialect dialect) {
  int n = 0;
  for (const auto& m : EmbeddedMigrations()) n += m.dialect == dialect ? 1 : 0;
  return n;
}

TEST(StorageEmbeddedMigrations, HoldEveryDialectInOrder) {
  for (Dialect d : test::AllDialects()) {
    int previous = 0;
    for (const auto& m : EmbeddedMigrations()) {
      if (m.dialect != d) continue;
      EXPECT_GT(m.version, previous) << m.name;
      EXPECT_FALSE(m.sql.empty()) << m.name;
      previous = m.version;
    }
    EXPECT_GE(MigrationCount(d), 1) << test::DialectName(d);
  }
  EXPECT_EQ(EmbeddedMigrations().front().version, 1);
  EXPECT_EQ(EmbeddedMigrations().front().name, "foundation");
}

class StorageMigrateTest : public testing::TestWithParam<Dialect> {};

TEST_P(StorageMigrateTest, AppliesOnceAndIsIdempotent) {
  auto db = test::FreshDatabase(GetParam(), 2, /*migrate=*/false);
  const int expected = MigrationCount(GetParam());
  EXPECT_EQ(Migrate(*db), expected);
  EXPECT_EQ(Migrate(*db), 0);
  auto conn = db->Acquire();
  auto rs = conn->Query("SELECT version, name, applied_at FROM schema_migrations ORDER BY version");
  ASSERT_EQ(static_cast<int>(rs.size()), expected);
  EXPECT_EQ(rs[0].Int(0), 1);
  EXPECT_EQ(rs[0].Str(1), "foundation");
  EXPECT_EQ(rs[0].Text(2).size(), 24u) << rs[0].Text(2);  // 2024-01-02T03:04:05.678Z
  EXPECT_EQ(rs[0].Text(2).back(), 'Z');
  // The foundation's tables exist.
  EXPECT_EQ(conn->Query("SELECT COUNT(*) FROM area")[0].Int(0), 0);
}

TEST_P(StorageMigrateTest, TwoDatabasesMigratingAtOnceApplyEachMigrationOnce) {
  test::ScratchDatabase scratch(GetParam());
  auto first = scratch.Open(2);
  auto second = scratch.Open(2);
  int applied[2] = {-1, -1};
  std::string errors[2];
  std::thread a([&] {
    try {
      applied[0] = Migrate(*first);
    } catch (const std::exception& e) {
      errors[0] = e.what();
    }
  });
  std::thread b([&] {
    try {
      applied[1] = Migrate(*second);
    } catch (const std::exception& e) {
      errors[1] = e.what();
    }
  });
  a.join();
  b.join();
  EXPECT_EQ(errors[0], "");
  EXPECT_EQ(errors[1], "");
  EXPECT_EQ(applied[0] + applied[1], MigrationCount(GetParam()));
  auto conn = first->Acquire();
  EXPECT_EQ(conn->Query("SELECT COUNT(*) FROM schema_migrations")[0].Int(0),
            MigrationCount(GetParam()));
}

TEST_P(StorageMigrateTest, ResultIsUsableByTheRepositories) {
  auto db = test::FreshDatabase(GetParam());
  auto conn = db->Acquire();
  conn->Execute(
      "INSERT INTO area (id, parent_id, level, code, name, path, created_at, updated_at) "
      "VALUES (?, NULL, 0, ?, ?, ?, ?, ?)",
      {std::string("a1"), std::string("AF"), std::string("افغانستان"), std::string("/AF/"),
       std::string("2024-01-01T00:00:00.000Z"), std::string("2024-01-01T00:00:00.000Z")});
  EXPECT_EQ(conn->Query("SELECT name FROM area WHERE code = ?", {std::string("AF")})[0].Str(0),
            "افغانستان");
}

INSTANTIATE_TEST_SUITE_P(Backends, StorageMigrateTest, testing::ValuesIn(test::AllDialects()),
                         test::DialectParamName());

}  // namespace
}  // namespace mobilise::storage
