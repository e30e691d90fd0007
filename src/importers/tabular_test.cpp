#include "importers/tabular.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "importers/xlsx_test_support.hpp"

namespace mobilise::importers {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

std::string SmallXlsx() { return testing::TextWorkbook({{0, 0, "code"}, {1, 0, "X1"}}); }

TEST(ReadTable, PicksTheFormat) {
  std::string xlsx = SmallXlsx();
  for (const char* hint : {kXlsxType, "areas.xlsx", "application/octet-stream", "text/csv", ""}) {
    auto t = ReadTable(xlsx, hint, {});  // the zip magic wins
    ASSERT_TRUE(t) << hint << ": " << t.error().message;
    EXPECT_THAT(t->rows[0], ElementsAre("X1")) << hint;
  }
  for (const char* hint : {"text/csv", "text/csv; charset=utf-8", "AREAS.CSV", "", "text/plain",
                           "application/vnd.ms-excel", "application/octet-stream"}) {
    auto t = ReadTable("code;name\nX1;Kabul\n", hint, {});
    ASSERT_TRUE(t) << hint << ": " << t.error().message;
    EXPECT_THAT(t->rows[0], ElementsAre("X1", "Kabul")) << hint;
  }
}

TEST(ReadTable, RejectsWhatItCannotRead) {
  auto fake = ReadTable("code\nX1\n", kXlsxType, {});
  ASSERT_FALSE(fake);
  EXPECT_EQ(fake.error().code, ErrorCode::kValidation);
  auto xls = ReadTable(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1....", 12), "areas.xls", {});
  ASSERT_FALSE(xls);
  EXPECT_EQ(xls.error().code, ErrorCode::kUnsupported);
  EXPECT_THAT(xls.error().message, HasSubstr(".xlsx"));
  auto pdf = ReadTable("%PDF-1.7", "application/pdf", {});
  ASSERT_FALSE(pdf);
  EXPECT_EQ(pdf.error().code, ErrorCode::kUnsupported);
  ReadLimits limits;
  limits.max_bytes = 4;
  EXPECT_EQ(ReadTable("code\nX1\n", "text/csv", limits).error().code, ErrorCode::kTooLarge);
}

const ColumnSpec kSpecs[] = {
    {"code", true}, {"name", true}, {"parent_code", false}, {"name_local", false}};

TEST(MapColumns, MatchesIgnoringCaseAndSpaces) {
  std::vector<std::string> header = {" Name ", "CODE", "name_local"};
  auto map = MapColumns(header, kSpecs);
  ASSERT_TRUE(map) << map.error().message;
  EXPECT_EQ(map->Find("code"), 1u);
  EXPECT_EQ(map->Find("name"), 0u);
  EXPECT_EQ(map->Find("parent_code"), std::nullopt);
  std::vector<std::string> row = {"Kabul", "AF01", "کابل"};
  EXPECT_EQ(map->Cell(row, "code"), "AF01");
  EXPECT_EQ(map->Cell(row, "parent_code"), "");
}

TEST(MapColumns, NamesEveryMissingAndUnknownColumn) {
  std::vector<std::string> header = {"Code", "region", "", "code", "population"};
  auto map = MapColumns(header, kSpecs);
  ASSERT_FALSE(map);
  EXPECT_EQ(map.error().code, ErrorCode::kValidation);
  EXPECT_THAT(map.error().fields,
              UnorderedElementsAre(
                  Pair("name", "required column is missing"), Pair("region", "unknown column"),
                  Pair("population", "unknown column"), Pair("C", "column has no name"),
                  Pair("code", "column appears more than once")));
  EXPECT_THAT(map.error().message, HasSubstr("missing required columns: name"));
  EXPECT_THAT(map.error().message, HasSubstr("unknown columns: region, population"));
}

}  // namespace
}  // namespace mobilise::importers
