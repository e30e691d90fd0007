#include "api/route_table.hpp"

#include <sodium.h>

#include <array>
#include <boost/json/value.hpp>
#include <string_view>

#include "api/json_io.hpp"
#include "core/enum_text.hpp"

namespace mobilise::api {
namespace {

bool SafeMethod(const std::string& m) { return m == "GET" || m == "HEAD" || m == "OPTIONS"; }

bool SameSecret(const std::string& a, std::string_view b) {
  return !a.empty() && a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

// The router's tag of a create route, in Create's order (none for a route that is no create).
constexpr std::array<std::string_view, 3> kCreateTags = {"", "json", "raw"};

// The record a create made, read through its detail handler as a GET of it by the same caller.
http::Response ReadCreated(const AuthedHandler& detail, const Call& create, const std::string& id) {
  if (!detail) return Json(201, boost::json::object{{"id", id}});
  http::Request get = create.request;
  get.method = "GET";
  get.body.clear();
  get.query.clear();
  get.path_params["id"] = id;
  Call call{get, create.principal, create.session_token};
  return detail(call);
}

}  // namespace

void RouteTable::Public(const std::string& method, const std::string& pattern,
                        http::Handler handler) {
  router_.Add(method, pattern, std::move(handler));
}

void RouteTable::Authed(const std::string& method, const std::string& pattern,
                        AuthedHandler handler, Create create, AuthedHandler detail) {
  auto authed = [&auth = auth_, &keys = keys_, create, handler = std::move(handler),
                 detail = std::move(detail)](http::Request& req) {
    std::optional<domain::Principal> principal;
    std::string session_token;
    const auto authz = req.Header("authorization");
    if (authz.substr(0, 7) == "Bearer ") {
      principal = auth.FromBearer(std::string(authz.substr(7)), req.remote_ip);
    } else if (auto cookie = req.Cookie("mobilise_session")) {
      session_token = *cookie;
      principal = auth.FromSession(session_token, req.remote_ip);
      if (principal && !SafeMethod(req.method) &&
          !SameSecret(principal->csrf_token, req.Header("x-csrf-token")))
        return ErrorResponse(Error::Forbidden(
            "missing or wrong X-CSRF-Token header (csrf): reload the page and try again"));
    }
    if (!principal) return ErrorResponse(Error::Unauthenticated());
    Call call{req, *principal, session_token};
    if (create == Create::kNo) return handler(call);
    return RunCreate(
        keys, create, req, principal->actor.user_id, [&] { return handler(call); },
        [&](const std::string& id) { return ReadCreated(detail, call, id); });
  };
  router_.Add(method, pattern, std::move(authed), std::string(EnumText(kCreateTags, create)),
              /*authed=*/true);
}

}  // namespace mobilise::api
