// Registering routes with their access rule: public, or authenticated (the caller's principal
// resolved from the session cookie or bearer token, CSRF checked for cookie writes).
//
// A route group (one `<resource>_routes.cpp`) lists its routes in one place:
//
//   static constexpr AuthedRoute<Services> kRoutes[] = {
//       {"GET", "/api/v1/courses", ListCourses},
//       {"PATCH", "/api/v1/courses/{id}", UpdateCourse},
//   };
//   t.Authed(s, kRoutes);
//
// where each handler is a named function `http::Response F(Deps&, Call&)` that only translates:
// typed input from the request (api/handler_io.hpp) -> one service call -> reply. `Deps` is what
// the handlers need (usually `Services`); the group keeps one copy of it, so it should hold
// references (as Services does) to things that outlive the router.
#pragma once

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <type_traits>

#include "api/handler_io.hpp"
#include "api/http/router.hpp"
#include "domain/auth/auth_service.hpp"

namespace mobilise::api {

struct Call {
  http::Request& request;
  domain::Principal& principal;
  std::string session_token;  // empty when authenticated by bearer token
  const domain::Actor& actor() const { return principal.actor; }
  // The path parameter `name` of the matched pattern, e.g. "id" of "/areas/{id}".
  const std::string& param(const std::string& name) const { return request.path_params[name]; }
};

using AuthedHandler = std::function<http::Response(Call&)>;

// One authenticated route of a group: method, pattern and its handler.
template <typename Deps>
struct AuthedRoute {
  const char* method;
  const char* pattern;
  http::Response (*handler)(Deps&, Call&);
};

class RouteTable {
 public:
  RouteTable(http::Router& router, domain::AuthService& auth) : router_(router), auth_(auth) {}
  void Public(const std::string& method, const std::string& pattern, http::Handler handler);
  void Authed(const std::string& method, const std::string& pattern, AuthedHandler handler);

  // Authed() for each route of a group, its handler called with (a copy of) `deps`.
  template <typename Deps>
  void Authed(const Deps& deps, std::type_identity_t<std::span<const AuthedRoute<Deps>>> routes) {
    auto shared = std::make_shared<Deps>(deps);
    for (const auto& route : routes)
      Authed(route.method, route.pattern,
             [shared, handler = route.handler](Call& call) { return handler(*shared, call); });
  }

 private:
  http::Router& router_;
  domain::AuthService& auth_;
};

}  // namespace mobilise::api
