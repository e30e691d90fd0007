// /session, /session/password, /tokens.
#include "api/device_json.hpp"
#include "api/routes.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {

// A device session's cookie outlives any use of it (400 days, browsers' limit): the server's
// sliding expiry decides when the session ends, not the cookie set at sign-in.
constexpr int kDeviceCookieSeconds = 400 * 24 * 3600;

std::string SessionCookie(const std::string& token, int max_age, bool secure) {
  return "mobilise_session=" + token +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age) +
         (secure ? "; Secure" : "");
}

// The session: the user, the CSRF token, what the caller may do (permission ids from the role
// definitions; held anywhere, and held programme-wide) and the configuration every screen needs
// (sexes, UNHCR age bands), so the web app spells out neither.
http::Response SessionBody(Services& s, const domain::Principal& p, int status) {
  auto user = s.users.Get(p.actor, p.actor.user_id);
  if (!user) return ErrorResponse(user.error());
  SessionAnswer answer{*user, p.csrf_token, {}, {}, p.device};
  for (auto perm : p.actor.Permissions())
    answer.permissions.emplace_back(domain::PermissionId(perm));
  for (auto perm : p.actor.ProgrammePermissions())
    answer.programme_permissions.emplace_back(domain::PermissionId(perm));
  return Json(status, SessionJson(answer));
}

}  // namespace

void AddSessionRoutes(RouteTable& t, Services& s, const ApiOptions& o) {
  t.Public("POST", "/api/v1/session", [&s, &o](http::Request& req) {
    auto login = ReadBody(req, ReadLogin);
    if (!login) return ErrorResponse(login.error());
    long long retry_after = 0;
    auto session =
        s.auth.Login(login->username, login->password, req.remote_ip, login->device, &retry_after);
    if (!session) {
      auto resp = ErrorResponse(session.error());
      if (retry_after > 0) resp.SetHeader("Retry-After", std::to_string(retry_after));
      return resp;
    }
    auto resp = SessionBody(s, session->principal, 200);
    const int max_age = login->device ? kDeviceCookieSeconds : o.session_hours * 3600;
    resp.SetHeader("Set-Cookie", SessionCookie(session->token, max_age, o.secure_cookie));
    return resp;
  });

  t.Authed("GET", "/api/v1/session", [&s](Call& c) {
    if (c.session_token.empty())
      return ErrorResponse(Error::Validation("a bearer token has no browser session"));
    return SessionBody(s, c.principal, 200);
  });

  // The caller's own settings (today: the language the app speaks to them).
  t.Authed("PATCH", "/api/v1/session", [&s](Call& c) {
    auto in = ReadBody(c.request, ReadOwnSettings);
    if (!in) return ErrorResponse(in.error());
    auto user = s.auth.SetOwnLocale(c.actor(), in->locale);
    if (!user) return ErrorResponse(user.error());
    c.principal.locale = user->locale;
    return SessionBody(s, c.principal, 200);
  });

  t.Authed("DELETE", "/api/v1/session", [&s, &o](Call& c) {
    if (!c.session_token.empty()) s.auth.Logout(c.session_token, c.actor());
    http::Response resp;
    resp.status = 204;
    resp.SetHeader("Set-Cookie", SessionCookie("", 0, o.secure_cookie));
    return resp;
  });

  t.Authed("POST", "/api/v1/session/password", [&s](Call& c) {
    auto in = ReadBody(c.request, ReadPasswordChange);
    if (!in) return ErrorResponse(in.error());
    auto ok =
        s.auth.ChangePassword(c.actor(), c.session_token, in->current_password, in->new_password);
    if (!ok) return ErrorResponse(ok.error());
    http::Response resp;
    resp.status = 204;
    return resp;
  });

  // A token is made by a signed-in person, never by another token: a leaked token must not be
  // able to outlive its own expiry or revocation.
  t.Authed("POST", "/api/v1/tokens", [&s](Call& c) {
    if (c.session_token.empty())
      return ErrorResponse(Error::Forbidden("a bearer token cannot make tokens: sign in"));
    auto in = ReadBody(c.request, ReadTokenRequest);
    if (!in) return ErrorResponse(in.error());
    std::optional<int> d;
    if (in->expires_in_days)
      d = static_cast<int>(std::clamp<std::int64_t>(*in->expires_in_days, -1, 100000));
    return Reply(s.auth.CreateToken(c.actor(), in->name, d), 201, NewTokenJson);
  });

  t.Authed("GET", "/api/v1/tokens", [&s](Call& c) {
    return Reply(s.auth.Tokens(c.actor()), 200,
                 [](const auto& v) { return ItemsJson(v, TokenJson); });
  });

  t.Authed("DELETE", "/api/v1/tokens/{id}",
           [&s](Call& c) { return NoContent(s.auth.RevokeToken(c.actor(), c.param("id"))); });
}

}  // namespace mobilise::api
