// Indicator definition rules, without a database: the other indicators and configured codes a
// definition refers to are the tables of a DefinitionLookup.
#include "domain/indicators/indicator_rules.hpp"

#include <gtest/gtest.h>

namespace mobilise::domain {
namespace {

Indicator Def(std::optional<std::string> record, std::string measure) {
  Indicator d;
  d.code = "NEW";
  d.name = "New";
  d.record = std::move(record);
  d.measure = std::move(measure);
  return d;
}

std::map<std::string, Indicator> Library() {
  std::map<std::string, Indicator> m;
  Indicator members = Def("membership", "count");
  members.code = "MEMBERS";
  members.dims = {"sex", "age_band", "band"};
  Indicator women = Def("membership", "count");
  women.code = "WOMEN";
  women.dims = {"age_band", "sex"};
  Indicator share = Def(std::nullopt, "ratio");
  share.code = "SHARE";
  m = {{"MEMBERS", members}, {"WOMEN", women}, {"SHARE", share}};
  return m;
}

DefinitionLookup Lookup(int* configured_asked = nullptr) {
  return {[](const std::string& code) -> std::optional<Indicator> {
            const auto lib = Library();
            auto it = lib.find(code);
            if (it == lib.end()) return std::nullopt;
            return it->second;
          },
          [configured_asked](const std::string& record, const std::string& field) {
            if (configured_asked) ++*configured_asked;
            if (field == "type" && record == "institution")
              return std::vector<std::string>{"CO", "VO"};
            return std::vector<std::string>{};
          }};
}

// The English text of each field problem (the texts the API sends in error.fields).
using Texts = std::map<std::string, std::string>;
Texts Check(const Indicator& d) {
  FieldErrors errors;
  CheckDefinition(d, Lookup(), errors);
  return FieldTexts(errors);
}

TEST(IndicatorCode, CapitalsDigitsAndUnderscoreFromALetter) {
  for (const char* ok : {"AB", "A1", "HH_ORGANISED", "A234567890123456789012345678901234567890"})
    EXPECT_TRUE(IsIndicatorCode(ok)) << ok;
  for (const char* bad :
       {"", "A", "a1", "1A", "_A", "A-B", "AB C", "A2345678901234567890123456789012345678901"})
    EXPECT_FALSE(IsIndicatorCode(bad)) << bad;
}

TEST(ValueToken, LettersDigitsAndAFewMarks) {
  for (const char* ok : {"f", "60+", "18-59", "a.b_c", "CO"}) EXPECT_TRUE(IsValueToken(ok)) << ok;
  for (const char* bad : {"", "a b", "a;b", "a=b", "é"}) EXPECT_FALSE(IsValueToken(bad)) << bad;
  EXPECT_FALSE(IsValueToken(std::string(65, 'a')));
}

TEST(CheckDefinition, AValidDefinitionHasNoErrors) {
  Indicator d = Def("membership", "distinct_people");
  d.filters = {{"sex", {"f", "unknown"}}, {"disability", {"true"}}};
  d.dims = {"age_band", "child_area", "month"};
  EXPECT_EQ(Check(d), Texts{});
  Indicator s = Def("institution", "sum");
  s.field = "savings";
  s.filters = {{"type", {"CO"}}};
  EXPECT_EQ(Check(s), Texts{});
}

TEST(CheckDefinition, TheMeasureAndTheRecordKind) {
  EXPECT_EQ(Check(Def("household", "median")),
            (Texts{{"measure",
                    "must be one of count, distinct_people, distinct_households, sum, "
                    "average, distinct, ratio"}}));
  EXPECT_EQ(Check(Def(std::nullopt, "count")), (Texts{{"record", "is required"}}));
  EXPECT_EQ(Check(Def("person", "count")).at("record"),
            "must be one of household, institution, membership, activity, participant, trainee, "
            "training_plan, feedback, submission");
  EXPECT_EQ(Check(Def("household", "average")),
            (Texts{{"measure", "a household indicator measures one of count, sum"},
                   {"field", "required: one of "}}));  // households have no such field
}

TEST(CheckDefinition, FieldsOfSumsAndAverages) {
  EXPECT_EQ(Check(Def("household", "sum")).at("field"), "required: one of person_count");
  Indicator d = Def("institution", "average");
  d.field = "age";
  EXPECT_EQ(Check(d).at("field"), "must be one of savings, member_count");
  Indicator c = Def("household", "count");
  c.field = "person_count";
  EXPECT_EQ(Check(c).at("field"), "only for a sum or an average");
}

TEST(CheckDefinition, Filters) {
  Indicator d = Def("household", "count");
  d.filters = {{"sex", {"f"}}, {"poor", {"yes"}}, {"band", {}}, {"poor", {"true"}}};
  const Texts e = Check(d);
  EXPECT_EQ(e.at("filters[0].field"),
            "a household indicator filters on band, poor, organised, flag");
  EXPECT_EQ(e.at("filters[1].values"), "must be true or false");
  EXPECT_EQ(e.at("filters[2].values"), "1 to 50 values");
  EXPECT_EQ(e.at("filters[3].field"), "listed twice");
}

TEST(CheckDefinition, FilterValuesFromTheDemographicsAndTheConfiguration) {
  Indicator d = Def("membership", "count");
  d.filters = {{"sex", {"f", "z"}}};
  EXPECT_EQ(Check(d).at("filters[0].values"), "unknown value \"z\" (one of f, m, x, unknown)");
  Indicator p = Def("participant", "count");
  p.filters = {{"age_band", {"60+", "61+"}}};
  EXPECT_EQ(Check(p).at("filters[0].values"),
            "unknown value \"61+\" (one of 0-4, 5-11, 12-17, 18-59, 60+, unknown)");
  Indicator m = Def("membership", "count");
  m.filters = {{"member_kind", {"person", "group"}}};
  EXPECT_EQ(Check(m).at("filters[0].values"),
            "unknown value \"group\" (one of household, person, institution)");
  Indicator i = Def("institution", "count");
  i.filters = {{"type", {"CO", "LSO"}}};
  EXPECT_EQ(Check(i).at("filters[0].values"), "unknown value \"LSO\" (one of CO, VO)");
  Indicator a = Def("activity", "count");
  a.filters = {{"type", {"any_type", "a b"}}};  // nothing configured: any value token
  EXPECT_EQ(Check(a).at("filters[0].values"), "\"a b\" is not a valid value");
}

TEST(CheckDefinition, ConfiguredCodesAreReadOnlyForFiltersThatTakeThem) {
  int asked = 0;
  Indicator d = Def("membership", "count");
  d.filters = {{"sex", {"f"}}, {"disability", {"true"}}};
  FieldErrors errors;
  CheckDefinition(d, Lookup(&asked), errors);
  EXPECT_EQ(asked, 0);
  d.filters = {{"type", {"CO"}}};
  CheckDefinition(d, Lookup(&asked), errors);
  EXPECT_EQ(asked, 1);
}

TEST(CheckDefinition, Disaggregations) {
  Indicator d = Def("household", "count");
  d.dims = {"band", "sex", "band"};
  const Texts e = Check(d);
  EXPECT_EQ(e.at("dims[1]"), "must be one of child_area, month, band, poor");
  EXPECT_EQ(e.at("dims[2]"), "listed twice");
}

TEST(CheckDefinition, ARatioOfTwoOtherIndicators) {
  Indicator r = Def(std::nullopt, "ratio");
  r.numerator = "WOMEN";
  r.denominator = "MEMBERS";
  r.scale = 100;
  r.dims = {"sex", "age_band", "child_area"};
  EXPECT_EQ(Check(r), Texts{});  // the dims both parts have
  r.dims = {"band"};
  EXPECT_EQ(Check(r).at("dims[0]"), "must be one of child_area, month, age_band, sex");

  Indicator bad = Def("membership", "ratio");
  bad.scale = 0;
  bad.filters = {{"sex", {"f"}}};
  bad.denominator = "NOPE";
  EXPECT_EQ(Check(bad), (Texts{{"record", "a ratio has no record kind: it divides two indicators"},
                               {"scale", "must be a positive number"},
                               {"filters", "a ratio takes the filters of its two indicators"},
                               {"numerator", "required for a ratio"},
                               {"denominator", "no indicator NOPE"}}));

  Indicator nested = Def(std::nullopt, "ratio");
  nested.numerator = "SHARE";
  nested.denominator = "MEMBERS";
  EXPECT_EQ(Check(nested).at("numerator"), "must not itself be a ratio");

  // A count being turned into a ratio of itself.
  Indicator self = Def(std::nullopt, "ratio");
  self.code = "MEMBERS";
  self.numerator = "WOMEN";
  self.denominator = "MEMBERS";
  EXPECT_EQ(Check(self).at("denominator"), "an indicator cannot divide itself");
}

TEST(CheckDefinition, AMeasuredIndicatorHasNoRatioParts) {
  Indicator d = Def("household", "count");
  d.numerator = "WOMEN";
  d.denominator = "MEMBERS";
  const Texts e = Check(d);
  EXPECT_EQ(e.at("numerator"), "only for a ratio");
  EXPECT_EQ(e.at("denominator"), "only for a ratio");
}

TEST(IndicatorTexts, NameRequiredTranslationsChecked) {
  Indicator d = Def("household", "count");
  d.name = "";
  d.names = {{"ps", ""}};
  FieldErrors errors;
  CheckIndicatorTexts(d, errors);
  EXPECT_TRUE(errors.contains("name"));
  EXPECT_TRUE(errors.contains("names.ps"));
}

TEST(IndicatorRules, StocksAndDisaggregations) {
  EXPECT_TRUE(IsStock(Def("membership", "count")));
  EXPECT_FALSE(IsStock(Def("activity", "count")));
  EXPECT_FALSE(IsStock(Def(std::nullopt, "ratio")));
  Indicator d = Def("activity", "count");
  d.dims = {"type"};
  EXPECT_TRUE(MayDisaggregate(d, "type"));
  EXPECT_TRUE(MayDisaggregate(d, "child_area"));
  EXPECT_TRUE(MayDisaggregate(d, "month"));
  EXPECT_FALSE(MayDisaggregate(d, "topic"));
}

TEST(IndicatorDefinition, AFormsSumOrDistinctTakesOneQuestionOfOneForm) {
  Indicator sum = Def("submission", "sum");
  EXPECT_EQ(Check(sum),
            (Texts{{"field", "required for a sum"}, {"filters", "required for a sum"}}));
  sum.field = "/data/household/size";
  sum.filters = {{"form", {"needs", "other"}}};
  EXPECT_EQ(Check(sum), (Texts{{"filters", "required for a sum"}}));
  sum.filters = {{"form", {"needs"}}};
  EXPECT_EQ(Check(sum), Texts{});
  for (const char* bad : {"data/size", "/data/", "/data//size", "/1data", "/data/si ze", "/"}) {
    Indicator distinct = Def("submission", "distinct");
    distinct.filters = {{"form", {"needs"}}};
    distinct.field = bad;
    EXPECT_EQ(Check(distinct), (Texts{{"field", "is not valid"}})) << bad;
  }
  Indicator count = Def("submission", "count");
  EXPECT_EQ(Check(count), Texts{});  // every form's submissions
  count.field = "/data/size";
  EXPECT_EQ(Check(count).count("field"), 1u);
  Indicator elsewhere = Def("activity", "distinct");
  EXPECT_EQ(Check(elsewhere).count("measure"), 1u);
  Indicator rejected = Def("submission", "count");
  rejected.filters = {{"review_state", {"rejected"}}};
  EXPECT_EQ(Check(rejected).count("filters[0].values"), 1u);
}

}  // namespace
}  // namespace mobilise::domain
