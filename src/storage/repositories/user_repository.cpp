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
  ReadVersioned(r, u);
  return u;
}

}  // namespace

std::vector<User> SqlUserRepository::Read(const std::string& where_order,
                                          const std::vector<Param>& params) {
  auto rs = conn_.Query(
      "SELECT u.id, u.username, u.full_name, u.pw_hash, u.locale, u.disabled, u.version, "
      "u.created_at, u.created_by, u.updated_at, u.updated_by FROM app_user u " +
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
        "updated_at, updated_by",
        {u.id, u.username, u.full_name, u.pw_hash, u.locale, std::int64_t{u.disabled ? 1 : 0},
         u.version, u.created_at, OptParam(u.created_by), u.updated_at, OptParam(u.updated_by)});
    InsertRoles(u);
  } catch (const ConstraintViolation& e) {
    return Fail(Error::Conflict("the username " + u.username + " is taken"));
  }
  return {};
}

Result<bool> SqlUserRepository::Update(const User& u, std::int64_t expected_version) {
  if (!UpdateVersionedRow(conn_, "app_user",
                          "full_name, pw_hash, locale, disabled, version, updated_at, updated_by",
                          {u.full_name, u.pw_hash, u.locale, std::int64_t{u.disabled ? 1 : 0},
                           u.version, u.updated_at, OptParam(u.updated_by)},
                          u.id, expected_version))
    return false;
  conn_.Execute("DELETE FROM role_assignment WHERE user_id = ?", {u.id});
  InsertRoles(u);
  return true;
}

}  // namespace mobilise::storage
