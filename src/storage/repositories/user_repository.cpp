#include "storage/repositories/user_repository.hpp"

#include <map>

#include "storage/repositories/sql_rows.hpp"
#include "storage/repositories/sql_where.hpp"

namespace mobilise::storage {

using domain::User;

namespace {

User ReadUser(const ResultSet::Row& r) {
  User u;
  u.id = r.Str("id");
  u.username = r.Str("username");
  u.full_name = r.Str("full_name");
  u.pw_hash = r.Str("pw_hash");
  u.locale = r.Str("locale");
  u.disabled = r.Bool("disabled");
  u.supervisor_id = r.OptText("supervisor_id");
  u.supervisor_name = r.OptText("supervisor_name").value_or("");
  ReadVersioned(r, u);
  return u;
}

}  // namespace

std::vector<User> SqlUserRepository::Read(const std::string& where_order,
                                          const std::vector<Param>& params) {
  auto rs = conn_.Query(
      "SELECT u.id, u.username, u.full_name, u.pw_hash, u.locale, u.disabled, u.version, "
      "u.created_at, u.created_by, u.updated_at, u.updated_by, u.supervisor_id, "
      "(SELECT s.full_name FROM app_user s WHERE s.id = u.supervisor_id) AS supervisor_name "
      "FROM app_user u " +
          where_order,
      params);
  auto users = ReadRows(rs, ReadUser);
  if (users.empty()) return users;
  std::map<std::string, std::size_t> index;
  std::vector<Param> ids;
  for (std::size_t i = 0; i < users.size(); ++i) {
    index[users[i].id] = i;
    ids.emplace_back(users[i].id);
  }
  auto roles = conn_.Query(
      "SELECT r.user_id, r.role, r.area_id, a.name AS area_name, a.path FROM role_assignment r "
      "JOIN area a ON a.id = r.area_id WHERE r.user_id IN (" +
          Placeholders(ids.size()) + ") ORDER BY a.path, r.role",
      ids);
  for (std::size_t i = 0; i < roles.size(); ++i) {
    const auto r = roles[i];
    auto role = domain::ParseRole(r.Text("role"));
    if (!role) continue;
    users[index[r.Str("user_id")]].roles.push_back(
        {*role, r.Str("area_id"), r.Str("area_name"), r.Str("path")});
  }
  return users;
}

std::optional<User> SqlUserRepository::Get(const std::string& id) {
  return FirstOf(Read("WHERE u.id = ?", {id}));
}

std::optional<User> SqlUserRepository::GetByUsername(const std::string& username) {
  return FirstOf(Read("WHERE u.username = ?", {username}));
}

domain::Page<User> SqlUserRepository::List(const domain::UserQuery& q) {
  SqlWhere w;
  std::vector<Param> sp;
  const std::string outside = ScopeSql("a.path", q.scope, sp);
  std::string visible =
      "EXISTS (SELECT 1 FROM role_assignment r WHERE r.user_id = u.id) AND NOT EXISTS (SELECT 1 "
      "FROM role_assignment r JOIN area a ON a.id = r.area_id WHERE r.user_id = u.id AND NOT (" +
      outside + "))";
  if (q.include_unassigned)
    visible =
        "(" + visible + ") OR NOT EXISTS (SELECT 1 FROM role_assignment r WHERE r.user_id = u.id)";
  w.And(visible, sp);
  if (q.text) w.AndAnyContains(conn_.dialect(), {"u.username", "u.full_name"}, *q.text);
  if (q.role)
    w.And("EXISTS (SELECT 1 FROM role_assignment r WHERE r.user_id = u.id AND r.role = ?)",
          {std::string(domain::RoleId(*q.role))});
  if (q.area)
    w.And(
        "EXISTS (SELECT 1 FROM role_assignment r JOIN area a ON a.id = r.area_id WHERE "
        "r.user_id = u.id AND a.path >= ? AND a.path < ?)",
        {q.area->lo, q.area->hi});
  if (q.disabled) w.And("u.disabled = ?", {std::int64_t{*q.disabled ? 1 : 0}});
  domain::Page<User> page;
  page.total = conn_.Query("SELECT COUNT(*) FROM app_user u" + w.sql, w.params)[0].Int(0);
  page.items = Read(w.sql + " ORDER BY u.username LIMIT ? OFFSET ?", WithPage(w.params, q.page));
  return page;
}

std::vector<User> SqlUserRepository::ListAll() { return Read("ORDER BY u.username", {}); }

void SqlUserRepository::InsertRoles(const User& u) {
  for (const auto& r : u.roles)
    InsertRow(conn_, "role_assignment", "user_id, role, area_id",
              {u.id, std::string(domain::RoleId(r.role)), r.area_id});
}

Status SqlUserRepository::Insert(const User& u) {
  try {
    InsertRow(
        conn_, "app_user",
        "id, username, full_name, pw_hash, locale, disabled, version, created_at, created_by, "
        "updated_at, updated_by, supervisor_id",
        {u.id, u.username, u.full_name, u.pw_hash, u.locale, std::int64_t{u.disabled ? 1 : 0},
         u.version, u.created_at, OptParam(u.created_by), u.updated_at, OptParam(u.updated_by),
         OptParam(u.supervisor_id)});
    InsertRoles(u);
  } catch (const ConstraintViolation& e) {
    return Fail(Error::Conflict("the username " + u.username + " is taken"));
  }
  return {};
}

Result<bool> SqlUserRepository::Update(const User& u, std::int64_t expected_version) {
  if (!UpdateVersionedRow(
          conn_, "app_user",
          "full_name, pw_hash, locale, disabled, version, updated_at, updated_by, "
          "supervisor_id",
          {u.full_name, u.pw_hash, u.locale, std::int64_t{u.disabled ? 1 : 0}, u.version,
           u.updated_at, OptParam(u.updated_by), OptParam(u.supervisor_id)},
          u.id, expected_version))
    return false;
  conn_.Execute("DELETE FROM role_assignment WHERE user_id = ?", {u.id});
  InsertRoles(u);
  return true;
}

std::optional<std::string> SqlUserRepository::SupervisorOf(const std::string& id) {
  auto rs = conn_.Query("SELECT supervisor_id FROM app_user WHERE id = ?", {id});
  if (rs.size() == 0) return std::nullopt;
  return rs[0].OptText("supervisor_id");
}

std::vector<std::pair<User, int>> SqlUserRepository::Team(const std::string& root) {
  // The depth cap only guards against a loop written behind the service's back.
  const std::string team =
      "WITH RECURSIVE team(id, depth) AS (SELECT id, 0 FROM app_user WHERE id = ? UNION ALL "
      "SELECT m.id, t.depth + 1 FROM app_user m JOIN team t ON m.supervisor_id = t.id "
      "WHERE t.depth < 32) ";
  std::map<std::string, int> depth;
  auto rs = conn_.Query(team + "SELECT id, MIN(depth) AS depth FROM team GROUP BY id", {root});
  for (std::size_t i = 0; i < rs.size(); ++i)
    depth[rs[i].Str("id")] = static_cast<int>(rs[i].Int("depth"));
  auto users = Read("WHERE u.id IN (" + team + "SELECT id FROM team)", {root});
  std::vector<std::pair<User, int>> out;
  for (auto& u : users) {
    const int d = depth[u.id];
    out.emplace_back(std::move(u), d);
  }
  return out;
}

}  // namespace mobilise::storage
