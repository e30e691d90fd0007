#include <gtest/gtest.h>

#include "storage/database.hpp"

namespace mobilise::storage {
namespace {

TEST(StorageResultSet, RowAccessors) {
  ResultSet rs({"a", "b"});
  rs.AddCell("12");
  rs.AddCell(std::nullopt);
  rs.AddCell("t");
  rs.AddCell("2.5");
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_EQ(rs[0].Int(0), 12);
  EXPECT_EQ(rs[0].Real(0), 12.0);
  EXPECT_TRUE(rs[0].IsNull(1));
  EXPECT_EQ(rs[0].OptText(1), std::nullopt);
  EXPECT_EQ(rs[1].Int(0), 1);  // PostgreSQL boolean
  EXPECT_EQ(rs[1].Real(1), 2.5);
  EXPECT_EQ(rs[1].Int(1), 2);
  EXPECT_EQ(rs[1].OptText(1), "2.5");
}

TEST(StorageResultSet, BadNumbersAndIndexesThrowWithoutEchoingTheValue) {
  ResultSet rs({"name"});
  rs.AddCell("Private Person");
  try {
    rs[0].Int(0);
    ADD_FAILURE();
  } catch (const DatabaseError& e) {
    EXPECT_EQ(std::string(e.what()).find("Private"), std::string::npos);
  }
  EXPECT_THROW(rs[0].Real(0), DatabaseError);
  EXPECT_THROW(rs[0].Text(1), DatabaseError);
  EXPECT_THROW(rs[1].Text(0), DatabaseError);
  EXPECT_TRUE(ResultSet().empty());
}

TEST(StorageResultSet, ReadsByNameInAnyOrder) {
  ResultSet rs({"id", "note", "n"});
  for (const char* cell : std::initializer_list<const char*>{"a", "x", "1", "b", nullptr, "f"}) {
    rs.AddCell(cell ? std::optional<std::string>(cell) : std::nullopt);
  }
  EXPECT_EQ(rs.ColumnIndex("n"), 2u);
  EXPECT_EQ(rs[0].Str("id"), "a");
  EXPECT_EQ(rs[0].OptText("note"), "x");
  EXPECT_TRUE(rs[0].Bool("n"));
  // Backwards, then forwards again: the remembered position is only a hint.
  EXPECT_FALSE(rs[1].Bool("n"));
  EXPECT_TRUE(rs[1].IsNull("note"));
  EXPECT_EQ(rs[1].Text("note"), "");
  EXPECT_EQ(rs[1].Str("id"), "b");
  EXPECT_EQ(rs[1].Int("n"), 0);
  EXPECT_EQ(rs[1].OptReal("note"), std::nullopt);
}

TEST(StorageResultSet, UnknownOrSharedNamesThrow) {
  ResultSet rs({"id", "name", "name"});
  rs.AddCell("1");
  rs.AddCell("a");
  rs.AddCell("b");
  EXPECT_EQ(rs[0].Int("id"), 1);
  EXPECT_THROW(rs[0].Str("nmae"), DatabaseError);
  EXPECT_THROW(rs[0].Str("name"), DatabaseError);
  EXPECT_THROW(rs[0].Str(""), DatabaseError);
  EXPECT_THROW(ResultSet().ColumnIndex("id"), DatabaseError);
  try {
    rs[0].Str("nmae");
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find("nmae"), std::string::npos);
  }
}

}  // namespace
}  // namespace mobilise::storage
