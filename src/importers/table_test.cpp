#include "importers/table.hpp"

#include <gtest/gtest.h>

namespace mobilise::importers {
namespace {

TEST(LooksLikeFormula, FlagsSpreadsheetFormulas) {
  for (const char* cell : {"=1+1", "=SUM(A1:A3)", "+A1", "-2+3", "@SUM(A1)", "-cmd|' /C calc'!A0",
                           "  =1", "\t=1", "\r\n=HYPERLINK(\"x\")", "+1+1", "-1e5+1", "- A1"}) {
    EXPECT_TRUE(LooksLikeFormula(cell)) << cell;
  }
}

TEST(LooksLikeFormula, LeavesNumbersPhonesAndTextAlone) {
  for (const char* cell :
       {"", "Kabul", "-3.5", "+93 700 123 456", "-", "--", "- ", "=", "@", "@ home", "1=1", "a+b",
        "-1e5", "+(93) 700-123", "12-05-2024", "د کابل", "-12/05/2024"}) {
    EXPECT_FALSE(LooksLikeFormula(cell)) << cell;
  }
}

TEST(IsValidUtf8, AcceptsUtf8AndRejectsTheRest) {
  EXPECT_TRUE(IsValidUtf8("plain"));
  EXPECT_TRUE(IsValidUtf8("Київ د کابل 😀"));
  EXPECT_FALSE(IsValidUtf8("Caf\xE9"));           // Windows-1252
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xE2\x82"));          // truncated
}

TEST(ColumnLetters, MatchesSpreadsheetNames) {
  const std::pair<std::size_t, std::string_view> letters[] = {
      {0, "A"}, {25, "Z"}, {26, "AA"}, {701, "ZZ"}, {702, "AAA"},
  };
  for (const auto& [column, name] : letters) EXPECT_EQ(ColumnLetters(column), name) << column;
  Table t;
  t.header = {"code", ""};
  EXPECT_EQ(t.ColumnName(0), "code");
  EXPECT_EQ(t.ColumnName(1), "B");
  EXPECT_EQ(t.ColumnName(5), "F");
}

}  // namespace
}  // namespace mobilise::importers
