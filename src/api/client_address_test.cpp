#include "api/client_address.hpp"

#include <gtest/gtest.h>

namespace mobilise::api {
namespace {

std::vector<AddressRange> Ranges(std::initializer_list<const char*> texts) {
  std::vector<AddressRange> out;
  for (const char* t : texts) {
    auto r = ParseAddressRange(t);
    EXPECT_TRUE(r) << t;
    if (r) out.push_back(*r);
  }
  return out;
}

TEST(ParseAddressRange, AddressesAndCidrRangesOfBothFamilies) {
  for (const char* good : {"127.0.0.1", "10.0.0.0/8", "10.0.0.5/32", "0.0.0.0/0", "192.168.4.0/22",
                           "::1", "fd00::/8", "2001:db8::/32", "2001:db8::5/128", "::/0"})
    EXPECT_TRUE(ParseAddressRange(good)) << good;
  for (const char* bad :
       {"", "10.0.0.1/8", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/+8", "10.0.0.0/8x",
        "10.0.0", "10.0.0.256", "localhost", "fd00::/129", "fd01::/8", "2001:db8::1/32",
        "10.0.0.0/8/8", " 10.0.0.1", "::ffff:10.0.0.0/104"})
    EXPECT_FALSE(ParseAddressRange(bad)) << bad;
}

TEST(InRange, ThePrefixsBitsDecide) {
  const struct {
    const char* range;
    const char* ip;
    bool in;
  } cases[] = {
      {"10.0.0.0/8", "10.255.3.4", true},
      {"10.0.0.0/8", "11.0.0.1", false},
      {"192.168.4.0/22", "192.168.7.255", true},
      {"192.168.4.0/22", "192.168.8.0", false},
      {"10.0.0.5", "10.0.0.5", true},
      {"10.0.0.5", "10.0.0.6", false},
      {"0.0.0.0/0", "203.0.113.9", true},
      {"0.0.0.0/0", "::1", false},
      {"fd00::/8", "fd12:3456::1", true},
      {"fd00::/8", "fe80::1", false},
      {"fd00::/8", "10.0.0.1", false},
      {"::/0", "2001:db8::1", true},
      // A dual-stack socket gives IPv4 peers as IPv4-mapped IPv6 addresses.
      {"10.0.0.0/8", "::ffff:10.1.2.3", true},
      {"127.0.0.1", "::ffff:127.0.0.1", true},
      {"10.0.0.0/8", "garbage", false},
      {"10.0.0.0/8", "", false},
  };
  for (const auto& c : cases) {
    const auto r = ParseAddressRange(c.range);
    ASSERT_TRUE(r) << c.range;
    EXPECT_EQ(InRange(*r, c.ip), c.in) << c.range << " " << c.ip;
  }
}

TEST(OriginOf, BelievesOnlyTrustedProxiesFromTheRight) {
  const ProxyOptions o{Ranges({"10.0.0.1", "10.0.0.2"}), false};
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

TEST(OriginOf, TrustsEveryProxyInARange) {
  const ProxyOptions o{Ranges({"10.0.0.0/8", "fd00::/8"}), false};
  // A chain of proxies inside the ranges is skipped; the first address outside is the client.
  EXPECT_EQ(OriginOf("10.9.8.7", "198.51.100.7, fd00::3, 10.1.1.1", "", o).ip, "198.51.100.7");
  EXPECT_EQ(OriginOf("fd00::1", "2001:db8::9", "https", o).ip, "2001:db8::9");
  EXPECT_TRUE(OriginOf("fd00::1", "2001:db8::9", "https", o).tls);
  // A peer outside every range is the client, whatever it writes.
  EXPECT_EQ(OriginOf("11.0.0.1", "198.51.100.7", "https", o).ip, "11.0.0.1");
  EXPECT_FALSE(OriginOf("11.0.0.1", "198.51.100.7", "https", o).tls);
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
