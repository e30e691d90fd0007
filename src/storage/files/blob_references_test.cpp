#include "storage/files/blob_references.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "test_databases.hpp"

namespace mobilise::storage {
namespace {

// Hash columns that are not blobs: password and token hashes, request fingerprints, checksums
// of bytes kept elsewhere.
bool NotABlob(std::string_view table, std::string_view column) {
  static const std::set<std::pair<std::string, std::string>> kNotBlobs = {
      {"app_user", "pw_hash"},          {"user_session", "token_hash"},
      {"api_token", "token_hash"},      {"collect_device", "token_hash"},
      {"idempotency_key", "body_hash"}, {"submission", "xml_sha256"},
      {"xform_version", "md5"},         {"xform_media", "md5"}};
  return kNotBlobs.contains({std::string(table), std::string(column)});
}

bool Listed(std::string_view table, std::string_view column) {
  const auto columns = BlobColumns();
  return std::any_of(columns.begin(), columns.end(),
                     [&](const BlobColumn& c) { return c.table == table && c.column == column; });
}

// Every column whose name says hash is either a blob (backed up with the records) or known not
// to be one: a new blob column cannot be left out of backups unnoticed.
TEST(BlobReferences, EveryHashColumnOfTheSchemaIsClassified) {
  auto db = test::FreshDatabase(Dialect::kSqlite, 1);
  auto conn = db->Acquire();
  const auto tables = conn->Query("SELECT name FROM sqlite_schema WHERE type = 'table'");
  int blob_columns = 0;
  for (std::size_t t = 0; t < tables.size(); ++t) {
    const std::string table = tables[t].Str(0);
    const auto columns = conn->Query("SELECT name FROM pragma_table_info(?)", {table});
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const std::string column = columns[c].Str(0);
      const bool hashy = column.find("hash") != std::string::npos ||
                         column.find("sha") != std::string::npos ||
                         column.find("md5") != std::string::npos;
      if (!hashy) continue;
      EXPECT_TRUE(Listed(table, column) || NotABlob(table, column))
          << table << "." << column << " is a hash: list it in BlobColumns() if it names a blob";
      blob_columns += Listed(table, column);
    }
  }
  EXPECT_EQ(blob_columns, static_cast<int>(BlobColumns().size())) << "every listed column exists";
}

class BlobReferencesTest : public test::BackendTest {};

TEST_P(BlobReferencesTest, ReadsTheBlobsOfTheVisibleRows) {
  auto conn = db().Acquire();
  const std::string a(64, 'a'), b(64, 'b');
  for (const auto& [id, sha] : {std::pair{"f1", a}, {"f2", b}, {"f3", a}})
    conn->Execute(
        "INSERT INTO file (id, sha256, mime, size, name, record, record_id, created_at) "
        "VALUES (?, ?, 'image/png', 1, 'x.png', 'activity', 'r', '2026-01-01T00:00:00Z')",
        {std::string(id), sha});
  EXPECT_EQ(ReferencedBlobs(*conn), (std::set<std::string>{a, b}));
}

INSTANTIATE_TEST_SUITE_P(Backends, BlobReferencesTest, testing::ValuesIn(test::AllDialects()),
                         test::DialectParamName());

}  // namespace
}  // namespace mobilise::storage
