#include "storage/repositories/form_repositories.hpp"
#include "storage/repositories/sql_rows.hpp"
#include "storage/repositories/sql_where.hpp"

namespace mobilise::storage {
namespace {

using domain::CollectDevice;

constexpr const char* kSelect =
    "SELECT d.id, d.user_id, d.name, d.token_hash, d.created_by, d.created_at, d.last_used_at, "
    "d.revoked_at, u.full_name, u.disabled FROM collect_device d JOIN app_user u ON u.id = "
    "d.user_id";

CollectDevice ReadDevice(const ResultSet::Row& r) {
  CollectDevice d;
  d.id = r.Str("id");
  d.user_id = r.Str("user_id");
  d.name = r.Str("name");
  d.token_hash = r.Str("token_hash");
  d.created_by = r.OptText("created_by");
  d.created_at = r.Str("created_at");
  d.last_used_at = r.OptText("last_used_at");
  d.revoked_at = r.OptText("revoked_at");
  d.user_name = r.Str("full_name");
  d.user_disabled = r.Bool("disabled");
  return d;
}

}  // namespace

void SqlCollectDeviceRepository::Insert(const CollectDevice& d) {
  InsertRow(conn_, "collect_device",
            "id, user_id, name, token_hash, created_by, created_at, last_used_at, revoked_at",
            {d.id, d.user_id, d.name, d.token_hash, OptParam(d.created_by), d.created_at,
             OptParam(d.last_used_at), OptParam(d.revoked_at)});
}

std::optional<CollectDevice> SqlCollectDeviceRepository::Get(const std::string& id) {
  return ReadFirst(conn_.Query(std::string(kSelect) + " WHERE d.id = ?", {id}), ReadDevice);
}

std::optional<CollectDevice> SqlCollectDeviceRepository::FindByTokenHash(
    const std::string& token_hash) {
  return ReadFirst(conn_.Query(std::string(kSelect) + " WHERE d.token_hash = ?", {token_hash}),
                   ReadDevice);
}

std::vector<CollectDevice> SqlCollectDeviceRepository::List(const domain::CollectDeviceQuery& q) {
  SqlWhere w;
  if (q.user_id) w.And("d.user_id = ?", {*q.user_id});
  if (q.scope) {
    std::vector<Param> sp;
    const std::string inside = ScopeSql("a.path", *q.scope, sp);
    w.And(
        "EXISTS (SELECT 1 FROM role_assignment r WHERE r.user_id = d.user_id) AND NOT EXISTS "
        "(SELECT 1 FROM role_assignment r JOIN area a ON a.id = r.area_id WHERE r.user_id = "
        "d.user_id AND NOT (" +
            inside + "))",
        sp);
  }
  return ReadRows(
      conn_.Query(std::string(kSelect) + w.sql + " ORDER BY d.created_at DESC, d.id", w.params),
      ReadDevice);
}

void SqlCollectDeviceRepository::Revoke(const std::string& id, const std::string& at) {
  conn_.Execute("UPDATE collect_device SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                {at, id});
}

void SqlCollectDeviceRepository::Touch(const std::string& id, const std::string& at) {
  conn_.Execute("UPDATE collect_device SET last_used_at = ? WHERE id = ?", {at, id});
}

}  // namespace mobilise::storage
