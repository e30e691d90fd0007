// /healthz, /metrics, /api/v1/openapi.json (built from the route table, so it lists every route).
#include <boost/json/serialize.hpp>

#include "api/http/metrics.hpp"
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

  t.Public("GET", "/api/v1/openapi.json", [&o, &router](http::Request&) {
    json::object paths;
    for (const auto& route : router.routes()) {
      if (route.pattern.rfind("/api/", 0) != 0 && route.pattern != "/healthz" &&
          route.pattern != "/metrics")
        continue;
      std::string method = route.method;
      for (auto& ch : method) ch = static_cast<char>(std::tolower(ch));
      json::object op{
          {"responses",
           json::object{{"default", json::object{{"description", "see docs/api.md"}}}}}};
      if (route.pattern.find('{') != std::string::npos)
        op["parameters"] = json::array{json::object{{"name", "id"},
                                                    {"in", "path"},
                                                    {"required", true},
                                                    {"schema", json::object{{"type", "string"}}}}};
      auto& entry = paths[route.pattern];
      if (!entry.is_object()) entry.emplace_object();
      entry.as_object()[method] = std::move(op);
    }
    json::object doc{{"openapi", "3.0.3"},
                     {"info", json::object{{"title", "Mobilise API"}, {"version", o.version}}},
                     {"paths", std::move(paths)}};
    return Json(200, doc);
  });
}

}  // namespace mobilise::api
