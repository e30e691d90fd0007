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
  EXPECT_EQ(RenderNumber("5"), "5");
  EXPECT_EQ(RenderNumber("5.0"), "5");
  EXPECT_EQ(RenderNumber("-12.000"), "-12");
  EXPECT_EQ(RenderNumber("0.1"), "0.1");
  EXPECT_EQ(RenderNumber("3.14159"), "3.14159");
  EXPECT_EQ(RenderNumber("0.10000000000000001"), "0.10000000000000001");
  EXPECT_EQ(RenderNumber("1.5E3"), "1500");
  EXPECT_EQ(RenderNumber("9.3700123456E10"), "93700123456");
  EXPECT_EQ(RenderNumber("1E-3"), "0.001");
  EXPECT_EQ(RenderNumber("1E+20"), "1e+20");
}

TEST(XlsxValues, SerialDates) {
  auto date = [](const char* v, bool d1904 = false) {
    return RenderSerialDate(v, NumberKind::kDate, d1904).value_or("none");
  };
  EXPECT_EQ(date("1"), "1900-01-01");
  EXPECT_EQ(date("59"), "1900-02-28");
  EXPECT_EQ(date("60"), "none");  // Excel's 1900-02-29
  EXPECT_EQ(date("61"), "1900-03-01");
  EXPECT_EQ(date("25569"), "1970-01-01");
  EXPECT_EQ(date("36585"), "2000-02-29");
  EXPECT_EQ(date("45000.75"), "2023-03-15");
  EXPECT_EQ(date("2958465"), "9999-12-31");
  EXPECT_EQ(date("2958466"), "none");
  EXPECT_EQ(date("-1"), "none");
  EXPECT_EQ(date("abc"), "none");
  EXPECT_EQ(date("0", true), "1904-01-01");
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
