// The dialect fragments: their text on each backend, and that they run on the real databases.
#include "storage/dialect.hpp"

#include <gtest/gtest.h>

#include "test_databases.hpp"

namespace mobilise::storage {
namespace {

TEST(StorageDialect, FragmentsPerBackend) {
  EXPECT_EQ(IndexedBy(Dialect::kSqlite, "household_area"), " INDEXED BY household_area");
  EXPECT_EQ(IndexedBy(Dialect::kPostgres, "household_area"), "");
  EXPECT_EQ(ForUpdate(Dialect::kSqlite), "");
  EXPECT_EQ(ForUpdate(Dialect::kPostgres), " FOR UPDATE");
  EXPECT_EQ(ForUpdate(Dialect::kPostgres, "x"), " FOR UPDATE OF x");
  EXPECT_EQ(ContainsSql(Dialect::kSqlite, "a.name"), "a.name LIKE ? ESCAPE '\\'");
  EXPECT_EQ(ContainsSql(Dialect::kPostgres, "a.name"), "a.name ILIKE ? ESCAPE '\\'");
  EXPECT_EQ(JsonTextField(Dialect::kSqlite, "x.after"),
            "json_extract(x.after, '$.' || json_quote(?))");
  EXPECT_EQ(JsonTextField(Dialect::kPostgres, "x.after"), "(x.after::jsonb ->> ?)");
}

class DialectTest : public test::BackendTest {};

TEST_P(DialectTest, FragmentsRun) {
  auto conn = db().Acquire();
  const auto d = conn->dialect();
  conn->ExecuteScript(
      "CREATE TABLE doc (id TEXT PRIMARY KEY, body TEXT, name TEXT);"
      "CREATE INDEX doc_name ON doc (name);");
  conn->Execute("INSERT INTO doc VALUES ('1', '{\"reason\": \"late\", \"n\": 2}', 'Ünal Village')");
  auto rs = conn->Query("SELECT " + JsonTextField(d, "body") + " AS reason FROM doc" +
                            IndexedBy(d, "doc_name") + " WHERE " + ContainsSql(d, "name"),
                        {std::string("reason"), std::string("%village%")});
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_EQ(rs[0].Str("reason"), "late");
  EXPECT_EQ(conn->Query("SELECT " + JsonTextField(d, "body") + " AS v FROM doc",
                        {std::string("missing")})[0]
                .OptText("v"),
            std::nullopt);
  Transaction tx(*conn, true);
  const Param id[] = {std::string("1")};
  LockForUpdate(*conn, "SELECT id FROM doc WHERE id = ?", id);
  EXPECT_EQ(
      conn->Query("SELECT id FROM doc WHERE id = ?" + ForUpdate(d), {std::string("1")}).size(), 1u);
  tx.Commit();
}

INSTANTIATE_TEST_SUITE_P(Backends, DialectTest, testing::ValuesIn(test::AllDialects()),
                         test::DialectParamName());

}  // namespace
}  // namespace mobilise::storage
