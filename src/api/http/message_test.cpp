#include "api/http/message.hpp"

#include <gtest/gtest.h>

#include "api/http/request_target.hpp"

namespace mobilise::http {
namespace {

TEST(Request, HeaderReturnsValueOrEmpty) {
  Request r;
  r.headers["x-csrf-token"] = "abc";
  EXPECT_EQ(r.Header("x-csrf-token"), "abc");
  EXPECT_EQ(r.Header("authorization"), "");
}

TEST(Request, QueryReturnsFirstValue) {
  Request r;
  r.query.emplace("a", "1");
  r.query.emplace("a", "2");
  EXPECT_EQ(r.Query("a"), "1");
  EXPECT_EQ(r.Query("b"), std::nullopt);
}

TEST(Request, CookieParsing) {
  Request r;
  r.headers["cookie"] = "theme=dark;mobilise_session=tok123 ; empty=; quoted=\"q v\"; junk";
  EXPECT_EQ(r.Cookie("mobilise_session"), "tok123");
  EXPECT_EQ(r.Cookie("theme"), "dark");
  EXPECT_EQ(r.Cookie("empty"), "");
  EXPECT_EQ(r.Cookie("quoted"), "q v");
  EXPECT_EQ(r.Cookie("junk"), std::nullopt);
  EXPECT_EQ(r.Cookie("session"), std::nullopt);
  EXPECT_EQ(Request{}.Cookie("x"), std::nullopt);
}

TEST(RequestTarget, DecodesPathAndQuery) {
  Request r;
  r.target = "/api/v1/areas/a%20b?parent=x%2Fy&q=hello+world&flag&q=2";
  ASSERT_TRUE(ParseTarget(r));
  EXPECT_EQ(r.path, "/api/v1/areas/a b");
  EXPECT_EQ(r.Query("parent"), "x/y");
  EXPECT_EQ(r.Query("q"), "hello world");
  EXPECT_EQ(r.query.count("q"), 2u);
  EXPECT_EQ(r.Query("flag"), "");
}

TEST(RequestTarget, AcceptsUtf8) {
  Request r;
  r.target = "/api/v1/areas?name=%D0%9A%D0%B8%D1%97%D0%B2";  // Київ
  ASSERT_TRUE(ParseTarget(r));
  EXPECT_EQ(r.Query("name"), "Київ");
}

TEST(RequestTarget, RejectsBadTargets) {
  for (const char* t :
       {"/a%FFb", "/a?x=%C0%AF", "/a%00b", "/a?%ED%A0%80=1", "http://h/x", "*", "/a%zz", ""}) {
    Request r;
    r.target = t;
    EXPECT_FALSE(ParseTarget(r)) << t;
  }
}

TEST(Utf8, Validation) {
  EXPECT_TRUE(IsValidUtf8("plain ascii"));
  EXPECT_TRUE(IsValidUtf8("پښتو اردو मराठी 😀"));
  EXPECT_FALSE(IsValidUtf8("\xC3"));              // truncated
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));      // overlong
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // > U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\x80"));
}

}  // namespace
}  // namespace mobilise::http
