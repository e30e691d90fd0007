#include "storage/postgres/placeholders.hpp"

#include <gtest/gtest.h>

namespace mobilise::storage {
namespace {

std::string Rewrite(std::string_view sql, int expected_count) {
  int count = -1;
  std::string out = RewritePlaceholders(sql, &count);
  EXPECT_EQ(count, expected_count) << sql;
  return out;
}

TEST(StoragePlaceholders, NumbersEachQuestionMark) {
  EXPECT_EQ(Rewrite("SELECT 1", 0), "SELECT 1");
  EXPECT_EQ(Rewrite("INSERT INTO t VALUES (?,?, ?)", 3), "INSERT INTO t VALUES ($1,$2, $3)");
  EXPECT_EQ(Rewrite("a = ? AND b IN (?,?,?,?,?,?,?,?,?,?)", 11),
            "a = $1 AND b IN ($2,$3,$4,$5,$6,$7,$8,$9,$10,$11)");
}

TEST(StoragePlaceholders, SkipsLiteralsIdentifiersAndComments) {
  EXPECT_EQ(Rewrite("SELECT '?' || ?", 1), "SELECT '?' || $1");
  EXPECT_EQ(Rewrite("SELECT 'it''s ?' , ?", 1), "SELECT 'it''s ?' , $1");
  EXPECT_EQ(Rewrite("SELECT E'\\'?' , ?", 1), "SELECT E'\\'?' , $1");
  EXPECT_EQ(Rewrite("SELECT \"odd?name\" FROM t WHERE x = ?", 1),
            "SELECT \"odd?name\" FROM t WHERE x = $1");
  EXPECT_EQ(Rewrite("SELECT ? -- why?\n, ?", 2), "SELECT $1 -- why?\n, $2");
  EXPECT_EQ(Rewrite("SELECT /* ? */ ?", 1), "SELECT /* ? */ $1");
  EXPECT_EQ(Rewrite("SELECT $$a?b$$, $tag$?$tag$, ?", 1), "SELECT $$a?b$$, $tag$?$tag$, $1");
  EXPECT_EQ(Rewrite("x LIKE ? ESCAPE '\\' OR y LIKE ?", 2), "x LIKE $1 ESCAPE '\\' OR y LIKE $2");
}

TEST(StoragePlaceholders, UnterminatedLiteralIsCopied) {
  EXPECT_EQ(Rewrite("SELECT 'open ?", 0), "SELECT 'open ?");
}

}  // namespace
}  // namespace mobilise::storage
