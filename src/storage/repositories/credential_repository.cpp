#include "storage/repositories/credential_repository.hpp"

#include "storage/dialect.hpp"
#include "storage/repositories/sql_rows.hpp"
#include "storage/repositories/sql_where.hpp"

namespace mobilise::storage {

void SqlCredentialRepository::InsertSession(const domain::SessionRecord& s) {
  InsertRow(conn_, "user_session",
            "token_hash, user_id, csrf_token, created_at, expires_at, ip, device_id",
            {s.token_hash, s.user_id, s.csrf_token, s.created_at, s.expires_at, s.ip,
             OptParam(s.device_id)});
}

void SqlCredentialRepository::DeleteSession(const std::string& token_hash) {
  conn_.Execute("DELETE FROM user_session WHERE token_hash = ?", {token_hash});
}

void SqlCredentialRepository::DeleteUserSessions(const std::string& user_id,
                                                 const std::optional<std::string>& except) {
  conn_.Execute("DELETE FROM user_session WHERE user_id = ? AND token_hash <> ?",
                {user_id, except.value_or("")});
}

void SqlCredentialRepository::DeleteExpiredSessions(const std::string& now) {
  conn_.Execute("DELETE FROM user_session WHERE expires_at <= ?", {now});
}

void SqlCredentialRepository::CleanUpDevices(const std::string& revoked_before,
                                             const std::string& unused_before) {
  conn_.Execute(
      "DELETE FROM user_session WHERE device_id IS NOT NULL AND EXISTS (SELECT 1 FROM user_device "
      "d WHERE d.user_id = user_session.user_id AND d.id = user_session.device_id AND "
      "(d.revoked_at < ? OR (d.revoked_at IS NULL AND d.last_seen_at < ?)))",
      {revoked_before, unused_before});
  conn_.Execute("DELETE FROM user_device WHERE revoked_at < ?", {revoked_before});
}

// One query: the credential, its user and every grant with the area's path.
std::optional<domain::Principal> SqlCredentialRepository::Find(const std::string& table,
                                                               const std::string& extra,
                                                               const std::string& token_hash,
                                                               const std::string& now) {
  auto rs = conn_.Query(
      "SELECT u.id, u.username, u.full_name, u.locale, s.expires_at, r.role, r.area_id, a.path, "
      "a.parent_id" +
          extra +
          " LEFT JOIN role_assignment r ON r.user_id = u.id LEFT JOIN area a ON a.id = "
          "r.area_id WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0",
      {token_hash, now});
  if (rs.empty()) return std::nullopt;
  domain::Principal p;
  p.actor.user_id = rs[0].Str("id");
  p.actor.username = rs[0].Str("username");
  p.full_name = rs[0].Str("full_name");
  p.locale = rs[0].Str("locale");
  p.csrf_token = rs[0].Str("csrf_token");
  p.expires_at = rs[0].Str("expires_at");
  if (!rs[0].IsNull("device_id"))
    p.device = domain::DeviceRef{rs[0].Str("device_id"), rs[0].Str("device_name")};
  for (std::size_t i = 0; i < rs.size(); ++i) {
    if (rs[i].IsNull("role")) continue;
    if (auto role = domain::ParseRole(rs[i].Text("role")))
      p.actor.grants.push_back(
          {*role, rs[i].Str("area_id"), rs[i].Str("path"), rs[i].IsNull("parent_id")});
  }
  return p;
}

std::optional<domain::Principal> SqlCredentialRepository::FindSession(const std::string& token_hash,
                                                                      const std::string& now) {
  return Find("user_session",
              ", s.csrf_token, s.device_id, d.name AS device_name FROM user_session s JOIN "
              "app_user u ON u.id = s.user_id LEFT JOIN user_device d ON d.user_id = s.user_id "
              "AND d.id = s.device_id",
              token_hash, now);
}

void SqlCredentialRepository::TouchSession(const std::string& token_hash,
                                           const std::string& user_id, const std::string& device_id,
                                           const std::string& expires_at, const std::string& now) {
  conn_.Execute("UPDATE user_session SET expires_at = ? WHERE token_hash = ?",
                {expires_at, token_hash});
  conn_.Execute(
      "UPDATE user_device SET last_seen_at = ? WHERE user_id = ? AND id = ? AND revoked_at IS "
      "NULL",
      {now, user_id, device_id});
}

void SqlCredentialRepository::UpsertDevice(const domain::Device& d) {
  conn_.Execute(
      "INSERT INTO user_device (user_id, id, name, created_at, last_seen_at) VALUES (?,?,?,?,?) "
      "ON CONFLICT (user_id, id) DO UPDATE SET name = excluded.name, last_seen_at = "
      "excluded.last_seen_at, revoked_at = NULL",
      {d.user_id, d.id, d.name, d.created_at, d.last_seen_at});
}

namespace {

constexpr const char* kDeviceColumns =
    "SELECT user_id, id, name, created_at, last_seen_at, revoked_at FROM user_device ";

domain::Device ReadDevice(const ResultSet::Row& r) {
  return {r.Str("user_id"),    r.Str("id"),           r.Str("name"),
          r.Str("created_at"), r.Str("last_seen_at"), r.OptText("revoked_at")};
}

}  // namespace

std::vector<domain::Device> SqlCredentialRepository::Devices(const std::string& user_id) {
  auto rs = conn_.Query(
      std::string(kDeviceColumns) + "WHERE user_id = ? ORDER BY last_seen_at DESC, id", {user_id});
  std::vector<domain::Device> out;
  for (std::size_t i = 0; i < rs.size(); ++i) out.push_back(ReadDevice(rs[i]));
  return out;
}

std::optional<domain::Device> SqlCredentialRepository::GetDevice(const std::string& user_id,
                                                                 const std::string& device_id) {
  auto rs = conn_.Query(std::string(kDeviceColumns) + "WHERE user_id = ? AND id = ?",
                        {user_id, device_id});
  if (rs.empty()) return std::nullopt;
  return ReadDevice(rs[0]);
}

void SqlCredentialRepository::RevokeDevice(const std::string& user_id, const std::string& device_id,
                                           const std::string& now) {
  conn_.Execute("UPDATE user_device SET revoked_at = ? WHERE user_id = ? AND id = ?",
                {now, user_id, device_id});
  conn_.Execute("DELETE FROM user_session WHERE user_id = ? AND device_id = ?",
                {user_id, device_id});
}

void SqlCredentialRepository::InsertToken(const domain::ApiToken& t) {
  InsertRow(conn_, "api_token", "id, token_hash, user_id, name, created_at, expires_at",
            {t.id, t.token_hash, t.user_id, t.name, t.created_at, t.expires_at});
}

namespace {

constexpr const char* kTokenColumns =
    "SELECT id, '' AS token_hash, user_id, name, created_at, expires_at FROM api_token ";

domain::ApiToken ReadToken(const ResultSet::Row& r) {
  return {r.Str("id"),   r.Str("token_hash"), r.Str("user_id"),
          r.Str("name"), r.Str("created_at"), r.Str("expires_at")};
}

}  // namespace

std::vector<domain::ApiToken> SqlCredentialRepository::Tokens(const std::string& now) {
  return ReadRows(
      conn_.Query(std::string(kTokenColumns) + "WHERE expires_at > ? ORDER BY created_at DESC, id",
                  {now}),
      ReadToken);
}

std::optional<domain::ApiToken> SqlCredentialRepository::GetToken(const std::string& id) {
  return ReadFirst(conn_.Query(std::string(kTokenColumns) + "WHERE id = ?", {id}), ReadToken);
}

void SqlCredentialRepository::DeleteToken(const std::string& id) {
  conn_.Execute("DELETE FROM api_token WHERE id = ?", {id});
}

void SqlCredentialRepository::DeleteUserTokens(const std::string& user_id) {
  conn_.Execute("DELETE FROM api_token WHERE user_id = ?", {user_id});
}

std::optional<domain::Principal> SqlCredentialRepository::FindToken(const std::string& token_hash,
                                                                    const std::string& now) {
  return Find("api_token",
              ", '' AS csrf_token, NULL AS device_id, NULL AS device_name FROM api_token s JOIN "
              "app_user u ON u.id = s.user_id",
              token_hash, now);
}

std::vector<domain::Grant> SqlCredentialRepository::GrantsOf(const std::string& user_id) {
  auto rs = conn_.Query(
      "SELECT r.role, r.area_id, a.path, a.parent_id FROM role_assignment r JOIN area a ON a.id "
      "= r.area_id WHERE r.user_id = ?",
      {user_id});
  std::vector<domain::Grant> out;
  for (std::size_t i = 0; i < rs.size(); ++i)
    if (auto role = domain::ParseRole(rs[i].Text("role")))
      out.push_back({*role, rs[i].Str("area_id"), rs[i].Str("path"), rs[i].IsNull("parent_id")});
  return out;
}

domain::ThrottleCount SqlCredentialRepository::LockThrottle(const std::string& key) {
  LockKey(conn_, "login_throttle:" + key);
  auto rs = conn_.Query("SELECT failures, window_start, last_at FROM login_throttle WHERE key = ?",
                        {key});
  if (rs.empty()) return {};
  return {static_cast<int>(rs[0].Int("failures")), rs[0].Str("window_start"), rs[0].Str("last_at")};
}

void SqlCredentialRepository::SaveThrottle(const std::string& key, const domain::ThrottleCount& c) {
  conn_.Execute(
      "INSERT INTO login_throttle (key, window_start, failures, last_at) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (key) DO UPDATE SET window_start = excluded.window_start, "
      "failures = excluded.failures, last_at = excluded.last_at",
      {key, c.window_start, static_cast<std::int64_t>(c.failures), c.last_at});
}

void SqlCredentialRepository::ReleaseFailure(const std::string& key) {
  LockKey(conn_, "login_throttle:" + key);  // after a concurrent check-and-reserve, not within
  conn_.Execute("UPDATE login_throttle SET failures = failures - 1 WHERE key = ? AND failures > 0",
                {key});
}

void SqlCredentialRepository::ClearFailures(const std::string& key) {
  LockKey(conn_, "login_throttle:" + key);
  conn_.Execute("DELETE FROM login_throttle WHERE key = ?", {key});
}

}  // namespace mobilise::storage
