// The generated demographic SQL is the text the repositories spelled out before.
#include "storage/repositories/demographics_sql.hpp"

#include <gtest/gtest.h>

namespace mobilise::storage {
namespace {

TEST(DemographicsSql, AgeBandCaseWithParameters) {
  EXPECT_EQ(AgeBandCaseSql("member_birth_date", [](int) { return std::string("?"); }),
            "CASE WHEN member_birth_date IS NULL THEN 'unknown' WHEN member_birth_date > ? THEN "
            "'0-4' WHEN member_birth_date > ? THEN '5-11' WHEN member_birth_date > ? THEN '12-17' "
            "WHEN member_birth_date > ? THEN '18-59' ELSE '60+' END");
}

TEST(DemographicsSql, AgeBandCaseWithExpressionsInAgeOrder) {
  std::string ages;
  const auto sql = AgeBandCaseSql("p.birth_date", [&](int years) {
    ages += std::to_string(years) + " ";
    return "d" + std::to_string(years);
  });
  EXPECT_EQ(ages, "5 12 18 60 ");
  EXPECT_EQ(sql,
            "CASE WHEN p.birth_date IS NULL THEN 'unknown' WHEN p.birth_date > d5 THEN '0-4' WHEN "
            "p.birth_date > d12 THEN '5-11' WHEN p.birth_date > d18 THEN '12-17' WHEN "
            "p.birth_date > d60 THEN '18-59' ELSE '60+' END");
}

TEST(DemographicsSql, Sexes) {
  EXPECT_EQ(SexRowsSql(), "(SELECT 'f' AS sex UNION ALL SELECT 'm' UNION ALL SELECT 'x')");
  EXPECT_EQ(ParticipantsOfSexSql("s.sex", "x"),
            "CASE s.sex WHEN 'f' THEN x.participants_f WHEN 'm' THEN x.participants_m ELSE "
            "x.participants_x END");
}

}  // namespace
}  // namespace mobilise::storage
