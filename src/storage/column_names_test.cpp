// Reading cells by column name from real result sets: the names SQLite and PostgreSQL report for
// qualified columns, aliases and expressions, NULLs, and PostgreSQL's booleans.
#include <gtest/gtest.h>

#include "storage/database.hpp"
#include "test_databases.hpp"

namespace mobilise::storage {
namespace {

class ColumnNamesTest : public test::BackendTest {
 protected:
  void SetUp() override {
    auto conn = db().Acquire();
    conn->ExecuteScript(
        "CREATE TABLE thing (id TEXT PRIMARY KEY, area_id TEXT, score DOUBLE PRECISION, "
        "n INTEGER, ok BOOLEAN);"
        "CREATE TABLE place (id TEXT PRIMARY KEY, name TEXT NOT NULL);"
        "INSERT INTO place VALUES ('p1', 'Village');");
    conn->Execute(
        "INSERT INTO thing VALUES ('t1', 'p1', 2.5, 7, TRUE), ('t2', NULL, NULL, NULL, "
        "FALSE)");
  }
};

TEST_P(ColumnNamesTest, QualifiedColumnsAndAliasesByName) {
  auto conn = db().Acquire();
  auto rs = conn->Query(
      "SELECT t.id, t.area_id, p.name, t.score, t.n, t.ok, COUNT(*) OVER () AS total, "
      "p.id AS place_id FROM thing t LEFT JOIN place p ON p.id = t.area_id ORDER BY t.id");
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_EQ(rs[0].Str("id"), "t1");
  EXPECT_EQ(rs[0].Str("area_id"), "p1");
  EXPECT_EQ(rs[0].Str("name"), "Village");
  EXPECT_EQ(rs[0].Real("score"), 2.5);
  EXPECT_EQ(rs[0].Int("n"), 7);
  EXPECT_TRUE(rs[0].Bool("ok"));  // PostgreSQL answers 't', SQLite 1
  EXPECT_EQ(rs[0].Int("total"), 2);
  EXPECT_EQ(rs[0].Str("place_id"), "p1");
  // NULLs by name.
  EXPECT_EQ(rs[1].OptText("area_id"), std::nullopt);
  EXPECT_EQ(rs[1].OptText("name"), std::nullopt);
  EXPECT_EQ(rs[1].OptReal("score"), std::nullopt);
  EXPECT_TRUE(rs[1].IsNull("n"));
  EXPECT_EQ(rs[1].Int("n"), 0);
  EXPECT_FALSE(rs[1].Bool("ok"));
  EXPECT_EQ(rs[1].Str("place_id"), "");
}

TEST_P(ColumnNamesTest, UnknownAndSharedNamesThrow) {
  auto conn = db().Acquire();
  auto rs = conn->Query("SELECT t.id, p.id FROM thing t JOIN place p ON p.id = t.area_id");
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_THROW(rs[0].Str("id"), DatabaseError);  // two columns are called id
  EXPECT_THROW(rs[0].Str("t.id"), DatabaseError);
  EXPECT_THROW(rs[0].Str("area_id"), DatabaseError);
  EXPECT_EQ(rs[0].Str(1), "p1");  // by position, still
}

INSTANTIATE_TEST_SUITE_P(Backends, ColumnNamesTest, testing::ValuesIn(test::AllDialects()),
                         test::DialectParamName());

}  // namespace
}  // namespace mobilise::storage
