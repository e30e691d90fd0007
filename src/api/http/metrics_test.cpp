#include "api/http/metrics.hpp"

#include <gtest/gtest.h>

namespace mobilise::http {
namespace {

bool Has(const std::string& text, const std::string& line) {
  return text.find(line + "\n") != std::string::npos;
}

TEST(Metrics, RendersCountersAndHistogram) {
  Metrics m;
  m.Record("GET /api/v1/areas/{id}", 200, 0.0003);
  m.Record("GET /api/v1/areas/{id}", 200, 0.004);
  m.Record("GET /api/v1/areas/{id}", 404, 0.02);
  m.Record("static", 200, 7.0);
  const std::string text = m.Render("extra_gauge 1\n");
  EXPECT_TRUE(Has(text, "# TYPE mobilise_http_requests_total counter"));
  EXPECT_TRUE(
      Has(text, R"(mobilise_http_requests_total{route="GET /api/v1/areas/{id}",status="200"} 2)"));
  EXPECT_TRUE(
      Has(text, R"(mobilise_http_requests_total{route="GET /api/v1/areas/{id}",status="404"} 1)"));
  EXPECT_TRUE(Has(text, R"(mobilise_http_requests_total{route="static",status="200"} 1)"));
  EXPECT_TRUE(Has(text, "# TYPE mobilise_http_request_duration_seconds histogram"));
  EXPECT_TRUE(Has(text, R"(mobilise_http_request_duration_seconds_bucket{le="0.0005"} 1)"));
  EXPECT_TRUE(Has(text, R"(mobilise_http_request_duration_seconds_bucket{le="0.005"} 2)"));
  EXPECT_TRUE(Has(text, R"(mobilise_http_request_duration_seconds_bucket{le="0.025"} 3)"));
  EXPECT_TRUE(Has(text, R"(mobilise_http_request_duration_seconds_bucket{le="5"} 3)"));
  EXPECT_TRUE(Has(text, R"(mobilise_http_request_duration_seconds_bucket{le="+Inf"} 4)"));
  EXPECT_TRUE(Has(text, "mobilise_http_request_duration_seconds_sum 7.0243"));
  EXPECT_TRUE(Has(text, "mobilise_http_request_duration_seconds_count 4"));
  EXPECT_TRUE(Has(text, "extra_gauge 1"));
}

TEST(Metrics, EscapesLabelValues) {
  Metrics m;
  m.Record("a\"b\\c\nd", 500, 0.1);
  EXPECT_TRUE(
      Has(m.Render(""), R"(mobilise_http_requests_total{route="a\"b\\c\nd",status="500"} 1)"));
}

TEST(Metrics, EmptyRendersZeroes) {
  const std::string text = Metrics{}.Render("");
  EXPECT_TRUE(Has(text, R"(mobilise_http_request_duration_seconds_bucket{le="+Inf"} 0)"));
  EXPECT_TRUE(Has(text, "mobilise_http_request_duration_seconds_count 0"));
}

}  // namespace
}  // namespace mobilise::http
