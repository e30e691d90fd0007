// Backup and restore across schema versions, on both databases: a backup made by an older
// Mobilise is brought up to this one's schema by the restore; one made by a newer Mobilise is
// refused before anything is written. (The API tests, tests/api/backup.test.mjs, cover backups
// under load and damaged backups with the real binary.)
#include "app/backup.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/backup_snapshot.hpp"
#include "core/id.hpp"
#include "storage/embedded_migrations.hpp"
#include "storage/files/blob_store.hpp"
#include "test_databases.hpp"

namespace mobilise::app {
namespace {

namespace fs = std::filesystem;

// Every migration but the newest, applied the way Migrate() records them: an older schema.
void MigrateAllButTheNewest(storage::Database& db) {
  const int newest = NewestMigration(db.dialect());
  auto conn = db.Acquire();
  conn->ExecuteScript(
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)");
  for (const auto& m : storage::EmbeddedMigrations()) {
    if (m.dialect != db.dialect() || m.version == newest) continue;
    conn->ExecuteScript(m.sql);
    conn->Execute("INSERT INTO schema_migrations VALUES (?, ?, '2026-01-01T00:00:00Z')",
                  {std::int64_t{m.version}, std::string(m.name)});
  }
}

// The version before the newest (versions need not be consecutive on a branch).
int SecondNewestMigration(storage::Dialect dialect) {
  const int newest = NewestMigration(dialect);
  int older = 0;
  for (const auto& m : storage::EmbeddedMigrations())
    if (m.dialect == dialect && m.version < newest) older = std::max(older, m.version);
  return older;
}

int SchemaVersion(const std::string& url) {
  auto db = storage::OpenDatabase(url, 1);
  return static_cast<int>(
      db->Acquire()->Query("SELECT max(version) FROM schema_migrations")[0].Int(0));
}

std::string Slurp(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class BackupTest : public ::testing::TestWithParam<storage::Dialect> {
 protected:
  void SetUp() override { fs::create_directories(dir_); }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_ = fs::temp_directory_path() / ("mobilise-backup-test-" + RandomHex(6));
};

TEST_P(BackupTest, AnOlderBackupIsMigratedAndANewerOneRefused) {
  test::ScratchDatabase source(GetParam());
  const Config from{.database = source.url(), .data_dir = (dir_ / "data").string()};
  const int newest = NewestMigration(GetParam());
  const int older = SecondNewestMigration(GetParam());
  {
    auto db = source.Open(1);
    MigrateAllButTheNewest(*db);
    storage::DirectoryBlobStore blobs(from.data_dir);
    const std::string sha = blobs.Put("the bytes of a photo");
    db->Acquire()->Execute(
        "INSERT INTO file (id, sha256, mime, size, name, record, record_id, created_at) "
        "VALUES ('f1', ?, 'image/png', 20, 'a.png', 'activity', 'a1', '2026-01-01T00:00:00Z')",
        {sha});
  }
  std::ostringstream out;
  ASSERT_TRUE(Backup(from, (dir_ / "backup").string(), "test", out)) << out.str();
  EXPECT_NE(
      Slurp(dir_ / "backup" / "manifest.json").find("\"schema_version\":" + std::to_string(older)),
      std::string::npos);

  test::ScratchDatabase target(GetParam());
  const Config into{.database = target.url(), .data_dir = (dir_ / "restored").string()};
  out.str("");
  const auto restored = Restore(into, (dir_ / "backup").string(), false, out);
  ASSERT_TRUE(restored) << restored.error().message;
  EXPECT_NE(out.str().find("applied 1 migration(s)"), std::string::npos) << out.str();
  EXPECT_EQ(SchemaVersion(target.url()), newest);
  EXPECT_EQ(storage::DirectoryBlobStore(into.data_dir).Get(Sha256Hex("the bytes of a photo")),
            "the bytes of a photo");

  // The same backup as a newer Mobilise would have written it.
  std::string manifest = Slurp(dir_ / "backup" / "manifest.json");
  const std::string old_version = "\"schema_version\":" + std::to_string(older);
  manifest.replace(manifest.find(old_version), old_version.size(),
                   "\"schema_version\":" + std::to_string(newest + 1));
  std::ofstream(dir_ / "backup" / "manifest.json") << manifest;
  test::ScratchDatabase third(GetParam());
  const Config fresh{.database = third.url(), .data_dir = (dir_ / "third").string()};
  const auto refused = Restore(fresh, (dir_ / "backup").string(), false, out);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("comes from a newer Mobilise"), std::string::npos)
      << refused.error().message;
  EXPECT_FALSE(fs::exists(fresh.data_dir));
  EXPECT_TRUE(DatabaseIsEmpty(third.url()));
}

INSTANTIATE_TEST_SUITE_P(Backends, BackupTest, ::testing::ValuesIn(test::AllDialects()),
                         test::DialectParamName());

}  // namespace
}  // namespace mobilise::app

TEST(BackupTool, PasswordLeavesTheUrlForTheEnvironment) {
  const auto t = mobilise::app::WithoutPassword("postgresql://mob:s%40cret:x@db.local:5432/m?x=1");
  EXPECT_EQ(t.url, "postgresql://mob@db.local:5432/m?x=1");
  EXPECT_EQ(t.password, "s@cret:x");
  const auto none = mobilise::app::WithoutPassword("postgresql://mob@db.local/m");
  EXPECT_EQ(none.url, "postgresql://mob@db.local/m");
  EXPECT_EQ(none.password, "");
  // An '@' in the path is not a user part.
  EXPECT_EQ(mobilise::app::WithoutPassword("postgresql://host/db@x").url, "postgresql://host/db@x");
}
