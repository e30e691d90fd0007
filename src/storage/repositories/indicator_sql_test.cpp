// The indicator SQL compiler without a database: which statements a request becomes, and the
// parameters of the age bands (the compiled SQL is run on both databases by the API tests).
#include "storage/repositories/indicator_sql.hpp"

#include <gtest/gtest.h>

namespace mobilise::storage {
namespace {

domain::ComputeRequest Request(std::string record, std::string measure,
                               std::vector<std::string> by = {}) {
  domain::ComputeRequest r;
  r.record = std::move(record);
  r.scope_path = "/aa/";
  r.child_path_length = 7;
  r.window = {"2020-01-01", "2026-10-01", "2026-10-31", "", ""};
  r.by = std::move(by);
  r.measures = {{std::move(measure), std::nullopt, {}}};
  return r;
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(IndicatorSql, RepeatedMembersAreCountedApartFromTheOthers) {
  // Members in no other row: a distinct count is a plain count. The repeated ones: distinct.
  const auto q = CompileCompute(Request("membership", "distinct_households"), Dialect::kSqlite);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_TRUE(Has(q[0].sql, "m.member_repeated = 0")) << q[0].sql;
  EXPECT_TRUE(Has(q[0].sql, "COUNT(m.household_id)")) << q[0].sql;
  EXPECT_TRUE(Has(q[1].sql, "m.member_repeated = 1")) << q[1].sql;
  EXPECT_TRUE(Has(q[1].sql, "COUNT(DISTINCT m.household_id)")) << q[1].sql;
  EXPECT_TRUE(Has(q[1].sql, "INDEXED BY membership_repeated")) << q[1].sql;
  EXPECT_FALSE(
      Has(CompileCompute(Request("membership", "distinct_households"), Dialect::kPostgres)[1].sql,
          "INDEXED BY"));
}

TEST(IndicatorSql, OneStatementPerSource) {
  EXPECT_EQ(CompileCompute(Request("participant", "count"), Dialect::kSqlite).size(), 2u);
  EXPECT_EQ(CompileCompute(Request("activity", "count"), Dialect::kSqlite).size(), 1u);
  EXPECT_EQ(CompileCompute(Request("household", "count", {"child_area"}), Dialect::kSqlite).size(),
            1u);
}

TEST(IndicatorSql, AgeBandsAtThePeriodsEnd) {
  const auto q = CompileCompute(Request("trainee", "count", {"age_band"}), Dialect::kPostgres);
  ASSERT_EQ(q.size(), 1u);
  const std::string& sql = q[0].sql;
  EXPECT_TRUE(Has(sql,
                  "CASE WHEN p.birth_date IS NULL THEN 'unknown' WHEN p.birth_date > ? THEN "
                  "'0-4' WHEN p.birth_date > ? THEN '5-11' WHEN p.birth_date > ? THEN "
                  "'12-17' WHEN p.birth_date > ? THEN '18-59' ELSE '60+' END"))
      << sql;
  std::vector<std::string> dates;
  for (const auto& p : q[0].params)
    if (auto s = std::get_if<std::string>(&p); s && s->size() == 10 && s->ends_with("-10-31"))
      dates.push_back(*s);
  // 5, 12, 18 and 60 years before the period's end, then the window's own end.
  ASSERT_GE(dates.size(), 4u);
  EXPECT_EQ(std::vector<std::string>(dates.begin(), dates.begin() + 4),
            (std::vector<std::string>{"2021-10-31", "2014-10-31", "2008-10-31", "1966-10-31"}));
}

TEST(IndicatorSql, UnknownNamesAreABug) {
  EXPECT_THROW(CompileCompute(Request("person", "count"), Dialect::kSqlite), std::invalid_argument);
  EXPECT_THROW(CompileCompute(Request("activity", "count", {"sex"}), Dialect::kSqlite),
               std::invalid_argument);
}

}  // namespace
}  // namespace mobilise::storage
