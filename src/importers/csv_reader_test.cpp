#include "importers/csv_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace mobilise::importers {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

Table MustRead(std::string_view csv, const ReadLimits& limits = {}) {
  auto table = ReadCsv(csv, limits);
  EXPECT_TRUE(table.has_value()) << (table ? "" : table.error().message);
  return table ? *table : Table{};
}

Error MustFail(std::string_view csv, const ReadLimits& limits = {}) {
  auto table = ReadCsv(csv, limits);
  EXPECT_FALSE(table.has_value());
  return table ? Error{} : table.error();
}

// `csv` is refused as invalid, with a message that holds each of `parts`.
void ExpectInvalid(std::string_view csv, std::initializer_list<const char*> parts) {
  Error e = MustFail(csv);
  EXPECT_EQ(e.code, ErrorCode::kValidation);
  for (const char* part : parts) EXPECT_THAT(e.message, HasSubstr(part));
}

TEST(CsvReader, ReadsHeaderAndRowsWithRowNumbers) {
  Table t = MustRead("code,name\nAF01,Kabul\nAF02,Herat\n");
  EXPECT_THAT(t.header, ElementsAre("code", "name"));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_THAT(t.rows[0], ElementsAre("AF01", "Kabul"));
  EXPECT_THAT(t.rows[1], ElementsAre("AF02", "Herat"));
  EXPECT_THAT(t.row_numbers, ElementsAre(2, 3));
  EXPECT_TRUE(t.errors.empty());
}

TEST(CsvReader, QuotedCellsKeepDelimitersQuotesAndSpaces) {
  Table t = MustRead("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"  padded  \"\n");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_THAT(t.rows[0], ElementsAre("x, y", "say \"hi\"", "  padded  "));
}

TEST(CsvReader, UnquotedCellsAreTrimmed) {
  Table t = MustRead(" a , b \n  1 ,2  \n");
  EXPECT_THAT(t.header, ElementsAre("a", "b"));
  EXPECT_THAT(t.rows[0], ElementsAre("1", "2"));
}

TEST(CsvReader, EmbeddedNewlineIsOneRowAndLaterRowsKeepNumbers) {
  Table t = MustRead("name,note\r\nA,\"line 1\r\nline 2\nline 3\"\r\nB,plain\r\n");
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0][1], "line 1\r\nline 2\nline 3");
  EXPECT_THAT(t.row_numbers, ElementsAre(2, 3));
}

TEST(CsvReader, CrlfLfAndCrLineEndsAndNoFinalNewline) {
  Table t = MustRead("a,b\r\n1,2\n3,4\r5,6");
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_THAT(t.rows[2], ElementsAre("5", "6"));
  EXPECT_THAT(t.row_numbers, ElementsAre(2, 3, 4));
}

TEST(CsvReader, SkipsUtf8BomAndBlankRowsButKeepsNumbering) {
  Table t = MustRead(
      "\xEF\xBB\xBF"
      "code,name\n\nAF01,Kabul\n,\nAF02,Herat\n");
  EXPECT_THAT(t.header, ElementsAre("code", "name"));
  EXPECT_THAT(t.row_numbers, ElementsAre(3, 5));
}

TEST(CsvReader, LeadingBlankLinesMoveTheHeader) {
  Table t = MustRead("\n\ncode\nX\n");
  EXPECT_EQ(t.header_row, 3);
  EXPECT_THAT(t.row_numbers, ElementsAre(4));
}

TEST(CsvReader, DetectsSemicolonAndTab) {
  EXPECT_EQ(DetectCsvDelimiter("a;b;c\n1,5;2;3"), ';');
  EXPECT_EQ(DetectCsvDelimiter("a\tb\n"), '\t');
  EXPECT_EQ(DetectCsvDelimiter("\"x;y;z\",b\n"), ',');
  EXPECT_EQ(DetectCsvDelimiter("single\n"), ',');
  Table t = MustRead("code;name;score\nAF01;\"Kabul; city\";1,5\n");
  EXPECT_THAT(t.rows[0], ElementsAre("AF01", "Kabul; city", "1,5"));
  Table tabs = MustRead("code\tname\nAF01\t Kabul \n");
  EXPECT_THAT(tabs.rows[0], ElementsAre("AF01", "Kabul"));
}

TEST(CsvReader, PashtoAndUkrainianTextIsIntact) {
  const std::string pashto = "د کابل ولایت";
  const std::string ukrainian = "Київська область, Біла Церква";
  Table t = MustRead("name,name_local\nKabul," + pashto + "\nKyiv,\"" + ukrainian + "\"\n");
  EXPECT_EQ(t.rows[0][1], pashto);
  EXPECT_EQ(t.rows[1][1], ukrainian);
}

TEST(CsvReader, InvalidUtf8NamesTheRowAndAsksForUtf8) {
  // Row 3 holds "Caf\xE9" as Windows-1252 writes it.
  ExpectInvalid("name\nKabul\nCaf\xE9\nHerat\n", {"row 3", "UTF-8"});
}

TEST(CsvReader, Utf16WithoutBomIsRejectedAsNotUtf8) {
  std::string utf16("n\0a\0m\0e\0\n\0", 10);
  Error e = MustFail(utf16);
  EXPECT_THAT(e.message, HasSubstr("row 1"));
  EXPECT_THAT(e.message, HasSubstr("UTF-8"));
}

TEST(CsvReader, Utf16BomGetsItsOwnMessage) {
  Error e = MustFail(std::string("\xFF\xFEn\0a\0m\0e\0", 10));
  EXPECT_EQ(e.code, ErrorCode::kValidation);
  EXPECT_THAT(e.message, HasSubstr("UTF-16"));
  EXPECT_THAT(MustFail("\xFE\xFF\0n").message, HasSubstr("UTF-16"));
}

TEST(CsvReader, RaggedRowsAreReportedAndLeftOut) {
  Table t = MustRead("a,b,c\n1,2,3\n1,2\n1,2,3,4\n1,2,3,,\n7,8,9\n");
  EXPECT_THAT(t.row_numbers, ElementsAre(2, 5, 6));
  ASSERT_EQ(t.errors.size(), 2u);
  EXPECT_EQ(t.errors[0].row, 3);
  EXPECT_EQ(t.errors[0].code, "ragged");
  EXPECT_EQ(t.errors[0].message, "row 3 has 2 cells, the header has 3");
  EXPECT_EQ(t.errors[1].row, 4);
  EXPECT_EQ(t.errors[1].message, "row 4 has 4 cells, the header has 3");
}

TEST(CsvReader, TrailingEmptyCellsPadOut) {
  Table t = MustRead("a,b,c,,\n1,,\n");
  EXPECT_THAT(t.header, ElementsAre("a", "b", "c"));
  EXPECT_THAT(t.rows[0], ElementsAre("1", "", ""));
}

TEST(CsvReader, UnterminatedQuoteIsAnErrorAtItsRow) {
  ExpectInvalid("a,b\n1,2\n3,\"never closed\n4,5\n6,7\n", {"row 3", "never closed"});
}

TEST(CsvReader, TextAfterClosingQuoteIsAnError) {
  Error e = MustFail("a,b\n\"x\"y,2\n");
  EXPECT_THAT(e.message, HasSubstr("row 2"));
}

TEST(CsvReader, QuoteInsideUnquotedCellIsLiteral) {
  Table t = MustRead("size\n5\" pipe\n");
  EXPECT_EQ(t.rows[0][0], "5\" pipe");
}

TEST(CsvReader, SizeLimitInBytesIsCheckedFirst) {
  ReadLimits limits;
  limits.max_bytes = 10;
  Error e = MustFail("a,b\n1,\"unterminated and long\n", limits);
  EXPECT_EQ(e.code, ErrorCode::kTooLarge);
}

TEST(CsvReader, RowLimitStopsReading) {
  ReadLimits limits;
  limits.max_rows = 2;
  EXPECT_EQ(MustRead("a\n1\n2\n", limits).rows.size(), 2u);
  // The bad UTF-8 after the limit is never reached.
  Error e = MustFail("a\n1\n2\n3\n\xFF\n", limits);
  EXPECT_EQ(e.code, ErrorCode::kTooLarge);
  EXPECT_THAT(e.message, HasSubstr("2"));
}

TEST(CsvReader, ColumnLimit) {
  ReadLimits limits;
  limits.max_columns = 2;
  EXPECT_EQ(MustFail("a,b,c\n", limits).code, ErrorCode::kTooLarge);
}

TEST(CsvReader, EmptyFileHasNoHeader) {
  EXPECT_THAT(MustFail("").message, HasSubstr("empty"));
  EXPECT_THAT(MustFail("\xEF\xBB\xBF\r\n\r\n").message, HasSubstr("empty"));
}

TEST(CsvReader, FormulasAreReadAsTextNeverEvaluated) {
  Table t = MustRead("a\n=1+1\n\"=HYPERLINK(\"\"http://x\"\")\"\n");
  EXPECT_EQ(t.rows[0][0], "=1+1");
  EXPECT_TRUE(LooksLikeFormula(t.rows[0][0]));
  EXPECT_TRUE(LooksLikeFormula(t.rows[1][0]));
}

}  // namespace
}  // namespace mobilise::importers
