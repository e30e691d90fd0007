#include "reports/report_document.hpp"

#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "reports/plain_number.hpp"

namespace mobilise::reports {
namespace {

// An approved monthly report of one count indicator by sex: approved with 5 in total (f 3, m 2);
// the records now say 7 (f 3, m 2, x 2: a group that has appeared since).
domain::ReportContent ApprovedContent() {
  domain::ReportContent c;
  c.report.area_id = "area-1";
  c.report.area_name = "Golden";
  c.report.period = "2026-02";
  c.report.status = domain::ReportStatus::kApproved;
  c.report_template.name = "Monthly progress report";
  c.context.period = {"2026-02", "2026-02-01", "2026-02-28", domain::PeriodKind::kMonth};
  domain::IndicatorValues v;
  v.indicator.code = "REACH";
  v.indicator.name = "People reached";
  v.unit = "count";
  v.by = {"sex"};
  v.total.period = 7;
  v.total.cumulative = 9;
  v.total.target = 10;
  v.total.achieved = 70;
  v.rows = {{{"f"}, {"Female"}, 3, 3}, {{"m"}, {"Male"}, 2, 2}, {{"x"}, {"Other"}, 2, 2}};
  c.sections.push_back({"Reach", {{v, {}}}});
  c.approved[{"REACH", ""}] = {"REACH", "", 5, 7, std::nullopt, 10};
  c.approved[{"REACH", "sex=f"}] = {"REACH", "sex=f", 3, 3, std::nullopt, std::nullopt};
  c.approved[{"REACH", "sex=m"}] = {"REACH", "sex=m", 2, 2, std::nullopt, std::nullopt};
  return c;
}

TEST(ReportDocument, AnApprovedReportShowsItsApprovedFiguresAndMarksChangedRows) {
  const Document d = ReportDocument(ApprovedContent(), "2026-03-02T08:30:00.000Z");
  ASSERT_FALSE(d.sections.empty());
  ASSERT_EQ(d.sections[0].tables.size(), 2u);
  const auto& total = d.sections[0].tables[0].rows.at(0);
  EXPECT_EQ(total[0].text, "People reached (changed since approval, now 7)");
  EXPECT_EQ(total[1].text, "5");
  EXPECT_EQ(total[2].text, "7");
  EXPECT_EQ(total[4].text, "50.0%");  // achieved from the approved figures
  const auto& rows = d.sections[0].tables[1].rows;
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0][0].text, "Female");
  EXPECT_EQ(rows[0][1].text, "3");
  EXPECT_EQ(rows[2][0].text, "Other (changed since approval, now 2)");
  EXPECT_EQ(rows[2][1].text, "—");
}

TEST(GroupedNumber, GroupsThousandsForTheReportsCells) {
  EXPECT_EQ(GroupedNumber(1234, 0, ",", 4), "1,234");
  EXPECT_EQ(GroupedNumber(999, 0, ",", 4), "999");
  EXPECT_EQ(GroupedNumber(-1234567.891, 2, ",", 4), "-1,234,567.89");
  EXPECT_EQ(GroupedNumber(87.46, 1, ",", 4), "87.5");
  EXPECT_EQ(GroupedNumber(-0.001, 2, ",", 4), "0.00");
}

TEST(ReportDataValues, AnApprovedReportExportsOnlyItsApprovedFigures) {
  const auto c = ApprovedContent();
  domain::ReportService::Dhis2Config m;
  m.org_units = {{"area-1", "OU_GOLDEN"}};
  for (const char* key : {"", "sex=f", "sex=m", "sex=x"})
    m.mappings.push_back({"REACH", key, std::string("DE_REACH_") + key, ""});
  auto set = ReportDataValues(c, m, domain::ProgrammeSettings{}, false, "2026-03-02T08:30:00.000Z");
  ASSERT_TRUE(set) << set.error().message;
  ASSERT_EQ(set->groups.size(), 1u);
  std::vector<std::pair<std::string, std::string>> values;
  for (const auto& v : set->groups[0].values) values.emplace_back(v.data_element, v.value);
  // The group that appeared since the approval has no approved figure: it is not sent.
  const std::vector<std::pair<std::string, std::string>> expected{
      {"DE_REACH_", "5"}, {"DE_REACH_sex=f", "3"}, {"DE_REACH_sex=m", "2"}};
  EXPECT_EQ(values, expected);
}

// The time is the caller's (a Clock's), not read by the document: a pinned clock shows on the
// cover to the minute and as ADX's `exported`.
TEST(ReportDocument, ShowsTheTimeItWasGivenAsGenerated) {
  const FixedClock clock("2026-03-02T08:30:59.250Z");
  const Document d = ReportDocument(ApprovedContent(), clock.Timestamp());
  ASSERT_FALSE(d.facts.empty());
  EXPECT_EQ(d.facts.back().first, "Generated");
  EXPECT_EQ(d.facts.back().second, "2026-03-02T08:30 UTC");
  domain::ReportService::Dhis2Config m;
  m.org_units = {{"area-1", "OU_GOLDEN"}};
  m.mappings.push_back({"REACH", "", "DE_REACH", ""});
  domain::ProgrammeSettings settings;
  settings.dhis2_data_set = "DS_MPR";
  auto set = ReportDataValues(ApprovedContent(), m, settings, true, clock.Timestamp());
  ASSERT_TRUE(set) << set.error().message;
  EXPECT_EQ(set->exported_at, "2026-03-02T08:30:59.250Z");
}

}  // namespace
}  // namespace mobilise::reports
