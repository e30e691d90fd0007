// Training plans read their periods under the programme's fiscal year, as targets and reports
// do, on SQLite and on PostgreSQL: golden values worked by hand for "trainings planned",
// "trainings held" and "% of planned trainings held" by quarter, half-year and year with their
// cumulative values (fiscal years starting in July and in April); and migration 0023, which
// derives the days of plans stored with calendar days again from their codes. And project to
// date's target when the project began mid-month (the month's target counts).
#include <gtest/gtest.h>

#include "domain/activities/activity_service.hpp"
#include "domain/indicators/indicator_service.hpp"
#include "domain/indicators/target_service.hpp"
#include "domain/trainings/training_rules.hpp"
#include "domain/trainings/training_service.hpp"
#include "storage/embedded_migrations.hpp"
#include "storage/repositories/service_test_support.hpp"

namespace mobilise::storage {
namespace {

using namespace domain;

// One period's hand-worked figures: planned and held in the period, and cumulatively (from the
// project start to the period's end); the % held is held / planned x 100 of each, none when
// nothing was planned.
struct Golden {
  const char* period;
  double planned, held, cumulative_planned, cumulative_held;
};

class TrainingPlanPeriodsTest : public test::ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    trainings_ = std::make_unique<TrainingService>(*uow_, clock_);
    activities_ = std::make_unique<ActivityService>(*uow_, clock_, blobs_);
    indicators_ = std::make_unique<IndicatorService>(*uow_, clock_);
    AddAreas({{&root_, "PK"}, {&d1_, "PK-D1", &root_}, {&v1_, "PK-D1-V1", &d1_}});
    author_ = User("author", Role::kMobiliser, v1_);
    officer_ = User("officer", Role::kOfficer, d1_);
    auto c = trainings_->CreateCourse(
        system_,
        CourseInput{.code = "C1", .title = "Course", .audience = "community", .duration_hours = 2});
    ASSERT_TRUE(c) << c.error().message;
    course_ = *c;
  }

  void FiscalYearFrom(int month) {
    auto s = indicators_->SaveSettings(system_, SettingsInput{.fiscal_year_start_month = month});
    ASSERT_TRUE(s) << s.error().message;
  }

  void Plan(const std::string& period, std::int64_t events) {
    auto p = trainings_->SavePlan(officer_, PlanInput{course_.id, v1_.id, period, events, 10});
    ASSERT_TRUE(p) << period << ": " << p.error().message;
  }

  // `n` verified training events of the course held on `day`.
  void Held(const std::string& day, int n) {
    for (int i = 0; i < n; ++i) {
      ActivityInput in;
      in.type = "training";
      in.course_id = course_.id;
      in.held_on = day;
      in.area_id = v1_.id;
      in.counts = std::vector<ParticipantCount>{{"f", "18-59", false, 5}};
      auto a = activities_->Create(author_, in);
      ASSERT_TRUE(a) << a.error().message;
      auto s = activities_->Transition(author_, a->id, "submit", a->version, std::nullopt);
      ASSERT_TRUE(s) << s.error().message;
      auto v = activities_->Transition(officer_, a->id, "verify", s->version, std::nullopt);
      ASSERT_TRUE(v) << v.error().message;
    }
  }

  ValueRow Total(const std::string& code, const std::string& period) {
    auto v = indicators_->Values(system_, code, root_.id, period, {}, false, "en");
    EXPECT_TRUE(v) << code << " " << period << ": " << (v ? "" : v.error().message);
    return v ? v->second.total : ValueRow{};
  }

  void Check(const Golden& g) {
    SCOPED_TRACE(g.period);
    const auto planned = Total("TRAININGS_PLANNED", g.period);
    EXPECT_EQ(planned.period, g.planned);
    EXPECT_EQ(planned.cumulative, g.cumulative_planned);
    const auto held = Total("TRAININGS_HELD", g.period);
    EXPECT_EQ(held.period, g.held);
    EXPECT_EQ(held.cumulative, g.cumulative_held);
    const auto pct = Total("TRAININGS_HELD_PCT", g.period);
    auto percent = [](double a, double b) -> std::optional<double> {
      return b == 0 ? std::nullopt : std::optional(a / b * 100);
    };
    EXPECT_EQ(pct.period.has_value(), g.planned != 0);
    if (pct.period) {
      EXPECT_DOUBLE_EQ(*pct.period, *percent(g.held, g.planned));
    }
    ASSERT_TRUE(pct.cumulative);
    EXPECT_DOUBLE_EQ(*pct.cumulative, *percent(g.cumulative_held, g.cumulative_planned));
  }

  test::NoBlobs blobs_;
  std::unique_ptr<TrainingService> trainings_;
  std::unique_ptr<ActivityService> activities_;
  std::unique_ptr<IndicatorService> indicators_;
  Area root_, d1_, v1_;
  Actor author_, officer_;
  Course course_;
};

TEST_P(TrainingPlanPeriodsTest, AJulyFiscalYearsQuartersHalvesAndYears) {
  FiscalYearFrom(7);
  // 2026Q1 is July-September 2026, 2026Q2 October-December; January 2026 is in 2025Q3.
  Plan("2026-01", 4);
  Plan("2026Q1", 4);
  Plan("2026Q2", 6);
  Held("2026-02-10", 1);
  Held("2026-08-10", 3);
  Held("2026-11-10", 2);
  const Golden golden[] = {
      // period  planned held  cumulative planned, held
      {"2026Q1", 4, 3, 4 + 4, 1 + 3},          // 75 %, cumulative 50 %
      {"2026Q2", 6, 2, 4 + 4 + 6, 1 + 3 + 2},  // 33.3 %, 42.9 %
      {"2026S1", 4 + 6, 3 + 2, 14, 6},         // July-December: 50 %
      {"2026", 4 + 6, 3 + 2, 14, 6},           // July 2026 - June 2027
      {"2025", 4, 1, 4, 1},                    // July 2025 - June 2026: 25 %
      {"2025Q3", 4, 1, 4, 1},                  // January-March 2026
      {"2025Q4", 0, 0, 4, 1},                  // April-June 2026: nothing planned
  };
  for (const auto& g : golden) Check(g);
  // The plans' own days, as listed.
  auto plans = trainings_->Plans(officer_, std::nullopt, std::string("2026S1"), {});
  ASSERT_TRUE(plans) << plans.error().message;
  ASSERT_EQ(plans->items.size(), 2u);
  EXPECT_EQ(plans->items[0].period_start, "2026-07-01");
  EXPECT_EQ(plans->items[0].period_end, "2026-09-30");
  EXPECT_EQ(plans->items[1].period_end, "2026-12-31");
  EXPECT_EQ(trainings_->Plans(officer_, std::nullopt, std::string("ptd"), {}).error().code,
            ErrorCode::kValidation);
}

TEST_P(TrainingPlanPeriodsTest, AnAprilFiscalYearsQuartersHalvesAndYears) {
  FiscalYearFrom(4);
  // 2026Q1 is April-June 2026, 2026Q3 October-December, 2025S2 October 2025 - March 2026.
  Plan("2025S2", 8);
  Plan("2026Q1", 5);
  Plan("2026Q3", 2);
  Held("2026-01-15", 2);
  Held("2026-05-05", 4);
  Held("2026-10-20", 1);
  const Golden golden[] = {
      {"2026Q1", 5, 4, 8 + 5, 2 + 4},  // 80 %, cumulative 46.2 %
      {"2026S1", 5, 4, 13, 6},         // April-September
      {"2026S2", 2, 1, 15, 7},         // October 2026 - March 2027: 50 %
      {"2026", 5 + 2, 4 + 1, 15, 7},   // April 2026 - March 2027: 71.4 %
      {"2025", 8, 2, 8, 2},            // April 2025 - March 2026: 25 %
      {"2025Q4", 0, 2, 8, 2},          // the half-year's plan is not inside a quarter
  };
  for (const auto& g : golden) Check(g);
}

TEST_P(TrainingPlanPeriodsTest, ProjectToDateCountsTheTargetOfTheMonthTheProjectBeganIn) {
  auto s = indicators_->SaveSettings(system_, SettingsInput{.project_start = "2026-03-15"});
  ASSERT_TRUE(s) << s.error().message;
  for (const auto& [period, value] : {std::pair{"2026-02", 99}, {"2026-03", 4}, {"2026-04", 6}}) {
    auto t = TargetService(*uow_, clock_)
                 .Save(system_, TargetInput{"TRAININGS_HELD", d1_.id, period, "", double(value)});
    ASSERT_TRUE(t) << period << ": " << t.error().message;
  }
  Held("2026-03-10", 1);  // before the project began: counts in no period
  Held("2026-03-20", 3);
  Held("2026-04-10", 5);
  // Held 3 + 5 = 8 of March's and April's targets 4 + 6 = 10 (February's ended before the
  // project began): 80 %, amber (70 <= 80 < 90). Before the fix March's was left out: 6, 133 %.
  auto values = [&](const Area& area, const std::string& period) {
    auto v = indicators_->Values(system_, "TRAININGS_HELD", area.id, period, {}, false, "en");
    EXPECT_TRUE(v) << period << ": " << (v ? "" : v.error().message);
    return v ? v->second.total : ValueRow{};
  };
  const auto district = values(d1_, "ptd");
  EXPECT_EQ(district.period, 8);
  EXPECT_EQ(district.target, 10);
  EXPECT_EQ(district.achieved, 80);
  EXPECT_EQ(district.light, "amber");
  // The province has no target of its own: its district's, the same 10.
  const auto province = values(root_, "ptd");
  EXPECT_EQ(province.target, 10);
  EXPECT_EQ(province.light, "amber");
  // March itself: its whole target 4, of which 3 held: 75 %, amber.
  const auto march = values(d1_, "2026-03");
  EXPECT_EQ(march.period, 3);
  EXPECT_EQ(march.target, 4);
  EXPECT_EQ(march.achieved, 75);
  EXPECT_EQ(march.light, "amber");
}

// Migration 0023's SQL, which derives stored plans' days again from their codes.
std::string PlanPeriodsSql(Dialect dialect) {
  for (const auto& m : EmbeddedMigrations())
    if (m.dialect == dialect && m.version == 23) return std::string(m.sql);
  return "";
}

TEST_P(TrainingPlanPeriodsTest, TheMigrationGivesStoredPlansTheDaysOfTheirFiscalPeriods) {
  // Plans stored as before (calendar days: a January fiscal year), then the fiscal year as the
  // programme has it: every plan's days as a plan saved now gets them.
  const char* codes[] = {"2026-02", "2026Q1", "2026Q2", "2026Q3", "2026Q4",
                         "2026S1",  "2026S2", "2026",   "2025Q4"};
  for (const char* code : codes) Plan(code, 1);
  const std::string sql = PlanPeriodsSql(GetParam());
  ASSERT_FALSE(sql.empty());
  for (const auto& [month, label] :
       {std::pair{7, "start"}, {7, "end"}, {4, "start"}, {2, "end"}, {1, "end"}, {10, "start"}}) {
    SCOPED_TRACE(std::to_string(month) + " " + label);
    auto conn = db_->Acquire();
    conn->Execute(
        "UPDATE training_plan SET period_start = '2000-01-01', period_end = '2000-01-31'"
        " WHERE period <> '2026-02'");
    conn->Execute("UPDATE programme_setting SET value = ? WHERE key = 'fiscal_year_start_month'",
                  {std::to_string(month)});
    conn->Execute("UPDATE programme_setting SET value = ? WHERE key = 'fiscal_year_label'",
                  {std::string(label)});
    conn->ExecuteScript(sql);
    const FiscalYear fy{.start_month = month, .named_by_start = std::string(label) == "start"};
    for (const char* code : codes) {
      auto rs = conn->Query("SELECT period_start, period_end FROM training_plan WHERE period = ?",
                            {std::string(code)});
      ASSERT_EQ(rs.size(), 1u);
      const auto want = PlanPeriod(code, fy);
      ASSERT_TRUE(want);
      EXPECT_EQ(rs[0].Str("period_start"), want->start) << code;
      EXPECT_EQ(rs[0].Str("period_end"), want->end) << code;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, TrainingPlanPeriodsTest, testing::ValuesIn(test::AllDialects()),
                         test::DialectParamName());

}  // namespace
}  // namespace mobilise::storage
