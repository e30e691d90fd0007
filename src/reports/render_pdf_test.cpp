#include "reports/render_pdf.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "reports/reports_test_support.hpp"

namespace mobilise::reports {
namespace {

using namespace testing;

// pdftotext marks right-to-left runs with bidi embedding controls (U+202A..U+202E); the text
// between them is in logical order.
std::string WithoutBidiControls(std::string text) {
  for (const char* mark : {"\xE2\x80\xAA", "\xE2\x80\xAB", "\xE2\x80\xAC", "\xE2\x80\xAD",
                           "\xE2\x80\xAE", "\xE2\x80\x8E", "\xE2\x80\x8F"}) {
    for (std::size_t at; (at = text.find(mark)) != std::string::npos;) text.erase(at, 3);
  }
  return text;
}

// Every word poppler finds lies within the page margins (50 pt each side, A4 = 595.3 pt wide).
void ExpectWithinMargins(const std::string& path) {
  std::string boxes = Shell("pdftotext -bbox '" + path + "' -");
  std::regex word(
      R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">)re");
  int words = 0;
  for (std::sregex_iterator it(boxes.begin(), boxes.end(), word), end; it != end; ++it) {
    ++words;
    double x_min = std::stod((*it)[1]), x_max = std::stod((*it)[3]);
    double y_max = std::stod((*it)[4]);
    EXPECT_GE(x_min, 49.0) << it->str();
    EXPECT_LE(x_max, 546.5) << it->str();
    EXPECT_LE(y_max, 841.9 - 20) << it->str();
  }
  EXPECT_GT(words, 10);
}

int Count(const std::string& text, const std::string& what) {
  int n = 0;
  for (std::size_t at = 0; (at = text.find(what, at)) != std::string::npos; at += what.size()) ++n;
  return n;
}

TEST(RenderPdf, EnglishReportHasItsTextNumbersChartsAndPhotos) {
  std::string png = WriteFile("photo_in.png", MakeImage(640, 420, "png"));
  std::string jpeg = WriteFile("photo_in.jpg", MakeImage(800, 600, "jpeg"));
  std::string path = OutputPath("english.pdf");
  ASSERT_TRUE(RenderPdf(EnglishDocument(png, jpeg), path));

  EXPECT_EQ(PdfPages(path), 3);
  std::string text = PdfText(path);
  for (const char* expected :
       {"Monthly progress report", "Peshawar district — October 2026", "Programme",
        "Approved by the district manager", "Households reached by union council", "Badaber",
        "1234", "1500", "82.3%", "105.6%", "Households reached and target",
        "Sessions held per month", "Women", "Nov", "Oct", "Achievements", "redeployed",
        "Community meeting in Badaber (PNG)", "Savings group in Mathra (JPEG)"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
  }
  EXPECT_TRUE(std::regex_search(PdfText(path, 1, 1), std::regex("1 ?/ ?3")));
  EXPECT_TRUE(std::regex_search(PdfText(path, 3, 3), std::regex("3 ?/ ?3")));
  // The cover starts with the title; the table's section comes on page 2.
  EXPECT_NE(PdfText(path, 2, 2).find("Households and community organisations"), std::string::npos);
  // Both photos are embedded, the JPEG one as JPEG (DCT) data, not as raw pixels.
  std::string images = Shell("pdfimages -list '" + path + "'");
  EXPECT_EQ(Count(images, " image "), 2) << images;
  EXPECT_NE(images.find("jpeg"), std::string::npos) << images;
  ExpectWithinMargins(path);
}

TEST(RenderPdf, PashtoReportIsShapedAndLaidOutRightToLeft) {
  std::string path = OutputPath("pashto.pdf");
  ASSERT_TRUE(RenderPdf(PashtoDocument(), path));
  EXPECT_EQ(PdfPages(path), 2);
  // pdftotext reads the lam-alef ligature (لا) back as lam alone, so words with it are checked
  // without it ("لاسته راوړنې" comes back as "لسته راوړنې"); the PNGs show it drawn right.
  std::string text = WithoutBidiControls(PdfText(path));
  for (const char* expected :
       {"میاشتنی پرمختګ راپور", "پېښور ولسوالۍ", "کورنۍ او ټولنیز سازمانونه", "بډه بېر", "پشتخره",
        "1,234", "82.3%", "105.6%", "راوړنې", "ټولنیز سازمانونه جوړ شول"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
  }
  // Mirrored: in each table row the label (first column) is printed rightmost, so it comes last
  // on its line in pdftotext's left-to-right layout.
  std::string page2 = WithoutBidiControls(PdfText(path, 2, 2));
  std::size_t row = page2.find("1,234");
  ASSERT_NE(row, std::string::npos);
  std::size_t line_end = page2.find('\n', row);
  std::size_t label = page2.find("بډه بېر", row);
  EXPECT_LT(label, line_end);
  EXPECT_LT(page2.rfind("82.3%", row), row);  // % achieved (last column) is leftmost
  ExpectWithinMargins(path);
}

TEST(RenderPdf, MarathiAndUkrainianText) {
  std::string path = OutputPath("marathi_ukrainian.pdf");
  ASSERT_TRUE(RenderPdf(MarathiUkrainianDocument(), path));
  EXPECT_EQ(PdfPages(path), 3);
  std::string text = PdfText(path);
  for (const char* expected :
       {"स्वयं सहायता गट", "बारामती", "511", "468", "सर्व गटांनी मासिक बैठक घेतली.", "Громади",
        "Бориспіль", "Ірпінь", "489", "Усі громади провели щомісячні зустрічі."}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
  }
  ExpectWithinMargins(path);
}

TEST(RenderPdf, LongTableBreaksAcrossPagesWithItsHeaderOnEachPage) {
  Table table{.title = "Households by village",
              .columns = {"Village", "Households", "Members", "Women-headed"}};
  for (int i = 1; i <= 600; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "Village %03d", i);
    table.rows.push_back({Label(name), Num(i * 7, std::to_string(i * 7)),
                          Num(i * 31, std::to_string(i * 31)),
                          Num(i % 13, std::to_string(i % 13))});
  }
  const Document doc = OneTableDocument("Village register", "All villages", table);
  std::string path = OutputPath("long_table.pdf");
  ASSERT_TRUE(RenderPdf(doc, path));

  int pages = PdfPages(path);
  EXPECT_GT(pages, 10);
  for (int page = 2; page <= pages; ++page) {  // page 1 is the cover
    std::string text = PdfText(path, page, page);
    EXPECT_EQ(Count(text, "Women-headed"), 1) << "page " << page;
  }
  std::string text = PdfText(path);
  EXPECT_NE(text.find("Village 001"), std::string::npos);
  EXPECT_NE(text.find("Village 600"), std::string::npos);
  EXPECT_NE(text.find("18600"), std::string::npos);  // 600 * 31
  std::string last = std::to_string(pages);
  EXPECT_TRUE(std::regex_search(text, std::regex(last + " ?/ ?" + last)));
}

TEST(RenderPdf, WideTableShrinksAndWrapsInsideThePage) {
  Table table{.columns = {"Union council with a rather long name"}};
  for (int c = 0; c < 13; ++c)
    table.columns.push_back("Participants aged 18-59 column " + std::to_string(c));
  for (int r = 0; r < 5; ++r) {
    std::vector<Cell> row{
        Label("An extremely long union council name that cannot fit in one line "
              "of a narrow column at all")};
    for (int c = 0; c < 13; ++c) row.push_back(Num(123456.5 + c, "123,456.5"));
    table.rows.push_back(row);
  }
  const Document doc = OneTableDocument("Wide", "Disaggregation", table);
  std::string path = OutputPath("wide_table.pdf");
  ASSERT_TRUE(RenderPdf(doc, path));
  ExpectWithinMargins(path);
}

TEST(RenderPdf, MissingPhotoIsAFrameWithItsCaption) {
  const Document doc{
      .title = "Photos",
      .sections = {
          {.title = "Stories", .photos = {{"Caption of a lost photo", "/nonexistent/photo.jpg"}}}}};
  std::string path = OutputPath("missing_photo.pdf");
  ASSERT_TRUE(RenderPdf(doc, path));
  EXPECT_NE(PdfText(path).find("Caption of a lost photo"), std::string::npos);
}

TEST(RenderPdf, StreamsToTheSinkAndReportsItsFailure) {
  Document doc = PashtoDocument();
  std::string bytes;
  int chunks = 0;
  ASSERT_TRUE(RenderPdf(doc, [&](std::string_view chunk) {
    bytes.append(chunk);
    ++chunks;
    return true;
  }));
  EXPECT_EQ(bytes.substr(0, 5), "%PDF-");
  EXPECT_GT(chunks, 1);

  auto failed = RenderPdf(doc, [](std::string_view) { return false; });
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, ErrorCode::kInternal);

  auto unwritable = RenderPdf(doc, std::string("/nonexistent/dir/report.pdf"));
  ASSERT_FALSE(unwritable);
  EXPECT_EQ(unwritable.error().code, ErrorCode::kInternal);
}

}  // namespace
}  // namespace mobilise::reports
