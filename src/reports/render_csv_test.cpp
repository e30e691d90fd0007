#include "reports/render_csv.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace mobilise::reports {
namespace {

TEST(RenderCsv, WritesBomTitledTablesNumbersNarrativeAndGuardsFormulas) {
  Document doc{.title = "Monthly progress report",
               .subtitle = "Peshawar district, October 2026",
               .facts = {{"Period", "October 2026"}, {"Prepared by", "=HYPERLINK(\"x\")"}}};
  Section section{.title = "Households"};
  Table table{.title = "Reached, by \"union council\"",
              .columns = {"Union council", "Reached", "Target", "% achieved"}};
  table.rows = {
      {{"Badaber", {}},
       {"1,234", 1234.0},
       {"1,500", 1500.0},
       {"82.3%", 82.26666666666667, "amber", true}},
      {{"-cmd|' /C calc'!A0", {}}, {"-3", -3.0}, {"—", {}}, {"@SUM(A1)", {}}},
      {{"Line\nbreak, comma", {}}, {"0.5", 0.5}, {"+1", {}}, {"=1+1", {}}},
  };
  section.tables.push_back(table);
  Chart chart;
  chart.title = "Trend";
  chart.labels = {"Sep", "Oct"};
  chart.series = {{"Reached", {10.0, std::nullopt}}};
  section.charts.push_back(chart);
  section.narrative.push_back(
      {"Highlights", "First paragraph,\nsame paragraph.\n\n  \n-Second one"});
  doc.sections.push_back(section);

  std::ostringstream out;
  RenderCsv(doc, out);
  const std::string expected =
      "\xEF\xBB\xBF"
      "Monthly progress report\r\n"
      "\"Peshawar district, October 2026\"\r\n"
      "Period,October 2026\r\n"
      "Prepared by,\"'=HYPERLINK(\"\"x\"\")\"\r\n"
      "\r\n"
      "\"Households \xE2\x80\x94 Reached, by \"\"union council\"\"\"\r\n"
      "Union council,Reached,Target,% achieved\r\n"
      "Badaber,1234,1500,82.2666666667\r\n"
      "'-cmd|' /C calc'!A0,-3,—,'@SUM(A1)\r\n"
      "\"Line\nbreak, comma\",0.5,'+1,'=1+1\r\n"
      "\r\n"
      "Households \xE2\x80\x94 Trend\r\n"
      ",Reached\r\n"
      "Sep,10\r\n"
      "Oct,\r\n"
      "\r\n"
      "Households \xE2\x80\x94 Highlights\r\n"
      "\"First paragraph,\nsame paragraph.\"\r\n"
      "'-Second one\r\n"
      "\r\n";
  EXPECT_EQ(out.str(), expected);
}

}  // namespace
}  // namespace mobilise::reports
