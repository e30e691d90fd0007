// Odd but possible documents go through every renderer without a crash or a failure.
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "reports/render_csv.hpp"
#include "reports/render_pdf.hpp"
#include "reports/render_xlsx.hpp"
#include "reports/reports_test_support.hpp"

namespace mobilise::reports {
namespace {

using namespace testing;

Document Degenerate() {
  Document doc;                 // no title, no facts
  doc.sections.emplace_back();  // an empty section without a title
  Section odd;
  odd.title = "Odd";
  Table ragged;
  ragged.columns = {"A", "B"};
  ragged.label_columns = 5;  // more than there are columns
  ragged.rows = {{}, {Label("only one")}, {Num(NAN, "n/a"), Num(INFINITY, "inf"), Label("extra")}};
  odd.tables.push_back(ragged);
  odd.tables.push_back(Table{});  // no columns at all
  Chart empty_values;
  empty_values.title = "Nothing measured";
  empty_values.labels = {"a", "b"};
  empty_values.series = {{"s", {}}, {"t", {std::nullopt, NAN}}};
  odd.charts.push_back(empty_values);
  Chart no_labels;
  no_labels.series = {{"s", {1, 2}}};
  odd.charts.push_back(no_labels);
  odd.narrative.push_back({"", "\n\n   \n"});
  odd.narrative.push_back({"Invalid UTF-8", std::string("bad \xC3\x28 bytes \xFF")});
  doc.sections.push_back(odd);
  return doc;
}

TEST(DegenerateDocument, RendersEverywhere) {
  std::ostringstream csv;
  RenderCsv(Degenerate(), csv);
  EXPECT_EQ(csv.str().substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_TRUE(RenderXlsx(Degenerate(), OutputPath("degenerate.xlsx")));
  std::string pdf = OutputPath("degenerate.pdf");
  ASSERT_TRUE(RenderPdf(Degenerate(), pdf));
  EXPECT_EQ(PdfPages(pdf), 3);
  EXPECT_TRUE(RenderPdf(Document{}, OutputPath("empty.pdf")));
  EXPECT_TRUE(RenderXlsx(Document{}, OutputPath("empty.xlsx")));
}

}  // namespace
}  // namespace mobilise::reports
