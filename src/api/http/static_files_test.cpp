// Static files: precompressed variants chosen by Accept-Encoding, and the caching rules.
#include "api/http/static_files.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace mobilise::http {
namespace {

namespace fs = std::filesystem;

std::string HeaderOf(const Response& r, std::string_view name) {
  for (const auto& [k, v] : r.headers)
    if (k == name) return v;
  return "";
}

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("mobilise-static-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(root_ / "assets");
    Write("index.html", "<html>plain</html>");
    Write("index.html.gz", "GZ-INDEX");
    Write("sw.js", "self.x=1");
    Write("assets/app-1a2b3c.js", "console.log(1)");
    Write("assets/app-1a2b3c.js.gz", "GZ-APP");
    Write("assets/logo-9f8e.png", "PNG");
    Write("assets/style-4d5e.css", "a{}");
    Write("assets/style-4d5e.css.gz", "GZ-CSS");
    Write("assets/style-4d5e.css.br", "BR-CSS");
  }
  void TearDown() override { fs::remove_all(root_); }
  void Write(const std::string& name, const std::string& body) {
    std::ofstream(root_ / name, std::ios::binary) << body;
  }
  fs::path root_;
};

TEST_F(StaticFilesTest, GzipVariantWhenTheClientTakesIt) {
  StaticFiles files(root_.string());
  const Response r = files.Serve("GET", "/assets/app-1a2b3c.js", "gzip, deflate, br");
  EXPECT_EQ(r.body, "GZ-APP");
  EXPECT_EQ(HeaderOf(r, "Content-Encoding"), "gzip");
  EXPECT_EQ(HeaderOf(r, "Vary"), "Accept-Encoding");
  EXPECT_EQ(r.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(HeaderOf(r, "Cache-Control"), "public, max-age=31536000, immutable");
}

TEST_F(StaticFilesTest, PlainFileWithVaryWhenTheClientRefusesGzip) {
  StaticFiles files(root_.string());
  for (std::string_view accept : {"", "identity", "gzip;q=0", "br", "*;q=0"}) {
    const Response r = files.Serve("GET", "/assets/app-1a2b3c.js", accept);
    EXPECT_EQ(r.body, "console.log(1)") << accept;
    EXPECT_EQ(HeaderOf(r, "Content-Encoding"), "") << accept;
    EXPECT_EQ(HeaderOf(r, "Vary"), "Accept-Encoding") << accept;
  }
}

TEST_F(StaticFilesTest, FilesWithoutAVariantAreSentAsTheyAre) {
  StaticFiles files(root_.string());
  const Response r = files.Serve("GET", "/assets/logo-9f8e.png", "gzip");
  EXPECT_EQ(r.body, "PNG");
  EXPECT_EQ(HeaderOf(r, "Content-Encoding"), "");
  EXPECT_EQ(HeaderOf(r, "Vary"), "");
  const Response sw = files.Serve("GET", "/sw.js", "gzip");
  EXPECT_EQ(sw.body, "self.x=1");
  EXPECT_EQ(HeaderOf(sw, "Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, TheAppsRoutesGetTheCompressedIndexUncached) {
  StaticFiles files(root_.string());
  for (std::string_view path : {"/", "/households/123", "/index.html"}) {
    const Response r = files.Serve("GET", path, "gzip");
    EXPECT_EQ(r.body, "GZ-INDEX") << path;
    EXPECT_EQ(HeaderOf(r, "Content-Encoding"), "gzip") << path;
    EXPECT_EQ(HeaderOf(r, "Cache-Control"), "no-cache") << path;
    EXPECT_EQ(r.content_type, "text/html; charset=utf-8") << path;
  }
  EXPECT_EQ(files.Serve("GET", "/", "").body, "<html>plain</html>");
}

TEST_F(StaticFilesTest, BrotliBeforeGzipWhenTheClientTakesIt) {
  StaticFiles files(root_.string());
  struct Case {
    std::string_view accept, body, coding;
  };
  for (const Case& c :
       {Case{"gzip, deflate, br", "BR-CSS", "br"}, Case{"br;q=0.1, gzip", "BR-CSS", "br"},
        Case{"br", "BR-CSS", "br"}, Case{"*", "BR-CSS", "br"},
        Case{"gzip, br;q=0", "GZ-CSS", "gzip"}, Case{"gzip", "GZ-CSS", "gzip"},
        Case{"identity", "a{}", ""}, Case{"", "a{}", ""}}) {
    const Response r = files.Serve("GET", "/assets/style-4d5e.css", c.accept);
    EXPECT_EQ(r.body, c.body) << c.accept;
    EXPECT_EQ(HeaderOf(r, "Content-Encoding"), c.coding) << c.accept;
    EXPECT_EQ(HeaderOf(r, "Vary"), "Accept-Encoding") << c.accept;
    EXPECT_EQ(r.content_type, "text/css; charset=utf-8") << c.accept;
  }
}

TEST(AcceptsBrotli, ReadsCodingsAndQualities) {
  EXPECT_TRUE(AcceptsBrotli("gzip, deflate, br, zstd"));
  EXPECT_TRUE(AcceptsBrotli("BR;q=0.5"));
  EXPECT_TRUE(AcceptsBrotli("*"));
  EXPECT_FALSE(AcceptsBrotli("gzip, deflate"));
  EXPECT_FALSE(AcceptsBrotli("br;q=0, *"));
  EXPECT_FALSE(AcceptsBrotli("brotli"));
  EXPECT_FALSE(AcceptsBrotli(""));
}

TEST(AcceptsGzip, ReadsCodingsAndQualities) {
  EXPECT_TRUE(AcceptsGzip("gzip"));
  EXPECT_TRUE(AcceptsGzip("gzip, deflate, br, zstd"));
  EXPECT_TRUE(AcceptsGzip("br;q=1.0, GZIP;q=0.5"));
  EXPECT_TRUE(AcceptsGzip("x-gzip"));
  EXPECT_TRUE(AcceptsGzip("*"));
  EXPECT_TRUE(AcceptsGzip("gzip;q=0.001"));
  EXPECT_FALSE(AcceptsGzip(""));
  EXPECT_FALSE(AcceptsGzip("identity"));
  EXPECT_FALSE(AcceptsGzip("deflate, br"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0"));
  EXPECT_FALSE(AcceptsGzip("gzip; q=0.000, *"));  // gzip named and refused: * does not add it
  EXPECT_FALSE(AcceptsGzip("*;q=0"));
  EXPECT_FALSE(AcceptsGzip("gzipx"));
}

}  // namespace
}  // namespace mobilise::http
