#include "domain/reports/report_service.hpp"

#include <gtest/gtest.h>

namespace mobilise::domain {
namespace {

TEST(GroupKey, ParseGroupKeyReadsBackWhatGroupKeyBuilds) {
  const std::vector<std::string> by{"sex", "age_band"};
  const std::string key = GroupKey(by, {"f", "18-59"});
  EXPECT_EQ(key, "age_band=18-59;sex=f");
  EXPECT_EQ(ParseGroupKey(key),
            (std::map<std::string, std::string>{{"age_band", "18-59"}, {"sex", "f"}}));
  EXPECT_EQ(ParseGroupKey(GroupKey({"child_area"}, {"0190"})),
            (std::map<std::string, std::string>{{"child_area", "0190"}}));
  EXPECT_TRUE(ParseGroupKey("").empty());
}

TEST(ApprovedDiffers, ComparesTheHeadlineFigureWithARelativeTolerance) {
  const StoredValue approved{"X", "", 100, 1000, std::nullopt, std::nullopt};
  ValueRow live;
  live.period = 100 + 1e-8;
  live.cumulative = 1001;
  EXPECT_FALSE(ApprovedDiffers(&approved, live, false));
  EXPECT_TRUE(ApprovedDiffers(&approved, live, true));  // a stock: the cumulative figure
  live.period.reset();
  EXPECT_TRUE(ApprovedDiffers(&approved, live, false));
  EXPECT_FALSE(ApprovedDiffers(nullptr, live, false));  // appeared since, but without a figure
  live.period = 1;
  EXPECT_TRUE(ApprovedDiffers(nullptr, live, false));
}

TEST(TemplateNames, TranslationsInTheReadersLanguageElseAsStored) {
  ReportTemplate t;
  t.name = "Monthly progress report";
  t.names = {{"ps", "د پرمختګ میاشتنی راپور"}};
  t.sections = {{"Trainings", {{"ps", "روزنې"}, {"uk", "Навчання"}}}};
  EXPECT_EQ(TemplateName(t, "ps"), "د پرمختګ میاشتنی راپور");
  EXPECT_EQ(TemplateName(t, "uk"), "Monthly progress report");
  EXPECT_EQ(SectionTitle(t, "Trainings", "uk"), "Навчання");
  EXPECT_EQ(SectionTitle(t, "Trainings", "en"), "Trainings");
  EXPECT_EQ(SectionTitle(t, "Savings", "ps"), "Savings");  // no translations
}

}  // namespace
}  // namespace mobilise::domain
