#include "api/http/exchange.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace mobilise::http {
namespace {

Response Echo(Request& req) {
  if (req.path == "/api/throw") throw std::runtime_error("boom");
  if (req.path == "/api/routed") req.route = "GET /api/routed";
  Response r;
  r.body = req.path;
  return r;
}

Request Get(std::string target) {
  Request req;
  req.method = "GET";
  req.target = std::move(target);
  return req;
}

TEST(Responder, SendsApiPathsToTheAppWithTheirRoute) {
  Responder responder(Echo, "");
  auto req = Get("/api/routed?q=1");
  auto a = responder.Respond(req);
  EXPECT_EQ(a.response.status, 200);
  EXPECT_EQ(a.response.body, "/api/routed");
  EXPECT_TRUE(a.api);
  EXPECT_EQ(a.route, "GET /api/routed");
  req = Get("/api/other");
  EXPECT_EQ(responder.Respond(req).route, "unmatched");
}

TEST(Responder, AnInvalidTargetIs400WithoutTheApp) {
  Responder responder([](Request&) -> Response { throw std::logic_error("not called"); }, "");
  auto req = Get("no-slash");
  auto a = responder.Respond(req);
  EXPECT_EQ(a.response.status, 400);
  EXPECT_EQ(a.route, "unmatched");
}

TEST(Responder, AnExceptionFromTheAppIs500) {
  Responder responder(Echo, "");
  auto req = Get("/api/throw");
  auto a = responder.Respond(req);
  EXPECT_EQ(a.response.status, 500);
  EXPECT_NE(a.response.body.find("\"internal\""), std::string::npos);
}

TEST(IsUpload, ImportsAndFilesOnly) {
  EXPECT_TRUE(IsUpload("/api/v1/households/import?dry_run=true"));
  EXPECT_TRUE(IsUpload("/api/v1/activities/x/files"));
  EXPECT_FALSE(IsUpload("/api/v1/files/x"));
  EXPECT_FALSE(IsUpload("/api/v1/areas?q=/import"));
}

TEST(HeaderFields, SecurityHeadersTheAppsOwnAndNoStore) {
  Response r;
  r.SetHeader("Set-Cookie", "a=1");
  r.SetHeader("X-Evil", "1\r\nX-Injected: 1");
  const auto fields = HeaderFields(r, /*api=*/true);
  std::vector<std::string> names;
  for (const auto& [name, value] : fields) names.emplace_back(name);
  EXPECT_EQ(names,
            (std::vector<std::string>{"Date", "Content-Type", "X-Content-Type-Options",
                                      "X-Frame-Options", "Referrer-Policy",
                                      "Content-Security-Policy", "Set-Cookie", "Cache-Control"}));
  EXPECT_EQ(fields.back().second, "no-store");
}

TEST(HeaderFields, TheAppsCacheControlAndStaticFilesKeepTheirs) {
  Response r;
  r.content_type.clear();
  r.SetHeader("cache-control", "private, max-age=60");
  auto fields = HeaderFields(r, /*api=*/true);
  EXPECT_EQ(fields.back().second, "private, max-age=60");
  for (const auto& [name, value] : fields) EXPECT_NE(name, "Content-Type");
  fields = HeaderFields(Response{}, /*api=*/false);
  for (const auto& [name, value] : fields) EXPECT_NE(name, "Cache-Control");
}

}  // namespace
}  // namespace mobilise::http
