// The query planner, table-driven (DuckDB style): what is asked, and the plan expected, side by
// side. No database: the definitions are the table below.
#include "domain/indicators/indicator_plan.hpp"

#include <gtest/gtest.h>

namespace mobilise::domain {
namespace {

Indicator Base(std::string code, std::string record, std::string measure,
               std::vector<std::string> dims, std::vector<IndicatorFilter> filters = {},
               std::optional<std::string> field = std::nullopt) {
  return {.code = std::move(code),
          .record = std::move(record),
          .measure = std::move(measure),
          .field = std::move(field),
          .filters = std::move(filters),
          .dims = std::move(dims)};
}

Indicator Ratio(std::string code, std::string numerator, std::string denominator,
                std::vector<std::string> dims) {
  return {.code = std::move(code),
          .measure = "ratio",
          .numerator = std::move(numerator),
          .denominator = std::move(denominator),
          .scale = 100,
          .dims = std::move(dims)};
}

const std::map<std::string, Indicator>& Definitions() {
  static const auto defs = [] {
    std::map<std::string, Indicator> m;
    for (auto d : {
             Base("MEMBERS", "membership", "count", {"sex", "age_band"}),
             Base("WOMEN_MEMBERS", "membership", "count", {"sex", "age_band"}, {{"sex", {"f"}}}),
             Base("HH_ORGANISED", "membership", "distinct_households", {"band", "poor", "sex"}),
             Base("ACTIVITIES", "activity", "count", {"type"}),
             Base("ATTENDANCES", "participant", "count", {"sex", "type"}),
             Base("PARTICIPANTS", "participant", "distinct_people", {"sex", "age_band", "type"}),
             Base("SAVINGS", "institution", "sum", {"type"}, {}, "savings"),
             Base("AVG_SAVINGS", "institution", "average", {"type"}, {}, "savings"),
             Base("SURVEYS", "submission", "count", {"form"}, {{"form", {"needs"}}}),
             Base("HH_SIZE", "submission", "sum", {"form"}, {{"form", {"needs"}}},
                  "/data/household/size"),
             Base("VILLAGES", "submission", "distinct", {"form"}, {{"form", {"needs"}}},
                  "/data/village"),
             Ratio("WOMEN_SHARE", "WOMEN_MEMBERS", "MEMBERS", {"sex"}),
             Ratio("BROKEN", "MEMBERS", "GONE", {}),
         })
      m.emplace(d.code, d);
    return m;
  }();
  return defs;
}

ValuesAsked Asked(std::vector<WantedValues> wanted) {
  ValuesAsked in;
  in.wanted = std::move(wanted);
  in.scope_path = "/aa/";
  in.child_paths = {"/aa/bb/", "/aa/cc/"};
  in.window = {"2025-01-01", "2026-10-01", "2026-10-31", "2026-09-01", "2026-09-30"};
  return in;
}

struct Case {
  const char* name;
  std::vector<WantedValues> wanted;
  const char* plan;
};

const Case kCases[] = {
    {"a count alone is one request",
     {{"MEMBERS", {}}},
     "membership by [] measures MEMBERS:count\n"},
    {"the same value asked twice is measured once",
     {{"MEMBERS", {}}, {"MEMBERS", {}}},
     "membership by [] measures MEMBERS:count\n"},
    {"a count by sex also needs its total, queried (a count does not add up by sex alone)",
     {{"MEMBERS", {"sex"}}},
     "membership by [] measures MEMBERS:count\n"
     "membership by [sex] measures MEMBERS:count\n"},
    {"a count's total is added up from its child areas",
     {{"MEMBERS", {"child_area"}}},
     "membership by [child_area] measures MEMBERS:count\n"
     "sum MEMBERS from [child_area]\n"},
    {"a sum's total is added up from its child areas",
     {{"SAVINGS", {"child_area"}}},
     "institution by [child_area] measures SAVINGS:sum\n"
     "sum SAVINGS from [child_area]\n"},
    {"an average's total is queried",
     {{"AVG_SAVINGS", {"child_area"}}},
     "institution by [] measures AVG_SAVINGS:average\n"
     "institution by [child_area] measures AVG_SAVINGS:average\n"},
    {"a distinct count's total is not added up from child areas (a member may be in two)",
     {{"HH_ORGANISED", {"child_area"}}},
     "membership by [] measures HH_ORGANISED:distinct_households\n"
     "membership by [child_area] measures HH_ORGANISED:distinct_households\n"},
    {"a distinct count's total is added up from its groups by attributes of what it counts",
     {{"PARTICIPANTS", {"sex", "age_band"}}},
     "participant by [sex, age_band] measures PARTICIPANTS:distinct_people\n"
     "sum PARTICIPANTS from [sex, age_band]\n"},
    {"households add up by their band and poor flag",
     {{"HH_ORGANISED", {"band", "poor"}}, {"HH_ORGANISED", {"sex"}}},
     "membership by [band, poor] measures HH_ORGANISED:distinct_households\n"
     "membership by [sex] measures HH_ORGANISED:distinct_households\n"
     "sum HH_ORGANISED from [band, poor]\n"},
    {"households do not add up by a member's sex (a household has members of both)",
     {{"HH_ORGANISED", {"sex"}}},
     "membership by [] measures HH_ORGANISED:distinct_households\n"
     "membership by [sex] measures HH_ORGANISED:distinct_households\n"},
    {"a distinct count by something other than the person's attributes: total queried",
     {{"PARTICIPANTS", {"type"}}},
     "participant by [] measures PARTICIPANTS:distinct_people\n"
     "participant by [type] measures PARTICIPANTS:distinct_people\n"},
    {"a distinct total is measured beside another indicator's attribute groups",
     {{"ATTENDANCES", {"sex"}}, {"PARTICIPANTS", {}}},
     "participant by [] measures ATTENDANCES:count\n"
     "participant by [sex] measures ATTENDANCES:count, PARTICIPANTS:distinct_people\n"
     "sum PARTICIPANTS from [sex]\n"},
    {"indicators of one record kind and disaggregation share a request",
     {{"MEMBERS", {}}, {"HH_ORGANISED", {}}, {"ACTIVITIES", {}}},
     "activity by [] measures ACTIVITIES:count\n"
     "membership by [] measures MEMBERS:count, HH_ORGANISED:distinct_households\n"},
    {"a ratio is its numerator and denominator, with the same groups",
     {{"WOMEN_SHARE", {"sex"}}},
     "membership by [] measures WOMEN_MEMBERS:count, MEMBERS:count\n"
     "membership by [sex] measures WOMEN_MEMBERS:count, MEMBERS:count\n"},
    {"a report item: its disaggregation and its child areas",
     {{"MEMBERS", {"sex"}}, {"MEMBERS", {"child_area"}}},
     "membership by [child_area] measures MEMBERS:count\n"
     "membership by [sex] measures MEMBERS:count\n"
     "sum MEMBERS from [child_area]\n"},
    {"by month: the total is queried",
     {{"ACTIVITIES", {"month"}}},
     "activity by [] measures ACTIVITIES:count\n"
     "activity by [month] measures ACTIVITIES:count\n"},
    {"a form's count and sum by child area add up to their totals; a distinct count is queried",
     {{"SURVEYS", {"child_area"}}, {"HH_SIZE", {"child_area"}}, {"VILLAGES", {"child_area"}}},
     "submission by [] measures VILLAGES:distinct\n"
     "submission by [child_area] measures SURVEYS:count, HH_SIZE:sum, VILLAGES:distinct\n"
     "sum SURVEYS from [child_area]\n"
     "sum HH_SIZE from [child_area]\n"},
    {"a distinct count by form is not added up either (a value may be in two months' groups)",
     {{"VILLAGES", {"month"}}},
     "submission by [] measures VILLAGES:distinct\n"
     "submission by [month] measures VILLAGES:distinct\n"},
};

TEST(IndicatorPlan, PlansAsTheTableSays) {
  for (const auto& c : kCases) {
    auto plan = PlanValues(Definitions(), Asked(c.wanted));
    ASSERT_TRUE(plan) << c.name << ": " << plan.error().message;
    EXPECT_EQ(PlanText(*plan), c.plan) << c.name;
  }
}

TEST(IndicatorPlan, RequestsCarryTheScopeWindowChildPathsAndMeasures) {
  ValuesAsked in = Asked({{"SAVINGS", {"type"}}, {"WOMEN_MEMBERS", {}}});
  in.include_unverified = true;
  auto plan = PlanValues(Definitions(), in);
  ASSERT_TRUE(plan);
  ComputeRequest savings;
  savings.record = "institution";
  savings.scope_path = "/aa/";
  savings.child_path_length = 7;  // "/aa/bb/"
  savings.window = in.window;
  savings.include_unverified = true;
  savings.measures = {{"sum", "savings", {}}};
  ComputeRequest by_type = savings;
  by_type.by = {"type"};
  ComputeRequest women = savings;
  women.record = "membership";
  women.measures = {{"count", std::nullopt, {{"sex", {"f"}}}}};
  const IndicatorPlan expected{
      {{savings, {"SAVINGS"}}, {by_type, {"SAVINGS"}}, {women, {"WOMEN_MEMBERS"}}}, {}};
  EXPECT_EQ(*plan, expected) << PlanText(*plan);
}

TEST(IndicatorPlan, WithoutChildAreasTheChildPathIsTheAreasOwn) {
  ValuesAsked in = Asked({{"MEMBERS", {"child_area"}}});
  in.child_paths.clear();
  auto plan = PlanValues(Definitions(), in);
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->requests.at(0).request.child_path_length, 4u);  // "/aa/"
}

TEST(IndicatorPlan, RefusesWhatCannotBePlanned) {
  auto unknown = PlanValues(Definitions(), Asked({{"MEMBERS", {}}, {"NOPE", {}}}));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kValidation);
  EXPECT_EQ(unknown.error().fields.at("indicator"), "no indicator NOPE");

  auto dim = PlanValues(Definitions(), Asked({{"MEMBERS", {"course"}}}));
  ASSERT_FALSE(dim);
  EXPECT_EQ(dim.error().fields.at("by"),
            "MEMBERS cannot be disaggregated by course (only sex, age_band)");

  auto broken = PlanValues(Definitions(), Asked({{"BROKEN", {}}}));
  ASSERT_FALSE(broken);
  EXPECT_EQ(broken.error().code, ErrorCode::kInternal);
  EXPECT_EQ(broken.error().message, "ratio BROKEN refers to a missing indicator");
}

TEST(CombineResults, PutsEachMeasureUnderItsIndicatorAndAddsUpSummedTotals) {
  auto plan = PlanValues(Definitions(), Asked({{"ATTENDANCES", {"sex"}}, {"PARTICIPANTS", {}}}));
  ASSERT_TRUE(plan);
  // participant by [] (ATTENDANCES), participant by [sex] (ATTENDANCES, PARTICIPANTS).
  const std::vector<std::vector<ComputedGroup>> results = {
      {{{}, {{12, 40, std::nullopt}}}},
      {{{"f"}, {{7, 25, 3}, {5, 20, 2}}}, {{"m"}, {{5, 15, std::nullopt}, {4, 11, std::nullopt}}}},
  };
  const ComputedValues v = CombineResults(*plan, results);
  EXPECT_EQ(v.at({"ATTENDANCES", {}}).at({}).period, 12);
  EXPECT_EQ(v.at({"ATTENDANCES", {"sex"}}).at({"m"}).cumulative, 15);
  EXPECT_EQ(v.at({"PARTICIPANTS", {"sex"}}).at({"f"}).period, 5);
  const Triple total = v.at({"PARTICIPANTS", {}}).at({});
  EXPECT_EQ(total.period, 9);       // 5 + 4
  EXPECT_EQ(total.cumulative, 31);  // 20 + 11
  EXPECT_EQ(total.previous, 2);     // a group without a value adds nothing
}

TEST(CombineResults, ASummedTotalOfNoGroupsHasNoValue) {
  auto plan = PlanValues(Definitions(), Asked({{"MEMBERS", {"child_area"}}}));
  ASSERT_TRUE(plan);
  const ComputedValues v = CombineResults(*plan, {{}});
  const Triple total = v.at({"MEMBERS", {}}).at({});
  EXPECT_FALSE(total.period || total.cumulative || total.previous);
}

}  // namespace
}  // namespace mobilise::domain
