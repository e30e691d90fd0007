#include "storage/repositories/registry_repositories.hpp"

#include "domain/registry/registry_config.hpp"

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

std::vector<domain::InstitutionCount> SqlRollupRepository::InstitutionCounts(const std::string& path) {
  auto rs = conn_.Query(
      "SELECT i.type_code, t.tier, i.status, COUNT(*) FROM institution i JOIN institution_type t "
      "ON t.code = i.type_code WHERE i.area_path >= ? AND i.area_path < ? AND i.deleted_at IS "
      "NULL GROUP BY i.type_code, t.tier, i.status ORDER BY t.tier, i.type_code, i.status",
      Range(path));
  std::vector<domain::InstitutionCount> out;
  for (std::size_t i = 0; i < rs.size(); ++i)
    out.push_back({rs[i].Str(0), static_cast<int>(rs[i].Int(1)), rs[i].Str(2), rs[i].Int(3)});
  return out;
}

std::vector<domain::BandCount> SqlRollupRepository::HouseholdBands(const std::string& path) {
  // Reads only the covering index household_area.
  auto rs = conn_.Query(
      "SELECT poverty_band, poor, COUNT(*), SUM(CASE WHEN membership_count > 0 THEN 1 ELSE 0 END) "
      "FROM household WHERE area_path >= ? AND area_path < ? AND deleted_at IS NULL "
      "GROUP BY poverty_band, poor ORDER BY COALESCE(poverty_band, '')",
      Range(path));
  std::vector<domain::BandCount> out;
  for (std::size_t i = 0; i < rs.size(); ++i)
    out.push_back({rs[i].OptText(0), rs[i].Int(1) != 0, rs[i].Int(2), rs[i].Int(3)});
  return out;
}

std::vector<domain::MemberCount> SqlRollupRepository::Members(const std::string& path,
                                                              const std::string& today) {
  // Age bands on `today`: born after the date N years ago is younger than N.
  std::vector<Param> p{YearsBefore(today, 5), YearsBefore(today, 12), YearsBefore(today, 18),
                       YearsBefore(today, 60)};
  for (auto& x : Range(path)) p.push_back(x);
  auto rs = conn_.Query(
      "SELECT p.sex, CASE WHEN p.birth_date IS NULL THEN 'unknown' WHEN p.birth_date > ? THEN "
      "'0-4' WHEN p.birth_date > ? THEN '5-11' WHEN p.birth_date > ? THEN '12-17' WHEN "
      "p.birth_date > ? THEN '18-59' ELSE '60+' END AS band, p.disability, COUNT(DISTINCT p.id) "
      "FROM membership m JOIN person p ON p.id = m.person_id WHERE m.area_path >= ? AND "
      "m.area_path < ? AND m.left_on IS NULL GROUP BY p.sex, band, p.disability "
      "ORDER BY p.sex, band, p.disability",
      p);
  std::vector<domain::MemberCount> out;
  for (std::size_t i = 0; i < rs.size(); ++i)
    out.push_back({rs[i].Str(0), rs[i].Str(1), rs[i].Int(2) != 0, rs[i].Int(3)});
  return out;
}

std::vector<domain::AreaRollup> SqlRollupRepository::ChildHouseholds(const std::string& path) {
  std::vector<Param> p{static_cast<std::int64_t>(path.size() + kKeyLength + 1)};
  for (auto& x : Range(path)) p.push_back(x);
  p.emplace_back(path);
  auto rs = conn_.Query(
      "SELECT substr(area_path, 1, ?) AS child, COUNT(*), SUM(CASE WHEN membership_count > 0 "
      "THEN 1 ELSE 0 END), SUM(poor), SUM(CASE WHEN poor = 1 AND membership_count > 0 THEN 1 "
      "ELSE 0 END) FROM household WHERE area_path >= ? AND area_path < ? AND area_path <> ? AND "
      "deleted_at IS NULL GROUP BY child",
      p);
  std::vector<domain::AreaRollup> out;
  for (std::size_t i = 0; i < rs.size(); ++i) {
    domain::AreaRollup r;
    r.area_id = rs[i].Str(0);  // the child's path
    r.households = rs[i].Int(1);
    r.organised = rs[i].Int(2);
    r.poor = rs[i].Int(3);
    r.poor_organised = rs[i].Int(4);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<std::pair<std::string, std::int64_t>> SqlRollupRepository::ChildInstitutions(
    const std::string& path) {
  std::vector<Param> p{static_cast<std::int64_t>(path.size() + kKeyLength + 1)};
  for (auto& x : Range(path)) p.push_back(x);
  p.emplace_back(path);
  auto rs = conn_.Query(
      "SELECT substr(area_path, 1, ?) AS child, COUNT(*) FROM institution WHERE area_path >= ? "
      "AND area_path < ? AND area_path <> ? AND deleted_at IS NULL GROUP BY child",
      p);
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (std::size_t i = 0; i < rs.size(); ++i) out.emplace_back(rs[i].Str(0), rs[i].Int(1));
  return out;
}

}  // namespace mobilise::storage
