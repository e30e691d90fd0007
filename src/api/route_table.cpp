#include "api/route_table.hpp"

#include <sodium.h>

namespace mobilise::api {
namespace {

bool SafeMethod(const std::string& m) { return m == "GET" || m == "HEAD" || m == "OPTIONS"; }

bool SameSecret(const std::string& a, std::string_view b) {
  return !a.empty() && a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

std::optional<std::int64_t> ParseInt(std::string_view s) {
  if (s.empty() || s.size() > 12 || s.find_first_not_of("0123456789") != std::string_view::npos)
    return std::nullopt;
  return std::stoll(std::string(s));
}

void RouteTable::Public(const std::string& method, const std::string& pattern,
                        http::Handler handler) {
  router_.Add(method, pattern, std::move(handler));
}

void RouteTable::Authed(const std::string& method, const std::string& pattern,
                        AuthedHandler handler) {
  router_.Add(method, pattern, [&auth = auth_, handler = std::move(handler)](http::Request& req) {
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
    return handler(call);
  });
}

Result<domain::PageRequest> ParsePage(const http::Request& req) {
  domain::PageRequest page;
  std::map<std::string, std::string> errors;
  if (auto l = req.Query("limit")) {
    auto v = ParseInt(*l);
    if (!v || *v < 1 || *v > 500)
      errors["limit"] = "must be a whole number from 1 to 500";
    else
      page.limit = static_cast<int>(*v);
  }
  if (auto o = req.Query("offset")) {
    auto v = ParseInt(*o);
    if (!v)
      errors["offset"] = "must be a whole number of 0 or more";
    else
      page.offset = *v;
  }
  if (auto ok = FieldErrorsResult(errors); !ok) return Fail(ok.error());
  return page;
}

std::optional<std::string> QueryText(const http::Request& request, const char* key) {
  auto v = request.Query(key);
  if (v && !v->empty()) return std::string(*v);
  return std::nullopt;
}

}  // namespace mobilise::api
