// /healthz, /metrics, /api/v1/openapi.json (built from the route table, so it lists every route;
// schemas from api/openapi.hpp).
#include <boost/json/serialize.hpp>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include "api/http/metrics.hpp"
#include "api/openapi.hpp"
#include "api/routes.hpp"

namespace mobilise::api {

namespace json = boost::json;

void AddOpsRoutes(RouteTable& t, Services& s, const ApiOptions& o, const http::Router& router) {
  // 503 when the database is down; "degraded" (still 200: reads go on) when the disk that
  // holds the files has less than min_free_disk free.
  t.Public("GET", "/healthz", [&s, &o](http::Request&) {
    const bool ok = s.db.Ping();
    // Files go to data_dir/files (storage/files/blob_store.hpp), which may be a disk of its own.
    const std::filesystem::path dir = o.data_dir.empty() ? "." : o.data_dir;
    std::error_code ec;
    auto space = std::filesystem::space(dir / "files", ec);
    if (ec) space = std::filesystem::space(dir, ec);
    const bool disk_ok = !ec && space.available >= o.min_free_disk;
    json::object disk{{"status", disk_ok ? "ok" : "low"}};
    if (!ec) disk["free_bytes"] = space.available;
    return Json(ok ? 200 : 503, json::object{{"status", ok && disk_ok ? "ok" : "degraded"},
                                             {"database", ok ? "ok" : "down"},
                                             {"disk", std::move(disk)}});
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
