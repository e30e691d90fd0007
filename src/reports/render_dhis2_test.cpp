#include "reports/render_dhis2.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <pugixml.hpp>
#include <sstream>

namespace mobilise::reports {
namespace {

DataValueSet SampleSet() {
  DataValueSet set;
  set.data_set = "SM_MONTHLY";
  set.complete_date = "2026-11-05";
  set.exported_at = "2026-11-05T10:30:00Z";
  DataValueGroup peshawar{"PK_PESHAWAR", "202610", "2026-10-01/P1M", {}};
  peshawar.values.push_back(
      {"SM_HH_REACHED", "FMLE_18_59", {{"SEX", "FMLE"}, {"AGE", "AGE18_59"}}, "1234", ""});
  peshawar.values.push_back(
      {"SM_HH_REACHED", "", {{"SEX", "MLE"}}, "87.5", "incl. \"late\" <entries> & more"});
  DataValueGroup mardan{"PK_MARDAN", "202610", "2026-10-01/P1M", {}};
  mardan.values.push_back({"SM_SESSIONS", "", {}, "-3", ""});
  set.groups = {peshawar, mardan};
  return set;
}

TEST(RenderDataValueSetsJson, PutsPeriodAndOrgUnitOnEveryValueAndOmitsEmptyFields) {
  auto json = boost::json::parse(RenderDataValueSetsJson(SampleSet()));
  auto expected = boost::json::parse(R"({
    "dataSet": "SM_MONTHLY",
    "completeDate": "2026-11-05",
    "dataValues": [
      {"dataElement": "SM_HH_REACHED", "period": "202610", "orgUnit": "PK_PESHAWAR",
       "categoryOptionCombo": "FMLE_18_59", "value": "1234"},
      {"dataElement": "SM_HH_REACHED", "period": "202610", "orgUnit": "PK_PESHAWAR",
       "value": "87.5", "comment": "incl. \"late\" <entries> & more"},
      {"dataElement": "SM_SESSIONS", "period": "202610", "orgUnit": "PK_MARDAN", "value": "-3"}
    ]})");
  EXPECT_EQ(json, expected);

  DataValueSet bare;
  bare.attribute_option_combo = "PARTNER_A";
  EXPECT_EQ(boost::json::parse(RenderDataValueSetsJson(bare)),
            boost::json::parse(R"({"attributeOptionCombo": "PARTNER_A", "dataValues": []})"));
}

TEST(RenderAdx, WritesGroupsAndDataValuesWithCategoryAttributes) {
  std::ostringstream out;
  ASSERT_TRUE(RenderAdx(SampleSet(), out));
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(out.str().c_str())) << out.str();
  pugi::xml_node adx = doc.child("adx");
  EXPECT_STREQ(adx.attribute("xmlns").value(), "urn:ihe:qrph:adx:2015");
  EXPECT_STREQ(adx.attribute("exported").value(), "2026-11-05T10:30:00Z");

  std::vector<pugi::xml_node> groups(adx.children("group").begin(), adx.children("group").end());
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_STREQ(groups[0].attribute("orgUnit").value(), "PK_PESHAWAR");
  EXPECT_STREQ(groups[0].attribute("period").value(), "2026-10-01/P1M");
  EXPECT_STREQ(groups[0].attribute("dataSet").value(), "SM_MONTHLY");
  EXPECT_STREQ(groups[0].attribute("completeDate").value(), "2026-11-05");
  EXPECT_TRUE(groups[0].attribute("attributeOptionCombo").empty());

  std::vector<pugi::xml_node> values(groups[0].children("dataValue").begin(),
                                     groups[0].children("dataValue").end());
  ASSERT_EQ(values.size(), 2u);
  EXPECT_STREQ(values[0].attribute("dataElement").value(), "SM_HH_REACHED");
  EXPECT_STREQ(values[0].attribute("SEX").value(), "FMLE");
  EXPECT_STREQ(values[0].attribute("AGE").value(), "AGE18_59");
  EXPECT_STREQ(values[0].attribute("value").value(), "1234");
  EXPECT_TRUE(values[0].attribute("categoryOptionCombo").empty());  // the categories say it
  EXPECT_STREQ(values[1].attribute("value").value(), "87.5");
  EXPECT_STREQ(values[1].child_value("annotation"), "incl. \"late\" <entries> & more");
  pugi::xml_node mardan = groups[1].child("dataValue");
  EXPECT_STREQ(mardan.attribute("value").value(), "-3");
}

TEST(RenderAdx, EscapesAttributeValues) {
  DataValueSet set = SampleSet();
  set.groups[0].org_unit = "A&B \"quoted\" <x>\tnext\nline";
  set.groups[0].values[0].categories[0].second = "F'M&L";
  std::ostringstream out;
  ASSERT_TRUE(RenderAdx(set, out));
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(out.str().c_str())) << out.str();
  pugi::xml_node group = doc.child("adx").child("group");
  EXPECT_STREQ(group.attribute("orgUnit").value(), "A&B \"quoted\" <x>\tnext\nline");
  EXPECT_STREQ(group.child("dataValue").attribute("SEX").value(), "F'M&L");
}

TEST(RenderAdx, RejectsCategoryNamesThatAreNotAttributeNames) {
  for (const char* bad : {"Age group", "1AGE", "AGE-GROUP", "", "value", "xmlns", "SEX\""}) {
    DataValueSet set = SampleSet();
    set.groups[0].values[1].categories = {{"SEX", "MLE"}, {bad, "X"}};
    std::ostringstream out;
    auto written = RenderAdx(set, out);
    ASSERT_FALSE(written) << bad;
    EXPECT_EQ(written.error().code, ErrorCode::kValidation);
    EXPECT_EQ(written.error().fields.count("groups[0].values[1].categories[1]"), 1u) << bad;
    EXPECT_EQ(out.str(), "") << "nothing is written before the check";
  }
  DataValueSet twice = SampleSet();
  twice.groups[0].values[0].categories.push_back({"SEX", "MLE"});
  std::ostringstream out;
  EXPECT_FALSE(RenderAdx(twice, out));
}

TEST(RenderAdx, RejectsNonNumericValuesNamingTheDataElement) {
  for (const char* bad : {"yes", "", "1e3", "1,234", " 12", "NaN", "12.5.1", "+", "."}) {
    DataValueSet set = SampleSet();
    set.groups[1].values[0].value = bad;
    std::ostringstream out;
    auto written = RenderAdx(set, out);
    ASSERT_FALSE(written) << bad;
    EXPECT_NE(written.error().message.find("SM_SESSIONS"), std::string::npos);
    EXPECT_EQ(written.error().fields.count("groups[1].values[0].value"), 1u);
  }
  for (const char* good : {"0", "-3", "+4", "12.", ".5", "87.50"}) {
    DataValueSet set = SampleSet();
    set.groups[1].values[0].value = good;
    std::ostringstream out;
    EXPECT_TRUE(RenderAdx(set, out)) << good;
  }
}

TEST(RenderAdx, RequiresExportTimeDataSetOrgUnitAndPeriod) {
  auto fails_with = [](DataValueSet set, const std::string& field) {
    std::ostringstream out;
    auto written = RenderAdx(set, out);
    ASSERT_FALSE(written) << field;
    EXPECT_EQ(written.error().fields.count(field), 1u) << field;
  };
  DataValueSet set = SampleSet();
  set.exported_at = "";
  fails_with(set, "exported_at");
  set = SampleSet();
  set.data_set = "";
  fails_with(set, "data_set");
  set = SampleSet();
  set.groups[1].org_unit = "";
  fails_with(set, "groups[1].org_unit");
  set = SampleSet();
  set.groups[0].adx_period = "";
  fails_with(set, "groups[0].adx_period");
  set = SampleSet();
  set.groups.clear();
  fails_with(set, "groups");
}

}  // namespace
}  // namespace mobilise::reports
