// /healthz, /metrics, /api/v1/openapi.json (built from the route table, so it lists every route;
// schemas from api/openapi.hpp).
#include <boost/json/serialize.hpp>
#include <memory>
#include <mutex>
#include <string>

#include "api/http/metrics.hpp"
#include "api/openapi.hpp"
#include "api/routes.hpp"

namespace mobilise::api {

namespace json = boost::json;

void AddOpsRoutes(RouteTable& t, Services& s, const ApiOptions& o, const http::Router& router) {
  t.Public("GET", "/healthz", [&s](http::Request&) {
    const bool ok = s.db.Ping();
    return Json(ok ? 200 : 503,
                json::object{{"status", ok ? "ok" : "degraded"}, {"database", ok ? "ok" : "down"}});
  });

  t.Public("GET", "/metrics", [&o](http::Request&) {
    http::Response r;
    r.content_type = "text/plain; version=0.0.4";
    r.body = o.metrics ? o.metrics->Render(o.extra_metrics ? o.extra_metrics() : "") : "";
    return r;
  });

  // The routes and schemas are fixed once the server serves, so the document is built (every
  // request reader run on a recording reader, every shape described) on the first request only.
  struct Built {
    std::once_flag once;
    std::string body;
  };
  auto built = std::make_shared<Built>();
  t.Public("GET", "/api/v1/openapi.json", [&o, &router, built](http::Request&) {
    std::call_once(built->once,
                   [&] { built->body = json::serialize(OpenApiDocument(router, o.version)); });
    http::Response r;
    r.body = built->body;
    return r;
  });
}

}  // namespace mobilise::api
