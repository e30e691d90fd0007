#include "api/idempotency.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "core/id.hpp"

namespace mobilise::api {
namespace {

namespace json = boost::json;

std::string Canonical(std::string_view text) { return CanonicalJson(json::parse(text)); }

http::Request Post(std::string body, std::string content_type = "application/json") {
  http::Request r;
  r.method = "POST";
  r.path = "/api/v1/things";
  r.headers["content-type"] = std::move(content_type);
  r.body = std::move(body);
  return r;
}

constexpr const char* kId = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

TEST(CanonicalJson, KeyOrderAndLayoutDoNotMatter) {
  const auto a = Canonical(R"({"b": 1, "a": {"y": [1, {"q": true, "p": null}], "x": "s"}})");
  const auto b = Canonical("{\n  \"a\":{\"x\":\"s\",\"y\":[1,{\"p\":null,\"q\":true}]},\"b\":1}");
  EXPECT_EQ(a, b);
  EXPECT_EQ(a, R"({"a":{"x":"s","y":[1,{"p":null,"q":true}]},"b":1})");
}

TEST(CanonicalJson, AChangedValueOrArrayOrderMatters) {
  const auto base = Canonical(R"({"a": [1, 2], "b": "x"})");
  EXPECT_NE(base, Canonical(R"({"a": [2, 1], "b": "x"})"));
  EXPECT_NE(base, Canonical(R"({"a": [1, 2], "b": "y"})"));
  EXPECT_NE(base, Canonical(R"({"a": [1, 2], "b": "x", "c": null})"));
  EXPECT_NE(Canonical(R"({"a": "1"})"), Canonical(R"({"a": 1})"));
}

TEST(ClaimOf, HashesTheCanonicalBodyWithItsId) {
  const std::string body = std::string(R"({"name": "n", "id": ")") + kId + "\"}";
  auto a = ClaimOf(Post(body), Create::kJson);
  auto b = ClaimOf(Post(std::string(R"({ "id":")") + kId + R"(","name":"n" })"), Create::kJson);
  auto c = ClaimOf(Post(std::string(R"({"id":")") + kId + R"(","name":"m"})"), Create::kJson);
  ASSERT_TRUE(a && *a && b && *b && c && *c);
  EXPECT_EQ((*a)->id, kId);
  EXPECT_EQ((*a)->content_hash, (*b)->content_hash);
  EXPECT_NE((*a)->content_hash, (*c)->content_hash);
  EXPECT_EQ((*a)->content_hash.size(), 64u);
}

TEST(ClaimOf, NoClaimWithoutAWellFormedId) {
  auto none = ClaimOf(Post(R"({"name": "n"})"), Create::kJson);
  ASSERT_TRUE(none);
  EXPECT_FALSE(*none);
  EXPECT_FALSE(*ClaimOf(Post(R"({"id": "x"})"), Create::kNo));
  // Not JSON: the handler reports it.
  EXPECT_FALSE(*ClaimOf(Post("{"), Create::kJson));
  for (const std::string bad : {R"("x")", "12", R"("0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B")"}) {
    auto r = ClaimOf(Post(R"({"id": )" + bad + "}"), Create::kJson);
    ASSERT_TRUE(r) << bad;
    EXPECT_FALSE(*r) << bad;  // the body's reader reports it (ReadClientId)
  }
}

TEST(ClaimOf, ARawBodyIsKeyedByItsQueryIdAndHashedWithItsBytesAndName) {
  auto upload = [](std::string name, std::string bytes) {
    auto r = Post(std::move(bytes), "image/png");
    r.query = {{"filename", std::move(name)}, {"id", kId}};
    return *ClaimOf(r, Create::kRaw);
  };
  const auto a = upload("a.png", "bytes");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->id, kId);
  EXPECT_EQ(a->content_hash, upload("a.png", "bytes")->content_hash);
  EXPECT_NE(a->content_hash, upload("b.png", "bytes")->content_hash);
  EXPECT_NE(a->content_hash, upload("a.png", "bytez")->content_hash);
}

TEST(AnswerFromKept, ReplaysTheSameRequestAndRefusesAnyOther) {
  const domain::IdempotencyKey kept{kId, "u1", "POST /api/v1/things", "h", 201, R"({"id":1})", ""};
  auto same = kept;
  same.status = 0;
  same.response.clear();
  auto r = AnswerFromKept(kept, same);
  EXPECT_EQ(r.status, 201);
  EXPECT_EQ(r.body, R"({"id":1})");
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0], (std::pair<std::string, std::string>{"Idempotent-Replayed", "true"}));
  for (auto change : {&domain::IdempotencyKey::user_id, &domain::IdempotencyKey::route,
                      &domain::IdempotencyKey::body_hash}) {
    auto other = same;
    other.*change = "other";
    auto refused = AnswerFromKept(kept, other);
    EXPECT_EQ(refused.status, 409);
    EXPECT_EQ(json::parse(refused.body).at("error").at("fields").at("id").as_string(),
              problem::IdUsedElsewhere().Text());
  }
}

}  // namespace
}  // namespace mobilise::api
