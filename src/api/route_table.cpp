#include "api/route_table.hpp"

#include <sodium.h>

namespace mobilise::api {
namespace {

bool SafeMethod(const std::string& m) { return m == "GET" || m == "HEAD" || m == "OPTIONS"; }

bool SameSecret(const std::string& a, std::string_view b) {
  return !a.empty() && a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

const char* CreateTag(Create create) {
  switch (create) {
    case Create::kJson:
      return "json";
    case Create::kRaw:
      return "raw";
    case Create::kNo:
      break;
  }
  return "";
}

}  // namespace

void RouteTable::Public(const std::string& method, const std::string& pattern,
                        http::Handler handler) {
  router_.Add(method, pattern, std::move(handler));
}

void RouteTable::Authed(const std::string& method, const std::string& pattern,
                        AuthedHandler handler, Create create) {
  auto authed = [&auth = auth_, &keys = keys_, create,
                 handler = std::move(handler)](http::Request& req) {
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
    return RunCreate(keys, create, req, principal->actor.user_id, [&] { return handler(call); });
  };
  router_.Add(method, pattern, std::move(authed), CreateTag(create));
}

}  // namespace mobilise::api
