#include "reports/profile_sheet.hpp"

#include <gtest/gtest.h>

namespace mobilise::reports {
namespace {

domain::ProfileView View() {
  domain::ProfileView v;
  v.area_id = "a1";
  v.area_name = "Lanra";
  v.as_of = "2026-06-01";
  v.registry.households = 10;
  v.registry.people_by_sex = {{"f", 6}, {"m", 4}};
  domain::ProfileVersion version;
  version.id = "p2";
  version.as_of = "2026-06-01";
  version.created_at = "2026-06-02T10:00:00Z";
  version.content.facilities = {{"school", "Girls primary", "partly_functional", {}, {}}};
  version.content.personnel = {{"Gul Bibi", "Head teacher", "Education", "0700 111 222"}};
  version.content.swot.threats = {"Floods", "Landslides"};
  v.version = version;
  v.previous_as_of = "2026-01-15";
  v.changes = {{"facilities", "school: Girls primary", "status", "functional", "partly_functional"},
               {"swot", "Landslides", "threats", std::nullopt, "Landslides"},
               {"facilities", "road: North road", "", "road: North road", std::nullopt}};
  return v;
}

const std::map<std::string, std::string> kTypes = {{"school", "مکتب"}, {"road", "سرک"}};

TEST(ProfileSheet, OneSectionForTheAreaThenSwotThenChangesInTheReadersWords) {
  auto v = View();
  v.contacts_visible = false;
  const auto d = ProfileSheet(v, "prs", kTypes, "2026-06-03T08:00:00Z");
  EXPECT_TRUE(d.rtl);
  EXPECT_EQ(d.title, "شناسنامهٔ جامعه");
  ASSERT_EQ(d.sections.size(), 3u);
  EXPECT_EQ(d.sections[0].title, "Lanra");
  // Live figures, members by sex, services, personnel; no empty tables (no figures entered, no
  // institutions).
  ASSERT_EQ(d.sections[0].tables.size(), 4u);
  EXPECT_EQ(d.sections[0].tables[1].title, "اعضای نهادهای اجتماعی");
  const auto& services = d.sections[0].tables[2];
  EXPECT_EQ(services.rows[0][0].text, "مکتب");
  EXPECT_EQ(services.rows[0][2].text, "نیمه فعال");
  const auto& people = d.sections[0].tables[3];
  EXPECT_EQ(people.columns.size(), 3u) << "no contact column for who may not see contacts";
  for (const auto& cell : people.rows[0]) EXPECT_NE(cell.text, "0700 111 222");

  const auto& changes = d.sections[2].tables.at(0);
  EXPECT_EQ(changes.title, "2026-01-15 ← 2026-06-01");
  ASSERT_EQ(changes.rows.size(), 3u);
  std::vector<std::string> status;
  for (const auto& c : changes.rows[0]) status.push_back(c.text);
  EXPECT_EQ(status, (std::vector<std::string>{"خدمات و زیربناها", "مکتب: Girls primary", "وضعیت",
                                              "فعال", "نیمه فعال"}));
  EXPECT_EQ(changes.rows[1][0].text, "تحلیل SWOT");
  EXPECT_EQ(changes.rows[1][2].text, "تهدیدها");
  EXPECT_EQ(changes.rows[1][3].text, "—");
  EXPECT_EQ(changes.rows[2][1].text, "سرک: North road");
  EXPECT_EQ(changes.rows[2][3].text, "سرک: North road");
  EXPECT_EQ(changes.rows[2][4].text, "—");
}

TEST(ProfileSheet, ContactsForWhoMaySeeThemAndEnglishForALanguageItDoesNotSpeak) {
  auto v = View();
  v.contacts_visible = true;
  const auto d = ProfileSheet(v, "xx", {{"school", "School"}}, "2026-06-03T08:00:00Z");
  EXPECT_FALSE(d.rtl);
  EXPECT_EQ(d.title, "Community profile");
  const auto& people = d.sections[0].tables[3];
  ASSERT_EQ(people.columns.size(), 4u);
  EXPECT_EQ(people.rows[0][3].text, "0700 111 222");
  EXPECT_EQ(d.sections[2].tables[0].title, "2026-01-15 → 2026-06-01");
  EXPECT_EQ(d.sections[2].tables[0].rows[0][2].text, "Status");
}

TEST(ProfileSheet, NoVersionYetGivesTheRegistryFiguresAlone) {
  auto v = View();
  v.version.reset();
  v.changes.clear();
  const auto d = ProfileSheet(v, "mr", kTypes, "2026-06-03T08:00:00Z");
  ASSERT_EQ(d.sections.size(), 1u);
  ASSERT_EQ(d.sections[0].tables.size(), 2u);
  EXPECT_EQ(d.sections[0].tables[0].rows[0][0].text, "कुटुंबे");
  EXPECT_EQ(d.sections[0].tables[1].rows[0][0].text, "महिला आणि मुली");
  EXPECT_EQ(d.facts.back().second, "अद्याप कोणतेही प्रोफाइल जतन केलेले नाही");
}

}  // namespace
}  // namespace mobilise::reports
