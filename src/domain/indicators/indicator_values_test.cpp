// The values of an indicator by child area without a database: every child area has its own
// target, % achieved and light; the records kept on the area itself come as a row of their own,
// keyed by the area's id, without a target (the area's target is the whole area's: 2 activities
// of its own beside the area's 30 are not "2 of 30, red").
#include "domain/indicators/indicator_values.hpp"

#include <gtest/gtest.h>

namespace mobilise::domain {
namespace {

Target Feb(std::string path, double value) {
  Target t;
  t.area_path = std::move(path);
  t.period = "2026-02";
  t.period_start = "2026-02-01";
  t.period_end = "2026-02-28";
  t.value = value;
  return t;
}

TEST(ValuesOf, TheAreasOwnRecordsHaveARowWithoutATarget) {
  ValueContext c;
  c.area = Area{.id = "uc", .path = "/uc/"};
  c.children = {Area{.id = "v1", .path = "/uc/v1/"}, Area{.id = "v2", .path = "/uc/v2/"}};
  c.period = {"2026-02", "2026-02-01", "2026-02-28", PeriodKind::kMonth};
  Indicator d;
  d.code = "ACTIVITIES";
  d.record = "activity";
  d.measure = "count";
  const std::map<std::string, Indicator> defs = {{d.code, d}};
  const std::vector<std::string> by = {"child_area"};
  ComputedValues computed;
  computed[{d.code, {}}][{}] = Triple{12, 12, std::nullopt};
  computed[{d.code, by}][{"/uc/"}] = Triple{2, 2, std::nullopt};
  computed[{d.code, by}][{"/uc/v1/"}] = Triple{10, 10, std::nullopt};
  const std::vector<Target> targets = {Feb("/uc/", 30), Feb("/uc/v1/", 10)};
  const ValueSources s{c, defs, computed,
                       [&](const std::string&) -> const std::vector<Target>& { return targets; },
                       [](const std::string&, const std::string& v) { return "name of " + v; }};
  const auto v = ValuesOf({d.code, by}, s);
  EXPECT_EQ(v.total.target, 30);
  EXPECT_EQ(v.total.light, "red");  // 12 of 30: 40 %
  ASSERT_EQ(v.rows.size(), 3u);
  std::map<std::string, ValueRow> rows;
  for (const auto& r : v.rows) rows[r.keys.at(0)] = r;
  const auto& own = rows.at("uc");
  EXPECT_EQ(own.period, 2);
  EXPECT_EQ(own.target, std::nullopt);
  EXPECT_EQ(own.achieved, std::nullopt);
  EXPECT_EQ(own.light, "");
  EXPECT_EQ(own.labels, std::vector<std::string>{"name of uc"});
  EXPECT_EQ(rows.at("v1").target, 10);
  EXPECT_EQ(rows.at("v1").light, "green");  // 10 of 10
  EXPECT_EQ(rows.at("v2").period, 0);
  EXPECT_EQ(rows.at("v2").target, std::nullopt);
}

}  // namespace
}  // namespace mobilise::domain
