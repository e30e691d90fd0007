// Registering routes with their access rule: public, or authenticated (the caller's principal
// resolved from the session cookie or bearer token, CSRF checked for cookie writes).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "api/http/router.hpp"
#include "api/json_io.hpp"
#include "domain/auth/auth_service.hpp"
#include "domain/page.hpp"

namespace mobilise::api {

struct Call {
  http::Request& request;
  domain::Principal& principal;
  std::string session_token;  // empty when authenticated by bearer token
  const domain::Actor& actor() const { return principal.actor; }
};

using AuthedHandler = std::function<http::Response(Call&)>;

class RouteTable {
 public:
  RouteTable(http::Router& router, domain::AuthService& auth) : router_(router), auth_(auth) {}
  void Public(const std::string& method, const std::string& pattern, http::Handler handler);
  void Authed(const std::string& method, const std::string& pattern, AuthedHandler handler);

 private:
  http::Router& router_;
  domain::AuthService& auth_;
};

// A query parameter's value, or nullopt when absent or empty.
std::optional<std::string> QueryText(const http::Request& request, const char* key);

// A whole number of 0 or more written in digits only (at most 12), or nullopt.
std::optional<std::int64_t> ParseInt(std::string_view text);

// limit/offset from the query string.
Result<domain::PageRequest> ParsePage(const http::Request& request);

// `result` as JSON via `to_json`, or its error.
template <typename T, typename F>
http::Response Reply(const Result<T>& result, int status, F&& to_json) {
  if (!result) return ErrorResponse(result.error());
  return Json(status, to_json(*result));
}

}  // namespace mobilise::api
