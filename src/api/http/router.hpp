// Maps method + path pattern to a handler. Patterns are literal segments and {name} segments,
// e.g. "/api/v1/areas/{id}/children". Lookup is by segment, not regex.
// Thread-safety: build the table before serving; lookups are then read-only and thread-safe.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "api/http/message.hpp"

namespace mobilise::http {

using Handler = std::function<Response(Request&)>;

class Router {
 public:
  // `create`: "json" or "raw" for a route the API runs as an idempotent create (its kind, for
  // the OpenAPI document; see api/idempotency.hpp), "" for any other. `authed`: the route
  // needs a session cookie or a bearer token (checked from the headers before the body).
  void Add(std::string method, std::string pattern, Handler handler, std::string create = "",
           bool authed = false);

  struct Match {
    const Handler* handler = nullptr;  // null: no route
    bool path_known = false;           // path matched some route but not this method (405)
    std::string pattern;               // the matched pattern, for metrics labels
    bool authed = false;               // see Add
  };
  // Fills request.path_params on a match.
  Match Find(Request& request) const;

  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
    std::string create;   // see Add
    bool authed = false;  // see Add
  };
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace mobilise::http
