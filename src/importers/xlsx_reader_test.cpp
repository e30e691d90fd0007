#include "importers/xlsx_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "importers/xlsx_test_support.hpp"

namespace mobilise::importers {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::MakeXlsx;

const std::string kPashto = "د کابل ولایت";
const std::string kUkrainian = "Київська область";

Table MustRead(std::string_view bytes, std::string_view sheet = {}, const ReadLimits& limits = {}) {
  auto table = ReadXlsx(bytes, limits, sheet);
  EXPECT_TRUE(table.has_value()) << (table ? "" : table.error().message);
  return table ? *table : Table{};
}

// One row of the area list below: code, name, local name, population, day formed and active.
struct AreaRow {
  const char* code;
  const char* name;
  const std::string& name_local;
  double population;
  lxw_format* population_format;
  lxw_datetime formed;
  lxw_format* formed_format;
  bool active;
};

void WriteAreaRow(lxw_worksheet* ws, lxw_row_t row, AreaRow a) {
  worksheet_write_string(ws, row, 0, a.code, nullptr);
  worksheet_write_string(ws, row, 1, a.name, nullptr);
  worksheet_write_string(ws, row, 2, a.name_local.c_str(), nullptr);
  worksheet_write_number(ws, row, 3, a.population, a.population_format);
  worksheet_write_datetime(ws, row, 4, &a.formed, a.formed_format);
  worksheet_write_boolean(ws, row, 5, a.active ? 1 : 0, nullptr);
}

// An area list as a user would make it: strings, numbers, a date, a boolean, local scripts.
std::string AreaWorkbook(bool constant_memory) {
  return MakeXlsx(
      [](lxw_workbook* wb) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, "Areas");
        lxw_format* date = workbook_add_format(wb);
        format_set_num_format(date, "dd/mm/yyyy");
        lxw_format* builtin_date = workbook_add_format(wb);
        format_set_num_format_index(builtin_date, 14);
        lxw_format* money = workbook_add_format(wb);
        format_set_num_format(money, "#,##0.00");
        const char* header[] = {"code", "name", "name_local", "population", "formed_on", "active"};
        for (int c = 0; c < 6; ++c) worksheet_write_string(ws, 0, c, header[c], nullptr);
        const lxw_datetime formed = {2024, 3, 15, 0, 0, 0}, leap = {2000, 2, 29, 0, 0, 0};
        WriteAreaRow(ws, 1, {"AF01", "Kabul", kPashto, 4601789, money, formed, date, true});
        const AreaRow kyiv = {"UA32",  "Kyiv oblast", kUkrainian,   1788.25,
                              nullptr, leap,          builtin_date, false};
        WriteAreaRow(ws, 2, kyiv);
        worksheet_write_number(ws, 3, 0, 1234567890123.0, nullptr);
        worksheet_write_number(ws, 3, 3, -0.5, nullptr);
      },
      constant_memory);
}

TEST(XlsxReader, ReadsStringsNumbersDatesBooleansAndLocalScripts) {
  for (bool constant_memory : {false, true}) {  // shared strings, then inline strings
    SCOPED_TRACE(constant_memory ? "inline strings" : "shared strings");
    Table t = MustRead(AreaWorkbook(constant_memory));
    EXPECT_THAT(t.header,
                ElementsAre("code", "name", "name_local", "population", "formed_on", "active"));
    ASSERT_EQ(t.rows.size(), 3u);
    EXPECT_THAT(t.rows[0], ElementsAre("AF01", "Kabul", kPashto, "4601789", "2024-03-15", "TRUE"));
    EXPECT_THAT(t.rows[1],
                ElementsAre("UA32", "Kyiv oblast", kUkrainian, "1788.25", "2000-02-29", "FALSE"));
    EXPECT_THAT(t.rows[2], ElementsAre("1234567890123", "", "", "-0.5", "", ""));
    EXPECT_THAT(t.row_numbers, ElementsAre(2, 3, 4));
    EXPECT_TRUE(t.errors.empty());
  }
}

TEST(XlsxReader, FormulaCellsAreRowErrorsNotValues) {
  std::string bytes = MakeXlsx([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    worksheet_write_string(ws, 0, 0, "code", nullptr);
    worksheet_write_string(ws, 0, 1, "total", nullptr);
    worksheet_write_string(ws, 1, 0, "A", nullptr);
    worksheet_write_number(ws, 1, 1, 2, nullptr);
    worksheet_write_string(ws, 2, 0, "B", nullptr);
    worksheet_write_formula_num(ws, 2, 1, "=B2*2", nullptr, 4);  // cached value 4
    worksheet_write_string(ws, 3, 0, "C", nullptr);
    worksheet_write_formula_str(ws, 3, 1, "=\"x\"&A4", nullptr, "xC");
  });
  Table t = MustRead(bytes);
  EXPECT_THAT(t.row_numbers, ElementsAre(2));
  ASSERT_EQ(t.errors.size(), 2u);
  EXPECT_EQ(t.errors[0].row, 3);
  EXPECT_EQ(t.errors[0].column, "total");
  EXPECT_EQ(t.errors[0].code, "formula");
  EXPECT_THAT(t.errors[0].message, HasSubstr("formulas are not accepted; paste values"));
  EXPECT_EQ(t.errors[1].row, 4);
}

TEST(XlsxReader, FormulaInHeaderFailsTheFile) {
  std::string bytes = MakeXlsx([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    worksheet_write_formula(ws, 0, 0, "=\"code\"", nullptr);
  });
  auto t = ReadXlsx(bytes, {});
  ASSERT_FALSE(t);
  EXPECT_THAT(t.error().message, HasSubstr("formulas are not accepted"));
}

TEST(XlsxReader, SparseCellsAndBlankRowsKeepTheirPlaces) {
  std::string bytes = MakeXlsx([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    for (int c = 0; c < 4; ++c) worksheet_write_string(ws, 0, c, "h", nullptr);
    worksheet_write_string(ws, 0, 3, "last", nullptr);
    worksheet_write_string(ws, 2, 1, "b3", nullptr);  // row 2 left out entirely
    worksheet_write_string(ws, 2, 3, "d3", nullptr);
    worksheet_write_blank(ws, 3, 0, workbook_add_format(wb));  // styled but empty: a blank row
    worksheet_write_number(ws, 5, 2, 7, nullptr);
  });
  Table t = MustRead(bytes);
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_THAT(t.rows[0], ElementsAre("", "b3", "", "d3"));
  EXPECT_THAT(t.rows[1], ElementsAre("", "", "7", ""));
  EXPECT_THAT(t.row_numbers, ElementsAre(3, 6));
}

TEST(XlsxReader, ValueBeyondTheHeaderIsReported) {
  std::string bytes = testing::TextWorkbook({{0, 0, "code"}, {1, 0, "A"}, {1, 27, "stray"}});
  Table t = MustRead(bytes);
  EXPECT_TRUE(t.rows.empty());
  ASSERT_EQ(t.errors.size(), 1u);
  EXPECT_EQ(t.errors[0].code, "ragged");
  EXPECT_THAT(t.errors[0].message, HasSubstr("column AB"));
}

TEST(XlsxReader, TenThousandRows) {
  for (bool constant_memory : {false, true}) {
    std::string bytes = MakeXlsx(
        [](lxw_workbook* wb) {
          lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
          worksheet_write_string(ws, 0, 0, "code", nullptr);
          worksheet_write_string(ws, 0, 1, "name", nullptr);
          worksheet_write_string(ws, 0, 2, "households", nullptr);
          for (int r = 1; r <= 10'000; ++r) {
            worksheet_write_string(ws, r, 0, ("V" + std::to_string(r)).c_str(), nullptr);
            worksheet_write_string(ws, r, 1, (kPashto + " " + std::to_string(r)).c_str(), nullptr);
            worksheet_write_number(ws, r, 2, r * 3, nullptr);
          }
        },
        constant_memory);
    auto start = std::chrono::steady_clock::now();
    Table t = MustRead(bytes);
    auto elapsed = std::chrono::steady_clock::now() - start;
    ASSERT_EQ(t.rows.size(), 10'000u);
    EXPECT_THAT(t.rows[9'999], ElementsAre("V10000", kPashto + " 10000", "30000"));
    EXPECT_EQ(t.row_numbers.back(), 10'001);
    EXPECT_LT(elapsed, std::chrono::seconds(5));

    ReadLimits limits;
    limits.max_rows = 9'999;
    auto over = ReadXlsx(bytes, limits);
    ASSERT_FALSE(over);
    EXPECT_EQ(over.error().code, ErrorCode::kTooLarge);
  }
}

std::string TwoSheets() {
  return MakeXlsx([](lxw_workbook* wb) {
    lxw_worksheet* hidden = workbook_add_worksheet(wb, "Notes");
    worksheet_write_string(hidden, 0, 0, "notes", nullptr);
    lxw_worksheet* first = workbook_add_worksheet(wb, "Districts");
    worksheet_write_string(first, 0, 0, "district", nullptr);
    worksheet_write_string(first, 1, 0, "Kabul", nullptr);
    lxw_worksheet* second = workbook_add_worksheet(wb, "Villages");
    worksheet_write_string(second, 0, 0, "village", nullptr);
    worksheet_write_string(second, 1, 0, kUkrainian.c_str(), nullptr);
    worksheet_activate(first);
    worksheet_hide(hidden);
  });
}

TEST(XlsxReader, FirstVisibleSheetOrTheNamedOne) {
  std::string bytes = TwoSheets();
  EXPECT_THAT(MustRead(bytes).header, ElementsAre("district"));
  Table villages = MustRead(bytes, "Villages");
  EXPECT_THAT(villages.rows[0], ElementsAre(kUkrainian));
  EXPECT_THAT(MustRead(bytes, "villages").header, ElementsAre("village"));
  EXPECT_THAT(MustRead(bytes, "Notes").header, ElementsAre("notes"));
  auto missing = ReadXlsx(bytes, {}, "Provinces");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kValidation);
  EXPECT_THAT(missing.error().message, HasSubstr("Notes, Districts, Villages"));
  auto names = ListXlsxSheets(bytes, {});
  ASSERT_TRUE(names);
  EXPECT_THAT(*names, ElementsAre("Notes", "Districts", "Villages"));
}

TEST(XlsxReader, DateTimeAndTimeFormats) {
  std::string bytes = MakeXlsx([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    lxw_format* datetime = workbook_add_format(wb);
    format_set_num_format(datetime, "yyyy-mm-dd hh:mm");
    lxw_format* time = workbook_add_format(wb);
    format_set_num_format(time, "h:mm");
    lxw_format* text_days = workbook_add_format(wb);
    format_set_num_format(text_days, "0 \"days\"");
    worksheet_write_string(ws, 0, 0, "at", nullptr);
    worksheet_write_string(ws, 0, 1, "time", nullptr);
    worksheet_write_string(ws, 0, 2, "length", nullptr);
    lxw_datetime at = {2023, 12, 31, 23, 59, 30};
    worksheet_write_datetime(ws, 1, 0, &at, datetime);
    lxw_datetime t = {0, 0, 0, 9, 30, 0};
    worksheet_write_datetime(ws, 1, 1, &t, time);
    worksheet_write_number(ws, 1, 2, 12, text_days);
  });
  Table t = MustRead(bytes);
  EXPECT_THAT(t.rows[0], ElementsAre("2023-12-31 23:59:30", "09:30:00", "12"));
}

}  // namespace
}  // namespace mobilise::importers
