#include "storage/repositories/audit_repository.hpp"

#include "core/json_text.hpp"
#include "storage/dialect.hpp"
#include "storage/repositories/sql_rows.hpp"
#include "storage/repositories/sql_where.hpp"

namespace mobilise::storage {
namespace {

Param SnapshotJson(const std::optional<domain::Snapshot>& s) {
  if (!s) return std::monostate{};
  std::string out = "{";
  for (const auto& [k, v] : *s) {
    if (out.size() > 1) out += ",";
    out += JsonQuote(k) + ":" + (v ? JsonQuote(*v) : "null");
  }
  return out + "}";
}

domain::AuditEntry ReadEntry(const ResultSet::Row& r) {
  domain::AuditEntry e;
  e.id = r.Str("id");
  e.at = r.Str("at");
  e.user_id = r.OptText("user_id");
  e.username = r.Str("username");
  e.action = r.Str("action");
  e.entity = r.Str("entity");
  e.entity_id = r.OptText("entity_id");
  e.area_path = r.OptText("area_path");
  e.before_json = r.IsNull("before") ? "null" : r.Str("before");
  e.after_json = r.IsNull("after") ? "null" : r.Str("after");
  e.ip = r.Str("ip");
  e.device_id = r.OptText("device_id");
  e.device_name = r.OptText("device_name");
  return e;
}

}  // namespace

void SqlAuditRepository::Append(const domain::AuditEntry& e) {
  InsertRow(conn_, "audit",
            "id, at, user_id, action, entity, entity_id, area_path, before, after, ip, device_id, "
            "device_name",
            {e.id, e.at, OptParam(e.user_id), e.action, e.entity, OptParam(e.entity_id),
             OptParam(e.area_path), SnapshotJson(e.before), SnapshotJson(e.after), e.ip,
             OptParam(e.device_id), OptParam(e.device_name)});
}

domain::Page<domain::AuditEntry> SqlAuditRepository::List(const domain::AuditQuery& q) {
  SqlWhere w;
  std::vector<Param> sp;
  std::string scope = ScopeSql("x.area_path", q.scope, sp);
  if (q.include_unscoped) scope = "(" + scope + ") OR x.area_path IS NULL";
  w.And(scope, sp);
  if (q.entity) w.And("x.entity = ?", {*q.entity});
  if (q.entity_id) w.And("x.entity_id = ?", {*q.entity_id});
  if (q.user_id) w.And("x.user_id = ?", {*q.user_id});
  if (q.action) w.And("x.action = ?", {*q.action});
  if (q.from) w.And("x.at >= ?", {*q.from});
  if (q.to) w.And("x.at < ?", {*q.to});
  return ReadPage(conn_, "SELECT COUNT(*) FROM audit x",
                  "SELECT x.id, x.at, x.user_id, u.username, x.action, x.entity, x.entity_id, "
                  "x.area_path, x.before, x.after, x.ip, x.device_id, x.device_name FROM audit x "
                  "LEFT JOIN app_user u ON u.id "
                  "= x.user_id",
                  w, "x.id DESC", q.page, ReadEntry);
}

std::vector<domain::AuditNote> SqlAuditRepository::Notes(const std::string& entity,
                                                         const std::string& entity_id,
                                                         const std::string& action,
                                                         const std::string& field, int limit) {
  // The snapshot is JSON text written by Append; the field is read in SQL (index audit_entity).
  const std::string note = JsonTextField(conn_.dialect(), "x.after");
  auto rs = conn_.Query(
      "SELECT x.at, x.user_id, u.full_name, " + note +
          " AS note FROM audit x LEFT JOIN app_user u ON u.id = x.user_id WHERE x.entity = ? AND "
          "x.entity_id = ? AND x.action = ? ORDER BY x.id DESC LIMIT ?",
      {field, entity, entity_id, action, std::int64_t{limit}});
  std::vector<domain::AuditNote> out;
  for (std::size_t i = rs.size(); i-- > 0;)
    out.push_back({rs[i].Str("at"), rs[i].OptText("user_id"), rs[i].OptText("full_name"),
                   rs[i].OptText("note")});
  return out;
}

}  // namespace mobilise::storage
