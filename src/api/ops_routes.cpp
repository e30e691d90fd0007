// /healthz, /metrics, /api/v1/openapi.json (built from the route table, so it lists every route;
// schemas from api/openapi.hpp).
#include <boost/json/serialize.hpp>

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

  t.Public("GET", "/api/v1/openapi.json",
           [&o, &router](http::Request&) { return Json(200, OpenApiDocument(router, o.version)); });
}

}  // namespace mobilise::api
