#include "api/gzip.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

namespace mobilise::api {
namespace {

std::string Gunzip(const std::string& in) {
  z_stream z{};
  EXPECT_EQ(inflateInit2(&z, 15 + 16), Z_OK);
  std::string out(1 << 20, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  inflateEnd(&z);
  return out;
}

http::Request WithEncoding(std::string value) {
  http::Request r;
  r.headers["accept-encoding"] = std::move(value);
  return r;
}

}  // namespace

TEST(Gzip, RoundTripsAndShrinksRepetitiveJson) {
  std::string json = "[";
  for (int i = 0; i < 500; ++i) json += R"({"id":"x","name":"Gul Bibi","sex":"f"},)";
  json += "{}]";
  const auto packed = Gzip(json);
  EXPECT_LT(packed.size() * 10, json.size());
  EXPECT_EQ(packed.substr(0, 2), std::string("\x1f\x8b"));
  EXPECT_EQ(Gunzip(packed), json);
  EXPECT_EQ(Gunzip(Gzip("")), "");
}

TEST(Gzip, ReadsAcceptEncoding) {
  EXPECT_TRUE(AcceptsGzip(WithEncoding("gzip, deflate, br")));
  EXPECT_TRUE(AcceptsGzip(WithEncoding("br;q=1.0, GZIP;q=0.5")));
  EXPECT_TRUE(AcceptsGzip(WithEncoding("*")));
  EXPECT_FALSE(AcceptsGzip(WithEncoding("gzip;q=0")));
  EXPECT_FALSE(AcceptsGzip(WithEncoding("gzip; q=0.000, br")));
  EXPECT_FALSE(AcceptsGzip(WithEncoding("identity")));
  EXPECT_FALSE(AcceptsGzip(WithEncoding("x-gzip2")));
  EXPECT_FALSE(AcceptsGzip(http::Request{}));
}

TEST(Gzip, CompressesOnlyWhenAskedAndWorthIt) {
  http::Response big;
  big.body = std::string(4000, 'a');
  GzipIfAccepted(WithEncoding("gzip"), big);
  EXPECT_EQ(Gunzip(big.body), std::string(4000, 'a'));
  bool encoded = false;
  for (const auto& [k, v] : big.headers) encoded |= k == "Content-Encoding" && v == "gzip";
  EXPECT_TRUE(encoded);

  http::Response plain;
  plain.body = std::string(4000, 'a');
  GzipIfAccepted(WithEncoding("identity"), plain);
  EXPECT_EQ(plain.body.size(), 4000u);
  http::Response small;
  small.body = "{}";
  GzipIfAccepted(WithEncoding("gzip"), small);
  EXPECT_EQ(small.body, "{}");
}

}  // namespace mobilise::api
