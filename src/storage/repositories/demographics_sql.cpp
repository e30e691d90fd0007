#include "storage/repositories/demographics_sql.hpp"

#include "domain/demographics.hpp"

namespace mobilise::storage {

using domain::kAgeBands;
using domain::kSexes;

std::string AgeBandCaseSql(const std::string& birth_date,
                           const std::function<std::string(int)>& born_after) {
  std::string sql =
      "CASE WHEN " + birth_date + " IS NULL THEN '" + std::string(domain::kUnknownAgeBand) + "'";
  // Born after the day N years before is younger than N: the band below N.
  for (std::size_t i = 0; i + 1 < kAgeBands.size(); ++i) {
    sql += " WHEN " + birth_date + " > " + born_after(kAgeBands[i + 1].min_age) + " THEN '" +
           std::string(kAgeBands[i].code) + "'";
  }
  return sql + " ELSE '" + std::string(kAgeBands.back().code) + "' END";
}

std::string SexRowsSql() {
  std::string sql;
  for (const auto sex : kSexes) {
    sql += (sql.empty() ? "(SELECT '" : " UNION ALL SELECT '") + std::string(sex) + "'";
    if (sex == kSexes.front()) sql += " AS sex";
  }
  return sql + ")";
}

std::string ParticipantsOfSexSql(const std::string& sex, const std::string& activity) {
  std::string sql = "CASE " + sex;
  for (std::size_t i = 0; i + 1 < kSexes.size(); ++i) {
    const std::string s(kSexes[i]);
    sql += " WHEN '" + s + "' THEN " + activity + ".participants_" + s;
  }
  return sql + " ELSE " + activity + ".participants_" + std::string(kSexes.back()) + " END";
}

}  // namespace mobilise::storage
