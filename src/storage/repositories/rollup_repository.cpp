#include "domain/registry/registry_config.hpp"
#include "storage/dialect.hpp"
#include "storage/repositories/demographics_sql.hpp"
#include "storage/repositories/registry_repositories.hpp"
#include "storage/repositories/sql_rows.hpp"

namespace mobilise::storage {
namespace {

// The subtree of `path` as two parameters.
std::vector<Param> Range(const std::string& path) {
  const auto r = domain::SubtreeRange(path);
  return {r.lo, r.hi};
}

// "YYYY-MM-DD" `years` before `today`.
std::string YearsBefore(const std::string& today, int years) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04d", std::stoi(today.substr(0, 4)) - years);
  return buf + today.substr(4);
}

constexpr std::size_t kKeyLength = 6;  // area path keys (domain/areas/area_path.cpp)

}  // namespace

std::string SqlRollupRepository::Covering() const {
  return IndexedBy(conn_.dialect(), "household_area");
}

std::vector<domain::InstitutionCount> SqlRollupRepository::InstitutionCounts(
    const std::string& path) {
  auto rs = conn_.Query(
      "SELECT i.type_code, t.tier, i.status, COUNT(*) AS n FROM institution i JOIN "
      "institution_type t "
      "ON t.code = i.type_code WHERE i.area_path >= ? AND i.area_path < ? AND i.deleted_at IS "
      "NULL GROUP BY i.type_code, t.tier, i.status ORDER BY t.tier, i.type_code, i.status",
      Range(path));
  return ReadRows(rs, [](const ResultSet::Row& r) {
    return domain::InstitutionCount{r.Str("type_code"), static_cast<int>(r.Int("tier")),
                                    r.Str("status"), r.Int("n")};
  });
}

std::vector<domain::HouseholdGroup> SqlRollupRepository::HouseholdGroups(const std::string& path) {
  // Reads only the covering index household_area (named for SQLite, whose planner without
  // statistics picks the list index and reads every row).
  std::vector<Param> p{static_cast<std::int64_t>(path.size() + kKeyLength + 1)};
  for (auto& x : Range(path)) p.push_back(x);
  auto rs = conn_.Query(
      std::string(
          "SELECT substr(area_path, 1, ?) AS child, poverty_band, poor, COUNT(*) AS n, "
          "SUM(CASE WHEN membership_count > 0 THEN 1 ELSE 0 END) AS organised FROM household") +
          Covering() +
          " WHERE area_path >= ? AND area_path < ? AND deleted_at IS NULL "
          "GROUP BY child, poverty_band, poor",
      p);
  return ReadRows(rs, [](const ResultSet::Row& r) {
    return domain::HouseholdGroup{r.Str("child"), r.OptText("poverty_band"), r.Bool("poor"),
                                  r.Int("n"), r.Int("organised")};
  });
}

std::vector<domain::MemberCount> SqlRollupRepository::Members(const std::string& path,
                                                              const std::string& today) {
  // Age bands on `today`: born after the date N years ago is younger than N.
  std::vector<Param> p;
  const std::string band = AgeBandCaseSql("member_birth_date", [&](int years) {
    p.emplace_back(YearsBefore(today, years));
    return "?";
  });
  for (auto& x : Range(path)) p.push_back(x);
  auto rs = conn_.Query("SELECT member_sex, " + band +
                            " AS band, member_disability, COUNT(DISTINCT person_id) AS n FROM "
                            "membership WHERE area_path "
                            ">= ? "
                            "AND area_path < ? AND left_on IS NULL AND person_id IS NOT NULL "
                            "GROUP BY member_sex, band, member_disability ORDER BY member_sex, "
                            "band, member_disability",
                        p);
  return ReadRows(rs, [](const ResultSet::Row& r) {
    return domain::MemberCount{r.Str("member_sex"), r.Str("band"), r.Bool("member_disability"),
                               r.Int("n")};
  });
}

std::vector<std::pair<std::string, std::int64_t>> SqlRollupRepository::ChildInstitutions(
    const std::string& path) {
  std::vector<Param> p{static_cast<std::int64_t>(path.size() + kKeyLength + 1)};
  for (auto& x : Range(path)) p.push_back(x);
  p.emplace_back(path);
  auto rs = conn_.Query(
      "SELECT substr(area_path, 1, ?) AS child, COUNT(*) AS n FROM institution WHERE area_path >= "
      "? "
      "AND area_path < ? AND area_path <> ? AND deleted_at IS NULL GROUP BY child",
      p);
  return ReadRows(rs, [](const ResultSet::Row& r) {
    return std::pair<std::string, std::int64_t>{r.Str("child"), r.Int("n")};
  });
}

}  // namespace mobilise::storage
