#include "reports/render_xlsx.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

#include "importers/xlsx_reader.hpp"
#include "importers/zip_archive.hpp"
#include "reports/image.hpp"
#include "reports/reports_test_support.hpp"

namespace mobilise::reports {
namespace {

using namespace testing;
using importers::detail::ZipArchive;

Document WorkbookDocument() {
  Document doc{.title = "Monthly progress report",
               .subtitle = "Peshawar district, October 2026",
               .facts = {{"Period", "October 2026"}, {"Area", "Peshawar"}}};
  // > 31 characters, with [ ] and :
  Section section{.title = "Households and community organisations: [reached]"};
  Table table{.title = "Households by union council",
              .columns = {"Union council", "Reached", "Target", "% achieved"}};
  table.rows = {
      {Label("Badaber"), Num(1234, "1,234"), Num(1500, "1,500"), Num(82.3, "82.3%", "amber", true)},
      {Label("Mathra"), Num(845, "845"), Num(800, "800"), Num(105.6, "105.6%", "green", true)},
      {Label("Regi"), Num(0.5, "0.5"), Num(1000, "1,000"), Num(32, "32.0%", "red", true)}};
  section.tables.push_back(table);
  Chart bar;  // its data is the table's: drawn from it
  bar.title = "Reached and target";
  bar.labels = {"Badaber", "Mathra", "Regi"};
  bar.series = {{"Reached", {1234, 845, 0.5}}, {"Target", {1500, 800, 1000}}};
  section.charts.push_back(bar);
  Chart line;  // not on the sheet: its data is written above it
  line.kind = Chart::Kind::kLine;
  line.title = "Sessions per month";
  line.labels = {"Aug", "Sep", "Oct"};
  line.series = {{"Women", {12, std::nullopt, 31}}};
  section.charts.push_back(line);
  section.narrative.push_back({"Highlights", "All union councils held meetings.\n\nRegi lags."});
  doc.sections.push_back(section);
  Section second;
  second.title = "Households and community organisations: [reached]";  // same name again
  second.narrative.push_back({"Notes", "Nothing else."});
  doc.sections.push_back(second);
  return doc;
}

TEST(RenderXlsx, WritesSheetsTablesNumbersAndNativeCharts) {
  std::string path = OutputPath("report.xlsx");
  ASSERT_TRUE(RenderXlsx(WorkbookDocument(), path));
  std::string bytes = Slurp(path);
  importers::ReadLimits limits;

  auto sheets = importers::ListXlsxSheets(bytes, limits);
  ASSERT_TRUE(sheets) << sheets.error().message;
  EXPECT_EQ(*sheets,
            (std::vector<std::string>{"Monthly progress report", "Households and community organi",
                                      "Households and community or (2)"}));

  auto table = importers::ReadXlsx(bytes, limits, (*sheets)[1]);
  ASSERT_TRUE(table) << table.error().message;
  EXPECT_EQ(table->header_row, 1);
  EXPECT_EQ(table->header,
            (std::vector<std::string>{"Union council", "Reached", "Target", "% achieved"}));
  ASSERT_GE(table->rows.size(), 3u);
  EXPECT_EQ(table->rows[0][0], "Badaber");
  EXPECT_EQ(table->rows[0][1], "1234");  // a number, not the text "1,234"
  EXPECT_EQ(table->rows[0][2], "1500");
  EXPECT_NEAR(std::atof(table->rows[0][3].c_str()), 0.823, 1e-12);  // a real percentage
  EXPECT_EQ(table->rows[2][1], "0.5");
  // The line chart's data follows the table: its title, a header, a gap where there is no value.
  bool found_line_data = false;
  for (const auto& row : table->rows) {
    if (row[0] == "Sep") {
      found_line_data = true;
      EXPECT_EQ(row[1], "");
    }
    if (row[0] == "Oct") EXPECT_EQ(row[1], "31");
  }
  EXPECT_TRUE(found_line_data);

  auto cover = importers::ReadXlsx(bytes, limits, (*sheets)[0]);
  ASSERT_TRUE(cover);
  EXPECT_EQ(cover->header[0], "Monthly progress report");

  auto zip = ZipArchive::Open(bytes);
  ASSERT_TRUE(zip);
  EXPECT_TRUE(zip->Has("xl/charts/chart1.xml"));
  EXPECT_TRUE(zip->Has("xl/charts/chart2.xml"));
  auto chart1 = zip->ReadAll("xl/charts/chart1.xml", 1 << 20);
  ASSERT_TRUE(chart1);
  EXPECT_NE(chart1->find("<c:barChart>"), std::string::npos);
  // Drawn from the table itself: categories A2:A4, values B2:B4 and C2:C4.
  EXPECT_NE(chart1->find("'Households and community organi'!$A$2:$A$4"), std::string::npos)
      << *chart1;
  EXPECT_NE(chart1->find("'Households and community organi'!$C$2:$C$4"), std::string::npos);
  auto chart2 = zip->ReadAll("xl/charts/chart2.xml", 1 << 20);
  ASSERT_TRUE(chart2);
  EXPECT_NE(chart2->find("<c:lineChart>"), std::string::npos);

  auto sheet = zip->ReadAll("xl/worksheets/sheet2.xml", 16 << 20);
  ASSERT_TRUE(sheet);
  EXPECT_NE(sheet->find("<pane ySplit=\"1\" topLeftCell=\"A2\""), std::string::npos);
  EXPECT_NE(sheet->find("state=\"frozen\""), std::string::npos);
  EXPECT_NE(sheet->find("<mergeCell "), std::string::npos);  // narrative rows
  EXPECT_EQ(sheet->find("rightToLeft"), std::string::npos);
  auto styles = zip->ReadAll("xl/styles.xml", 1 << 20);
  ASSERT_TRUE(styles);
  EXPECT_NE(styles->find("formatCode=\"0.0%\""), std::string::npos);
  EXPECT_NE(styles->find("FFC6EFCE"), std::string::npos);  // green fill
  EXPECT_NE(styles->find("FFFFC7CE"), std::string::npos);  // red fill
}

TEST(RenderXlsx, RightToLeftDocumentsGetRightToLeftSheets) {
  std::string path = OutputPath("pashto.xlsx");
  ASSERT_TRUE(RenderXlsx(PashtoDocument(), path));
  std::string bytes = Slurp(path);
  auto sheets = importers::ListXlsxSheets(bytes, {});
  ASSERT_TRUE(sheets);
  EXPECT_EQ((*sheets)[0], "میاشتنی پرمختګ راپور");
  auto table = importers::ReadXlsx(bytes, {}, (*sheets)[1]);
  ASSERT_TRUE(table);
  EXPECT_EQ(table->header[0], "سیمه");
  EXPECT_EQ(table->rows[0][0], "بډه بېر");
  EXPECT_EQ(table->rows[0][1], "1234");
  auto zip = ZipArchive::Open(bytes);
  ASSERT_TRUE(zip);
  for (const char* part : {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"}) {
    auto sheet = zip->ReadAll(part, 1 << 20);
    ASSERT_TRUE(sheet);
    EXPECT_NE(sheet->find("rightToLeft=\"1\""), std::string::npos) << part;
  }
}

TEST(RenderXlsx, LargeTableInConstantMemoryMode) {
  Table table{.columns = {"Village", "Households"}};
  for (int i = 0; i < 20000; ++i) {
    table.rows.push_back({Label("Village " + std::to_string(i)), Num(i, std::to_string(i))});
  }
  const Document doc = OneTableDocument("Register", "Villages", table);
  std::string path = OutputPath("large.xlsx");
  ASSERT_TRUE(RenderXlsx(doc, path));
  auto read = importers::ReadXlsx(Slurp(path), {}, "Villages");
  ASSERT_TRUE(read);
  ASSERT_EQ(read->rows.size(), 20000u);
  EXPECT_EQ(read->rows[19999][1], "19999");
}

TEST(RenderXlsx, PhotosAreUprightSmallJpegsWithTheirCaptions) {
  std::string png = WriteFile("xlsx_photo.png", MakeImage(1200, 800, "png"));
  Document doc = WorkbookDocument();
  doc.sections[0].photos = {{"Meeting in Badaber", png},
                            {"A photo that is gone", "/nonexistent/photo.jpg"}};
  std::string path = OutputPath("photos.xlsx");
  ASSERT_TRUE(RenderXlsx(doc, path));
  std::string bytes = Slurp(path);
  auto zip = ZipArchive::Open(bytes);
  ASSERT_TRUE(zip);
  auto image = zip->ReadAll("xl/media/image1.jpeg", 8 << 20);  // re-encoded: a JPEG, not the PNG
  ASSERT_TRUE(image);
  auto decoded = DecodeImage(*image, 10000);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->width, 480);  // fitted to 480 px, aspect kept
  EXPECT_EQ(decoded->height, 320);
  EXPECT_FALSE(zip->Has("xl/media/image2.jpeg"));  // the missing one has only its caption
  auto drawing = zip->ReadAll("xl/drawings/drawing1.xml", 1 << 20);
  ASSERT_TRUE(drawing);
  EXPECT_NE(drawing->find("Meeting in Badaber"), std::string::npos);  // alt text
  auto table = importers::ReadXlsx(bytes, {}, "Households and community organi");
  ASSERT_TRUE(table);
  bool captions[2] = {false, false};
  for (const auto& row : table->rows) {
    if (!row.empty() && row[0] == "Meeting in Badaber") captions[0] = true;
    if (!row.empty() && row[0] == "A photo that is gone") captions[1] = true;
  }
  EXPECT_TRUE(captions[0]);
  EXPECT_TRUE(captions[1]);
}

TEST(RenderXlsx, UnwritablePathIsAnInternalError) {
  auto written = RenderXlsx(WorkbookDocument(), "/nonexistent/dir/report.xlsx");
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error().code, ErrorCode::kInternal);
}

}  // namespace
}  // namespace mobilise::reports
