#include "api/http/exchange.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "api/http/error_body.hpp"
#include "core/resource_errors.hpp"

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

struct Busy : std::runtime_error, BusyFailure {
  Busy() : std::runtime_error("database is locked") {}
};
struct Full : std::runtime_error, NoSpaceFailure {
  Full() : std::runtime_error("disk full") {}
};

TEST(Responder, ABusyDatabaseIs503WithRetryAfterAFullDisk507) {
  Responder responder(
      [](Request& req) -> Response {
        if (req.path == "/api/busy") throw Busy();
        throw Full();
      },
      "");
  auto req = Get("/api/busy");
  auto busy = responder.Respond(req);
  EXPECT_EQ(busy.response.status, 503);
  EXPECT_NE(busy.response.body.find("\"busy\""), std::string::npos);
  ASSERT_EQ(busy.response.headers.size(), 1u);
  EXPECT_EQ(busy.response.headers[0].first, "Retry-After");
  req = Get("/api/full");
  auto full = responder.Respond(req);
  EXPECT_EQ(full.response.status, 507);
  EXPECT_NE(full.response.body.find("\"disk_full\""), std::string::npos);
}

TEST(Responder, TheScreenDecidesAppPathsAndLimits) {
  Responder plain(Echo, "", {}, 10, 1000);
  auto head = Get("/api/v1/households/import");
  EXPECT_EQ(plain.Screen(head).body_limit, 1000u);  // no screener: the IsUpload rule
  head = Get("/api/v1/areas");
  EXPECT_EQ(plain.Screen(head).body_limit, 10u);
  head = Get("bad");
  EXPECT_EQ(plain.Screen(head).reject->status, 400);
  Responder screened(
      Echo, "",
      [](Request& h) {
        Admission a;
        if (h.path == "/api/nope") a.reject = Response{404, "", "", {}, "", false};
        return a;
      },
      10, 1000);
  head = Get("/api/nope");
  EXPECT_EQ(screened.Screen(head).reject->status, 404);
  head = Get("/api/v1/households/import");
  EXPECT_EQ(screened.Screen(head).body_limit, 10u);  // the screener's 0: the default
}

TEST(RefusedFraming, OnlyALoneChunkedWithoutLength) {
  EXPECT_FALSE(RefusedFraming(0, true, ""));
  EXPECT_FALSE(RefusedFraming(1, false, "chunked"));
  EXPECT_FALSE(RefusedFraming(1, false, " CHUNKED\t"));
  EXPECT_TRUE(RefusedFraming(1, true, "chunked"));
  EXPECT_TRUE(RefusedFraming(2, false, "chunked"));
  EXPECT_TRUE(RefusedFraming(1, false, "gzip, chunked"));
  EXPECT_TRUE(RefusedFraming(1, false, "chunked, gzip"));
  EXPECT_TRUE(RefusedFraming(1, false, "identity"));
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

TEST(HeaderFields, HstsOnEveryAnswerWhenAskedOnce) {
  auto count = [](const auto& fields) {
    int n = 0;
    for (const auto& [name, value] : fields)
      if (name == "Strict-Transport-Security") {
        EXPECT_EQ(value, kHstsValue);
        ++n;
      }
    return n;
  };
  // Static files and the server's own errors as the app's answers.
  EXPECT_EQ(count(HeaderFields(Response{}, /*api=*/false, /*hsts=*/true)), 1);
  EXPECT_EQ(count(HeaderFields(ErrorResponse(413, "too_large", "x"), true, true)), 1);
  EXPECT_EQ(count(HeaderFields(Response{}, false, false)), 0);
  // An answer that has its own (api::SecureAnswer) keeps it, not twice.
  Response r;
  r.SetHeader("Strict-Transport-Security", std::string(kHstsValue));
  EXPECT_EQ(count(HeaderFields(r, true, true)), 1);
}

}  // namespace
}  // namespace mobilise::http
