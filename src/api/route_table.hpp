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
// A route that creates a record is declared a create by a fourth member: `Create::kJson` (a JSON
// body) or `Create::kRaw` (a raw body, e.g. a file upload):
//
//       {"POST", "/api/v1/courses", CreateCourse, Create::kJson},
//
// and, when the record has a detail route, that route's handler as a fifth member:
//
//       {"POST", "/api/v1/courses", CreateCourse, Create::kJson, GetCourse},
//
// and is then an idempotent create (api/idempotency.hpp, docs/api.md "Idempotent creates")
// without more code: the client may name the new record's id (`id` in the JSON body, `?id=` for
// a raw body); a retry with the same id and content is answered as the first time (header
// `Idempotent-Replayed: true`), the same id with other content gets 409 with fields.id, and
// the OpenAPI document lists the 409. What the route must do itself: its body reader reads `id`
// (`ReadNew<ReadThing>` in handler_io.hpp, or `ReadClientId`), and its service takes the id for
// the record (`domain::NewRecordId`) and refuses one that is taken (`domain::ClaimRecordId`),
// which is what makes a duplicate impossible. The detail handler (called with the path parameter
// `id` set to the record's id) answers a retry whose first answer was never kept (the server died
// right after the commit); without one such a retry gets 201 `{"id"}`.
// tests/api/idempotency.test.mjs posts to every create twice and fails on a POST route that is
// neither given a body there nor listed as not a create. where each handler is a named function
// `http::Response F(Deps&, Call&)` that only translates: typed input from the request
// (api/handler_io.hpp) -> one service call -> reply (a handler that only passes the record to one
// service method is a named instance of a template of api/record_handlers.hpp). `Deps` is what the
// handlers need (usually `Services`); the group keeps one copy of it, so it should hold references
// (as Services does) to things that outlive the router.
#pragma once

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <type_traits>

#include "api/handler_io.hpp"
#include "api/http/router.hpp"
#include "api/idempotency.hpp"
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
  Create create = Create::kNo;                       // a create: see the top of this file
  http::Response (*detail)(Deps&, Call&) = nullptr;  // a create's detail read: see the top
};

class RouteTable {
 public:
  RouteTable(http::Router& router, domain::AuthService& auth, domain::IdempotencyService& keys)
      : router_(router), auth_(auth), keys_(keys) {}
  void Public(const std::string& method, const std::string& pattern, http::Handler handler);
  void Authed(const std::string& method, const std::string& pattern, AuthedHandler handler,
              Create create = Create::kNo, AuthedHandler detail = {});

  // Authed() for each route of a group, its handler called with (a copy of) `deps`.
  template <typename Deps>
  void Authed(const Deps& deps, std::type_identity_t<std::span<const AuthedRoute<Deps>>> routes) {
    auto shared = std::make_shared<Deps>(deps);
    for (const auto& route : routes) {
      AuthedHandler detail;
      if (route.detail)
        detail = [shared, read = route.detail](Call& call) { return read(*shared, call); };
      Authed(
          route.method, route.pattern,
          [shared, handler = route.handler](Call& call) { return handler(*shared, call); },
          route.create, std::move(detail));
    }
  }

 private:
  http::Router& router_;
  domain::AuthService& auth_;
  domain::IdempotencyService& keys_;
};

}  // namespace mobilise::api
