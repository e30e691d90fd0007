#include "api/client_address.hpp"

#include <gtest/gtest.h>

namespace mobilise::api {
namespace {

TEST(OriginOf, BelievesOnlyTrustedProxiesFromTheRight) {
  const ProxyOptions o{{"10.0.0.1", "10.0.0.2"}, false};
  const struct {
    const char* peer;
    const char* xff;
    const char* proto;
    const char* ip;
    bool tls;
  } cases[] = {
      // Not from a proxy: the headers are the client's own words.
      {"203.0.113.9", "1.2.3.4", "https", "203.0.113.9", false},
      // One proxy: the address it saw.
      {"10.0.0.1", "198.51.100.7", "https", "198.51.100.7", true},
      // A client that forges a first entry: the proxy appends the real one, taken from the right.
      {"10.0.0.1", "1.1.1.1, 198.51.100.7", "http", "198.51.100.7", false},
      // Two trusted proxies in a chain are skipped.
      {"10.0.0.1", "198.51.100.7, 10.0.0.2", "", "198.51.100.7", false},
      // All hops trusted: the leftmost.
      {"10.0.0.1", "10.0.0.2", "", "10.0.0.2", false},
      // No header: the proxy itself.
      {"10.0.0.1", "", "", "10.0.0.1", false},
      // Garbage stops the walk at the last address vouched for.
      {"10.0.0.1", "198.51.100.7, evil<script>", "", "10.0.0.1", false},
      {"10.0.0.1", " 2001:db8::5 ", "https", "2001:db8::5", true},
  };
  for (const auto& c : cases) {
    const auto got = OriginOf(c.peer, c.xff, c.proto, o);
    EXPECT_EQ(got.ip, c.ip) << c.peer << " " << c.xff;
    EXPECT_EQ(got.tls, c.tls) << c.peer << " " << c.xff;
  }
}

TEST(OriginOf, BehindTlsMeansEveryClient) {
  const ProxyOptions o{{}, true};
  const auto got = OriginOf("203.0.113.9", "1.2.3.4", "http", o);
  EXPECT_EQ(got.ip, "203.0.113.9");
  EXPECT_TRUE(got.tls);
}

TEST(SecureAnswer, AddsHstsAndSecureCookiesOnce) {
  http::Response r;
  r.SetHeader("Set-Cookie", "mobilise_session=x; Path=/; HttpOnly");
  r.SetHeader("Set-Cookie", "other=y; Secure");
  SecureAnswer(r);
  SecureAnswer(r);
  int hsts = 0;
  for (const auto& [k, v] : r.headers) {
    if (k == "Strict-Transport-Security") ++hsts;
    if (k == "Set-Cookie") {
      EXPECT_NE(v.find("Secure"), std::string::npos) << v;
      EXPECT_EQ(v.find("Secure"), v.rfind("Secure")) << v;
    }
  }
  EXPECT_EQ(hsts, 1);
}

}  // namespace
}  // namespace mobilise::api
