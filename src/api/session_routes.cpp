// /session, /session/password, /tokens.
#include "api/routes.hpp"
#include "domain/demographics.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {

std::string SessionCookie(const std::string& token, int max_age, bool secure) {
  return "mobilise_session=" + token +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age) +
         (secure ? "; Secure" : "");
}

// The session: the user, the CSRF token, what the caller may do (permission ids from the role
// definitions) and the configuration every screen needs (sexes, UNHCR age bands), so the web app
// spells out neither.
http::Response SessionBody(Services& s, const domain::Principal& p, int status) {
  auto user = s.users.Get(p.actor, p.actor.user_id);
  if (!user) return ErrorResponse(user.error());
  json::array permissions;
  for (auto perm : p.actor.Permissions()) permissions.emplace_back(domain::PermissionId(perm));
  auto strings = [](const auto& list) {
    json::array out;
    for (std::string_view v : list) out.emplace_back(v);
    return out;
  };
  json::object config{{"sexes", strings(domain::kSexes)},
                      {"age_bands", strings(domain::kAgeBandCodes)},
                      {"unknown_age_band", domain::kUnknownAgeBand}};
  return Json(status, json::object{{"user", UserJson(*user)},
                                   {"csrf_token", p.csrf_token},
                                   {"permissions", std::move(permissions)},
                                   {"config", std::move(config)}});
}

}  // namespace

void AddSessionRoutes(RouteTable& t, Services& s, const ApiOptions& o) {
  t.Public("POST", "/api/v1/session", [&s, &o](http::Request& req) {
    auto body = ParseObject(req);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    auto username = r.RequiredString("username");
    auto password = r.RequiredString("password");
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    auto session = s.auth.Login(username, password, req.remote_ip);
    if (!session) {
      auto resp = ErrorResponse(session.error());
      if (session.error().code == ErrorCode::kRateLimited) resp.SetHeader("Retry-After", "900");
      return resp;
    }
    auto resp = SessionBody(s, session->principal, 200);
    resp.SetHeader("Set-Cookie",
                   SessionCookie(session->token, o.session_hours * 3600, o.secure_cookie));
    return resp;
  });

  t.Authed("GET", "/api/v1/session", [&s](Call& c) {
    if (c.session_token.empty())
      return ErrorResponse(Error::Validation("a bearer token has no browser session"));
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
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    auto current = r.RequiredString("current_password");
    auto next = r.RequiredString("new_password");
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    auto ok = s.auth.ChangePassword(c.actor(), c.session_token, current, next);
    if (!ok) return ErrorResponse(ok.error());
    http::Response resp;
    resp.status = 204;
    return resp;
  });

  t.Authed("POST", "/api/v1/tokens", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    auto name = r.RequiredString("name");
    auto days = r.OptionalInt("expires_in_days");
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    std::optional<int> d;
    if (days) d = static_cast<int>(std::clamp<std::int64_t>(*days, -1, 100000));
    auto t = s.auth.CreateToken(c.actor(), name, d);
    return Reply(t, 201, [](const domain::NewToken& n) {
      return json::object{{"id", n.record.id},
                          {"name", n.record.name},
                          {"token", n.token},
                          {"expires_at", n.record.expires_at}};
    });
  });
}

}  // namespace mobilise::api
