#include "importers/xlsx_values.hpp"

#include <gtest/gtest.h>

namespace mobilise::importers::detail {
namespace {

TEST(XlsxValues, FormatKinds) {
  for (int id : {14, 15, 16, 17}) EXPECT_EQ(BuiltinFormatKind(id), NumberKind::kDate) << id;
  EXPECT_EQ(BuiltinFormatKind(22), NumberKind::kDateTime);
  EXPECT_EQ(BuiltinFormatKind(20), NumberKind::kTime);
  for (int id : {0, 1, 2, 4, 10, 49}) EXPECT_EQ(BuiltinFormatKind(id), NumberKind::kPlain) << id;

  EXPECT_EQ(CustomFormatKind("dd/mm/yyyy"), NumberKind::kDate);
  EXPECT_EQ(CustomFormatKind("mmm yyyy"), NumberKind::kDate);
  EXPECT_EQ(CustomFormatKind("[$-409]d-mmm-yy;@"), NumberKind::kDate);
  EXPECT_EQ(CustomFormatKind("yyyy-mm-dd hh:mm"), NumberKind::kDateTime);
  EXPECT_EQ(CustomFormatKind("h:mm AM/PM"), NumberKind::kTime);
  EXPECT_EQ(CustomFormatKind("mm:ss"), NumberKind::kTime);
  EXPECT_EQ(CustomFormatKind("[h]:mm"), NumberKind::kTime);
  for (const char* plain : {"General", "0.00", "#,##0", "@", "0 \"days\"", "[Red]-0;0", "0.0%",
                            "0.00E+00", "\\d0", "\"$\"#,##0_);(\"$\"#,##0)"}) {
    EXPECT_EQ(CustomFormatKind(plain), NumberKind::kPlain) << plain;
  }
}

TEST(XlsxValues, RenderNumber) {
  // The cell's text -> as rendered.
  const std::pair<const char*, const char*> cases[] = {
      {"5", "5"},
      {"5.0", "5"},
      {"-12.000", "-12"},
      {"0.1", "0.1"},
      {"3.14159", "3.14159"},
      {"0.10000000000000001", "0.10000000000000001"},
      {"1.5E3", "1500"},
      {"9.3700123456E10", "93700123456"},
      {"1E-3", "0.001"},
      {"1E+20", "1e+20"},
  };
  for (const auto& [cell, rendered] : cases) EXPECT_EQ(RenderNumber(cell), rendered) << cell;
}

TEST(XlsxValues, SerialDates) {
  // The serial number in the 1900 date system -> the day, or "none".
  const std::pair<const char*, const char*> cases[] = {
      {"1", "1900-01-01"},
      {"59", "1900-02-28"},
      {"60", "none"},  // Excel's 1900-02-29
      {"61", "1900-03-01"},
      {"25569", "1970-01-01"},
      {"36585", "2000-02-29"},
      {"45000.75", "2023-03-15"},
      {"2958465", "9999-12-31"},
      {"2958466", "none"},
      {"-1", "none"},
      {"abc", "none"},
  };
  for (const auto& [serial, day] : cases)
    EXPECT_EQ(RenderSerialDate(serial, NumberKind::kDate, false).value_or("none"), day) << serial;
  EXPECT_EQ(RenderSerialDate("0", NumberKind::kDate, true), "1904-01-01");
  EXPECT_EQ(RenderSerialDate("45000.5", NumberKind::kDateTime, false), "2023-03-15 12:00:00");
  EXPECT_EQ(RenderSerialDate("0.99999999", NumberKind::kTime, false), "00:00:00");
  EXPECT_EQ(RenderSerialDate("0.75", NumberKind::kTime, false), "18:00:00");
}

TEST(XlsxValues, EscapesAndReferences) {
  EXPECT_EQ(DecodeEscapes("a_x000D__x000A_b"), "a\r\nb");
  EXPECT_EQ(DecodeEscapes("_x005F_x000D_"), "_x000D_");
  EXPECT_EQ(DecodeEscapes("_x00E9_"), "é");
  EXPECT_EQ(DecodeEscapes("plain_x_"), "plain_x_");
  EXPECT_EQ(ColumnOfReference("A1"), 0u);
  EXPECT_EQ(ColumnOfReference("C5"), 2u);
  EXPECT_EQ(ColumnOfReference("AA10"), 26u);
  EXPECT_EQ(ColumnOfReference("XFD1048576"), 16383u);
  EXPECT_EQ(ColumnOfReference("XFE1"), std::nullopt);
  EXPECT_EQ(ColumnOfReference("1A"), std::nullopt);
  EXPECT_EQ(ColumnOfReference("A-1"), std::nullopt);
}

}  // namespace
}  // namespace mobilise::importers::detail
