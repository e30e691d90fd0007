#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "api/json_io.hpp"

namespace mobilise::api {
namespace {

namespace json = boost::json;

TEST(DuplicateKey, NamesTheRepeatedKeyByItsPath) {
  const struct {
    const char* text;
    std::optional<std::string> key;
  } cases[] = {
      {R"({"a":1,"b":2})", std::nullopt},
      {R"({"a":1,"a":2})", "a"},
      {R"({"name":"x","version":1,"name":"y"})", "name"},
      {R"({"device":{"id":"1","name":"p","id":"2"}})", "device.id"},
      {R"({"roles":[{"role":"a"},{"role":"b","role":"c"}]})", "roles[1].role"},
      {R"({"a":[1,[2,{"k":1,"k":2}]]})", "a[1][1].k"},
      {R"({"a":{"x":1},"b":{"x":1}})", std::nullopt},  // the same key in two objects
      {R"([{"x":1},{"x":2,"x":3}])", "[1].x"},
      {R"({"k\u0061":1,"ka":2})", "ka"},  // escapes are compared as read
      {R"({"a":1,"b")", std::nullopt},    // malformed: the parser answers that
  };
  for (const auto& c : cases) EXPECT_EQ(DuplicateKey(c.text), c.key) << c.text;
}

TEST(DuplicateKey, AKeySplitAcrossReadsIsWhole) {
  std::string long_key(5000, 'k');
  const std::string text = "{\"" + long_key + "\":1,\"" + long_key + "\":2}";
  EXPECT_EQ(DuplicateKey(text), long_key);
}

TEST(ParseBody, RefusesADuplicateKeyNamingIt) {
  http::Request req;
  req.headers["content-type"] = "application/json";
  req.body = R"({"username":"a","password":"x","username":"b"})";
  const auto v = ParseBody(req);
  ASSERT_FALSE(v);
  EXPECT_EQ(v.error().code, ErrorCode::kValidation);
  ASSERT_EQ(v.error().fields.count("username"), 1u);
  EXPECT_EQ(v.error().fields.at("username").id(), "given_twice");
  req.body = R"({"username":"a","password":"x"})";
  EXPECT_TRUE(ParseBody(req));
}

}  // namespace
}  // namespace mobilise::api
