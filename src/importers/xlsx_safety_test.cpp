// Hostile or damaged workbooks, and hand-written SpreadsheetML that libxlsxwriter never produces.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "importers/xlsx_reader.hpp"
#include "importers/xlsx_test_support.hpp"

namespace mobilise::importers {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::MakeXlsx;
using testing::MakeZip;
using testing::MinimalPackage;
using testing::SheetXml;

std::string SimpleWorkbook() {
  return MakeXlsx([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    worksheet_write_string(ws, 0, 0, "code", nullptr);
    for (int r = 1; r < 200; ++r) worksheet_write_number(ws, r, 0, r, nullptr);
  });
}

Error MustFail(std::string_view bytes, const ReadLimits& limits = {}) {
  auto t = ReadXlsx(bytes, limits);
  EXPECT_FALSE(t.has_value());
  return t ? Error{} : t.error();
}

TEST(XlsxSafety, NotAZipIsAClearValidationError) {
  Error e = MustFail("code,name\nA,B\n");
  EXPECT_EQ(e.code, ErrorCode::kValidation);
  EXPECT_THAT(e.message, HasSubstr("not an Excel workbook"));
  EXPECT_EQ(MustFail("").code, ErrorCode::kValidation);
}

TEST(XlsxSafety, TruncatedZipIsAValidationError) {
  std::string bytes = SimpleWorkbook();
  for (std::size_t keep : {bytes.size() / 2, bytes.size() - 10, std::size_t{30}}) {
    Error e = MustFail(std::string_view(bytes).substr(0, keep));
    EXPECT_EQ(e.code, ErrorCode::kValidation) << keep;
    EXPECT_THAT(e.message, HasSubstr("zip")) << keep;
  }
}

TEST(XlsxSafety, ZipWithoutWorkbookIsNotAnXlsx) {
  Error e = MustFail(MakeZip({{"readme.txt", "hello"}}));
  EXPECT_EQ(e.code, ErrorCode::kValidation);
  EXPECT_THAT(e.message, HasSubstr("not an Excel workbook"));
}

// Sets the uncompressed size recorded for `name` in every local and central header.
void PatchUncompressedSize(std::string& zip, const std::string& name, std::uint32_t size) {
  int patched = 0;
  for (std::size_t at = 0; (at = zip.find("PK", at)) != std::string::npos; ++at) {
    bool central = zip.compare(at, 4, "PK\x01\x02") == 0;
    bool local = zip.compare(at, 4, "PK\x03\x04") == 0;
    if (!central && !local) continue;
    std::size_t name_at = at + (central ? 46 : 30);
    std::size_t size_at = at + (central ? 24 : 22);
    auto le16 = [&](std::size_t i) {
      return static_cast<unsigned char>(zip[i]) | static_cast<unsigned char>(zip[i + 1]) << 8;
    };
    std::size_t name_len = le16(at + (central ? 28 : 26));
    if (zip.compare(name_at, name_len, name) != 0 || name_len != name.size()) continue;
    for (int b = 0; b < 4; ++b) zip[size_at + b] = static_cast<char>((size >> (8 * b)) & 0xFF);
    ++patched;
  }
  ASSERT_GE(patched, 1);
}

TEST(XlsxSafety, SheetClaimingAHugeSizeIsRefusedBeforeInflating) {
  std::string bytes = SimpleWorkbook();
  PatchUncompressedSize(bytes, "xl/worksheets/sheet1.xml", 0xFFFFFF00u);
  Error e = MustFail(bytes);
  EXPECT_EQ(e.code, ErrorCode::kTooLarge);
  EXPECT_THAT(e.message, HasSubstr("xl/worksheets/sheet1.xml"));
}

TEST(XlsxSafety, ZipBombIsCutOffAtTheEntryLimit) {
  // 8 MB of sheet XML that deflates to a few KB.
  std::string rows;
  for (int r = 1; rows.size() < (8u << 20); ++r) {
    rows += "<row r=\"" + std::to_string(r) + "\"/>" + std::string(4000, ' ');
  }
  std::string bytes = MakeZip(MinimalPackage(SheetXml(rows)));
  ASSERT_LT(bytes.size(), 200u << 10);
  ReadLimits limits;
  limits.max_entry_bytes = 1u << 20;
  EXPECT_EQ(MustFail(bytes, limits).code, ErrorCode::kTooLarge);

  // Lying about its size (claims 1 KB) does not get it past the limit either.
  PatchUncompressedSize(bytes, "xl/worksheets/sheet1.xml", 1024);
  Error e = MustFail(bytes, limits);
  EXPECT_TRUE(e.code == ErrorCode::kTooLarge || e.code == ErrorCode::kValidation) << e.message;
}

TEST(XlsxSafety, CorruptedBytesNeverCrash) {
  const std::string good = SimpleWorkbook();
  int failures = 0;
  for (std::size_t at = 0; at < good.size(); at += 7) {
    std::string bad = good;
    bad[at] = static_cast<char>(bad[at] ^ 0x5A);
    auto t = ReadXlsx(bad, {});  // any Result is fine; crashing or throwing is not
    if (!t) {
      ++failures;
      EXPECT_NE(t.error().code, ErrorCode::kInternal) << at << ": " << t.error().message;
    }
  }
  EXPECT_GT(failures, 0);
}

TEST(XlsxSafety, FileSizeLimit) {
  ReadLimits limits;
  limits.max_bytes = 100;
  EXPECT_EQ(MustFail(SimpleWorkbook(), limits).code, ErrorCode::kTooLarge);
}

TEST(XlsxSafety, DoctypeIsRejectedSoNoEntityIsExpanded) {
  std::string laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\">"
      "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
      "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&b;</t></is></c>"
      "</row></sheetData></worksheet>";
  Error e = MustFail(MakeZip(MinimalPackage(laughs)));
  EXPECT_EQ(e.code, ErrorCode::kValidation);
  EXPECT_THAT(e.message, HasSubstr("DOCTYPE"));

  std::string xxe =
      "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
      "<sst><si><t>&e;</t></si></sst>";
  auto package = MinimalPackage(SheetXml(""), xxe);
  EXPECT_THAT(MustFail(MakeZip(package)).message, HasSubstr("DOCTYPE"));
}

TEST(XlsxSafety, MalformedXmlIsAValidationError) {
  Error e = MustFail(MakeZip(MinimalPackage(SheetXml("<row r=\"1\"><c r=\"A1\"><v>1</c>"))));
  EXPECT_EQ(e.code, ErrorCode::kValidation);
  EXPECT_THAT(e.message, HasSubstr("not well-formed"));
}

TEST(XlsxSafety, BadReferencesAreErrorsNotCrashes) {
  EXPECT_EQ(
      MustFail(MakeZip(MinimalPackage(SheetXml("<row r=\"1\"><c r=\"ZZZZ1\"><v>1</v></c></row>"))))
          .code,
      ErrorCode::kValidation);
  EXPECT_EQ(MustFail(MakeZip(MinimalPackage(SheetXml("<row r=\"-4\"/>")))).code,
            ErrorCode::kValidation);
}

TEST(XlsxHandWritten, PrefixesRichTextErrorsAndReferencesWithoutR) {
  std::string shared =
      "<x:sst xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      "<x:si><x:t>code</x:t></x:si>"
      "<x:si><x:r><x:t>Ки</x:t></x:r><x:r><x:t xml:space=\"preserve\">їв </x:t></x:r>"
      "<x:rPh sb=\"0\" eb=\"1\"><x:t>phonetic</x:t></x:rPh></x:si>"
      "<x:si><x:t>line_x000D__x000A_two</x:t></x:si></x:sst>";
  std::string sheet =
      "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      "<x:sheetData>"
      "<x:row><x:c t=\"s\"><x:v>0</x:v></x:c><x:c t=\"inlineStr\"><x:is><x:t>name</x:t></x:is>"
      "</x:c><x:c t=\"inlineStr\"><x:is><x:t>n</x:t></x:is></x:c></x:row>"
      "<x:row><x:c t=\"s\"><x:v>1</x:v></x:c><x:c t=\"s\"><x:v>2</x:v></x:c>"
      "<x:c><x:v>3.0</x:v></x:c></x:row>"
      "<x:row r=\"5\"><x:c r=\"B5\" t=\"e\"><x:v>#N/A</x:v></x:c></x:row>"
      "<x:row><x:c r=\"A6\" t=\"s\"><x:v>99</x:v></x:c></x:row>"
      "<x:row><x:c r=\"C7\"><x:v>1.5E3</x:v></x:c><x:c r=\"A7\" t=\"b\"><x:v>1</x:v></x:c></x:row>"
      "</x:sheetData></x:worksheet>";
  auto t = ReadXlsx(MakeZip(MinimalPackage(sheet, shared)), {});
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_THAT(t->header, ElementsAre("code", "name", "n"));
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_THAT(t->rows[0], ElementsAre("Київ ", "line\r\ntwo", "3"));
  EXPECT_THAT(t->rows[1], ElementsAre("TRUE", "", "1500"));
  EXPECT_THAT(t->row_numbers, ElementsAre(2, 7));
  ASSERT_EQ(t->errors.size(), 2u);
  EXPECT_EQ(t->errors[0].row, 5);
  EXPECT_EQ(t->errors[0].column, "name");
  EXPECT_EQ(t->errors[0].code, "cell_error");
  EXPECT_THAT(t->errors[0].message, HasSubstr("#N/A"));
  EXPECT_EQ(t->errors[1].row, 6);
  EXPECT_EQ(t->errors[1].code, "invalid");
}

TEST(XlsxHandWritten, DatesFromStylesAnd1904System) {
  std::string styles =
      "<styleSheet><numFmts count=\"1\"><numFmt numFmtId=\"164\" "
      "formatCode=\"[$-409]d\\-mmm\\-yy;@\"/>"
      "</numFmts><cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs><cellXfs>"
      "<xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"14\"/><xf "
      "numFmtId=\"4\"/></cellXfs>"
      "</styleSheet>";
  std::string sheet = SheetXml(
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c>"
      "<c r=\"B1\" t=\"inlineStr\"><is><t>b</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>c</t>"
      "</is></c><c r=\"D1\" t=\"inlineStr\"><is><t>d</t></is></c></row>"
      "<row r=\"2\"><c r=\"A2\"><v>45000</v></c><c r=\"B2\" s=\"1\"><v>45000</v></c>"
      "<c r=\"C2\" s=\"2\"><v>45000</v></c><c r=\"D2\" s=\"3\"><v>45000</v></c></row>"
      "<row r=\"3\"><c r=\"C3\" s=\"2\"><v>-1</v></c></row>");
  auto t = ReadXlsx(MakeZip(MinimalPackage(sheet, "", styles)), {});
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_THAT(t->rows[0], ElementsAre("45000", "2023-03-15", "2023-03-15", "45000"));
  ASSERT_EQ(t->errors.size(), 1u);
  EXPECT_EQ(t->errors[0].column, "c");
  EXPECT_EQ(t->errors[0].code, "invalid");

  auto t1904 =
      ReadXlsx(MakeZip(MinimalPackage(sheet, "", styles, "<workbookPr date1904=\"1\"/>")), {});
  ASSERT_TRUE(t1904) << t1904.error().message;
  EXPECT_EQ(t1904->rows[0][1], "2027-03-16");
}

}  // namespace
}  // namespace mobilise::importers
