// SqlRiskRepository (declared in profile_repository.hpp).
#include "storage/repositories/profile_repository.hpp"
#include "storage/repositories/sql_rows.hpp"
#include "storage/repositories/sql_where.hpp"

namespace mobilise::storage {
namespace {

constexpr const char* kSelect =
    "SELECT r.id, r.area_id, a.name AS area_name, r.category, r.description, r.likelihood, "
    "r.impact, r.level, r.trend, r.mitigation, r.owner_id, u.full_name AS owner_name, "
    "r.next_review_on, r.version, r.created_at, r.created_by, r.updated_at, r.updated_by FROM risk "
    "r JOIN area a ON a.id = r.area_id LEFT JOIN app_user u ON u.id = r.owner_id";
constexpr const char* kCount = "SELECT COUNT(*) FROM risk r JOIN area a ON a.id = r.area_id";

// Written by INSERT and UPDATE, in this order (Written()).
constexpr const char* kWritten =
    "area_id, category, description, likelihood, impact, level, trend, mitigation, owner_id, "
    "next_review_on, version, updated_at, updated_by";

std::vector<Param> Written(const domain::Risk& r) {
  return {r.area_id,
          r.category,
          r.description,
          std::int64_t{r.likelihood},
          std::int64_t{r.impact},
          std::int64_t{r.level},
          r.trend,
          OptParam(r.mitigation),
          OptParam(r.owner_id),
          r.next_review_on,
          r.version,
          r.updated_at,
          OptParam(r.updated_by)};
}

domain::Risk Read(const ResultSet::Row& row) {
  domain::Risk r;
  r.id = row.Str("id");
  r.area_id = row.Str("area_id");
  r.area_name = row.Str("area_name");
  r.category = row.Str("category");
  r.description = row.Str("description");
  r.likelihood = static_cast<int>(row.Int("likelihood"));
  r.impact = static_cast<int>(row.Int("impact"));
  r.level = static_cast<int>(row.Int("level"));
  r.trend = row.Str("trend");
  r.mitigation = row.OptText("mitigation");
  r.owner_id = row.OptText("owner_id");
  r.owner_name = row.OptText("owner_name");
  r.next_review_on = row.Str("next_review_on");
  ReadVersioned(row, r);
  return r;
}

constexpr const char* kChangeSelect =
    "SELECT c.id, c.risk_id, c.changed_at, c.changed_by, u.full_name, c.from_level, c.to_level, "
    "r.area_id, a.name AS area_name, r.description, r.category FROM risk_level_change c JOIN risk "
    "r ON r.id = c.risk_id JOIN area a ON a.id = r.area_id LEFT JOIN app_user u ON u.id = "
    "c.changed_by";

domain::RiskLevelChange ReadChange(const ResultSet::Row& r) {
  return {r.Str("id"),
          r.Str("risk_id"),
          r.Str("changed_at"),
          r.OptText("changed_by"),
          r.OptText("full_name"),
          static_cast<int>(r.Int("from_level")),
          static_cast<int>(r.Int("to_level")),
          r.Str("area_id"),
          r.Str("area_name"),
          r.Str("description"),
          r.Str("category")};
}

}  // namespace

domain::Page<domain::Risk> SqlRiskRepository::List(const domain::RiskQuery& q) {
  SqlWhere w;
  w.AndInScope("a.path", q.scope);
  if (q.category) w.And("r.category = ?", {*q.category});
  if (q.overdue_before) w.And("r.next_review_on < ?", {*q.overdue_before});
  return ReadPage(conn_, kCount, kSelect, w, "r.level DESC, r.next_review_on, r.id", q.page, Read);
}

std::optional<domain::Risk> SqlRiskRepository::Get(const std::string& id) {
  auto r = ReadFirst(conn_.Query(std::string(kSelect) + " WHERE r.id = ?", {id}), Read);
  if (r)
    r->changes = ReadRows(conn_.Query(std::string(kChangeSelect) +
                                          " WHERE c.risk_id = ? ORDER BY c.changed_at DESC, c.id",
                                      {id}),
                          ReadChange);
  return r;
}

std::string SqlRiskRepository::AreaPath(const std::string& risk_id) {
  auto rs = conn_.Query("SELECT a.path FROM risk r JOIN area a ON a.id = r.area_id WHERE r.id = ?",
                        {risk_id});
  return rs.empty() ? std::string() : rs[0].Str("path");
}

void SqlRiskRepository::Insert(const domain::Risk& r) {
  InsertRow(conn_, "risk", std::string("id, created_at, created_by, ") + kWritten,
            Concat({r.id, r.created_at, OptParam(r.created_by)}, Written(r)));
}

bool SqlRiskRepository::Update(const domain::Risk& r, std::int64_t expected_version) {
  return UpdateVersionedRow(conn_, "risk", kWritten, Written(r), r.id, expected_version);
}

void SqlRiskRepository::InsertChange(const domain::RiskLevelChange& c) {
  InsertRow(conn_, "risk_level_change", "id, risk_id, changed_at, changed_by, from_level, to_level",
            {c.id, c.risk_id, c.changed_at, OptParam(c.changed_by), std::int64_t{c.from_level},
             std::int64_t{c.to_level}});
}

std::vector<domain::RiskLevelChange> SqlRiskRepository::ChangesSince(
    const std::vector<domain::PathRange>& scope, const std::string& since, int limit) {
  SqlWhere w;
  w.AndInScope("a.path", scope);
  w.And("c.changed_at >= ?", {since});
  return ReadRows(
      conn_.Query(std::string(kChangeSelect) + w.sql + " ORDER BY c.changed_at DESC, c.id LIMIT ?",
                  Concat(w.params, {std::int64_t{limit}})),
      ReadChange);
}

}  // namespace mobilise::storage
