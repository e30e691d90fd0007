#include "domain/profiles/profile_rules.hpp"

#include <gtest/gtest.h>

namespace mobilise::domain {
namespace {

// Golden table: every likelihood x impact and its band.
TEST(RiskRules, LevelBandsOverTheWholeMatrix) {
  const char* expected[5][5] = {
      {"low", "low", "low", "low", "medium"},
      {"low", "low", "medium", "medium", "high"},
      {"low", "medium", "medium", "high", "high"},
      {"low", "medium", "high", "high", "critical"},
      {"medium", "high", "high", "critical", "critical"},
  };
  for (int l = 1; l <= 5; ++l)
    for (int i = 1; i <= 5; ++i) {
      EXPECT_EQ(RiskLevel(l, i), l * i);
      EXPECT_EQ(RiskBand(RiskLevel(l, i)), expected[l - 1][i - 1]) << l << " x " << i;
    }
}

TEST(RiskRules, BandEdges) {
  struct Case {
    int level;
    const char* band;
  } cases[] = {{1, "low"},   {4, "low"},   {5, "medium"},    {9, "medium"},
               {10, "high"}, {16, "high"}, {17, "critical"}, {25, "critical"}};
  for (const auto& c : cases) EXPECT_EQ(RiskBand(c.level), c.band) << c.level;
}

TEST(RiskRules, ReviewDueTodayIsNotOverdueYesterdayIs) {
  EXPECT_FALSE(ReviewOverdue("2026-12-07", "2026-12-07"));
  EXPECT_TRUE(ReviewOverdue("2026-12-06", "2026-12-07"));
  EXPECT_FALSE(ReviewOverdue("2026-12-08", "2026-12-07"));
  EXPECT_TRUE(ReviewOverdue("2025-12-31", "2026-01-01"));
}

TEST(RiskRules, FieldsCheckedAndLevelFollows) {
  Risk r;
  FieldErrors errors;
  RiskInput in;
  in.category = "flood";
  in.likelihood = 6;
  in.impact = 0;
  in.trend = "up";
  in.next_review_on = "2026-13-01";
  ApplyRiskFields(r, in, {"safety", "security"}, true, errors);
  EXPECT_EQ(errors.at("category").id(), "unknown_named");
  EXPECT_EQ(errors.at("likelihood").id(), "whole_number_range");
  EXPECT_EQ(errors.at("impact").id(), "whole_number_range");
  EXPECT_EQ(errors.at("trend").id(), "one_of");
  EXPECT_EQ(errors.at("next_review_on").id(), "not_a_date");
  EXPECT_EQ(errors.at("description").id(), "required");

  Risk ok;
  FieldErrors none;
  RiskInput good{.category = "safety",
                 .description = "Flooding of the river road",
                 .trend = "rising",
                 .next_review_on = "2026-12-31",
                 .likelihood = 3,
                 .impact = 4};
  ApplyRiskFields(ok, good, {"safety"}, true, none);
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(ok.level, 12);
  RiskInput lower{.impact = 1};
  ApplyRiskFields(ok, lower, {"safety"}, false, none);
  EXPECT_EQ(ok.level, 3);
}

ProfileContent Sample() {
  ProfileContent c;
  c.figures = {{"Population (census)", 1200, "District census", "2026-01-10"}};
  c.facilities = {{"school", "Girls primary", "functional", 34.1, 71.5}};
  c.personnel = {{"Gul Bibi", "Head teacher", "Education dept", std::string("0700 111 222")}};
  c.hazards = {"Floods"};
  c.swot.strengths = {"Active VO"};
  c.swot.threats = {"Road closed in winter"};
  return c;
}

TEST(ProfileRules, DiffNamesEachChangedField) {
  const auto before = Sample();
  auto after = before;
  after.figures[0].value = 1350;
  after.facilities[0].status = "partly_functional";
  after.personnel[0].contact = "0700 999 999";
  after.hazards.push_back("Landslides");
  after.swot.threats.clear();
  const auto changes = DiffProfiles(before, after, true);
  auto has = [&](const std::string& section, const std::string& item, const std::string& field,
                 std::optional<std::string> from, std::optional<std::string> to) {
    for (const auto& c : changes)
      if (c.section == section && c.item == item && c.field == field && c.before == from &&
          c.after == to)
        return true;
    return false;
  };
  EXPECT_TRUE(has("figures", "Population (census)", "value", "1200", "1350"));
  EXPECT_TRUE(
      has("facilities", "school: Girls primary", "status", "functional", "partly_functional"));
  EXPECT_TRUE(has("personnel", "Gul Bibi", "contact", "0700 111 222", "0700 999 999"));
  EXPECT_TRUE(has("hazards", "Landslides", "", std::nullopt, "Landslides"));
  EXPECT_TRUE(
      has("swot", "Road closed in winter", "threats", "Road closed in winter", std::nullopt));
  EXPECT_EQ(changes.size(), 5u);
  // Without contacts the contact change is not told.
  EXPECT_EQ(DiffProfiles(before, after, false).size(), 4u);
  EXPECT_TRUE(DiffProfiles(before, before, true).empty());
}

TEST(ProfileRules, ContentChecks) {
  auto c = Sample();
  c.figures.push_back({"Population (census)", -1, "", "2027-01-01"});
  c.facilities.push_back({"bridge", "Old bridge", "broken", 91.0, std::nullopt});
  c.swot.strengths.push_back("Active VO");
  FieldErrors errors;
  CheckProfileContent(c, {"school", "water_point"}, "2026-12-07", errors);
  EXPECT_EQ(errors.at("figures[1].name").id(), "listed_twice");
  EXPECT_EQ(errors.at("figures[1].value").id(), "out_of_range");
  EXPECT_TRUE(errors.count("figures[1].source"));
  EXPECT_EQ(errors.at("figures[1].dated_on").id(), "in_the_future");
  EXPECT_EQ(errors.at("facilities[1].type").id(), "unknown_named");
  EXPECT_EQ(errors.at("facilities[1].status").id(), "one_of");
  EXPECT_EQ(errors.at("facilities[1].latitude").id(), "out_of_range");
  EXPECT_EQ(errors.at("facilities[1].longitude").id(), "required");
  EXPECT_EQ(errors.at("strengths[1]").id(), "listed_twice");
  FieldErrors none;
  CheckProfileContent(Sample(), {"school"}, "2026-12-07", none);
  EXPECT_TRUE(none.empty());
}

TEST(ProfileRules, ContactsHiddenAndKept) {
  auto c = Sample();
  HideContacts(c);
  EXPECT_FALSE(c.personnel[0].contact);
  KeepContacts(c, Sample());
  EXPECT_EQ(c.personnel[0].contact, "0700 111 222");
}

}  // namespace
}  // namespace mobilise::domain
