#include "api/http/router.hpp"

#include <gtest/gtest.h>

namespace mobilise::http {
namespace {

Handler Named(std::string name) {
  return [name](Request&) {
    Response r;
    r.body = name;
    return r;
  };
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.Add("GET", "/api/v1/areas", Named("list"));
    router_.Add("POST", "/api/v1/areas", Named("create"));
    router_.Add("GET", "/api/v1/areas/{id}", Named("get"));
    router_.Add("GET", "/api/v1/areas/tree", Named("tree"));
    router_.Add("GET", "/api/v1/areas/{id}/children", Named("children"));
    router_.Add("GET", "/api/v1/{kind}/{id}/history", Named("history"));
    router_.Add("GET", "/api/v1/areas/{id}/history", Named("area-history"));
  }

  std::string Call(const std::string& method, const std::string& path, Request* out = nullptr) {
    Request req;
    req.method = method;
    req.path = path;
    auto m = router_.Find(req);
    if (out) *out = req;
    if (!m.handler) return m.path_known ? "405" : "404";
    return (*m.handler)(req).body + " " + m.pattern;
  }

  Router router_;
};

TEST_F(RouterTest, MatchesLiteralAndParamSegments) {
  EXPECT_EQ(Call("GET", "/api/v1/areas"), "list /api/v1/areas");
  EXPECT_EQ(Call("POST", "/api/v1/areas"), "create /api/v1/areas");
  Request req;
  EXPECT_EQ(Call("GET", "/api/v1/areas/01HX", &req), "get /api/v1/areas/{id}");
  EXPECT_EQ(req.path_params.at("id"), "01HX");
  EXPECT_EQ(Call("GET", "/api/v1/areas/01HX/children", &req),
            "children /api/v1/areas/{id}/children");
  EXPECT_EQ(req.path_params.at("id"), "01HX");
}

TEST_F(RouterTest, LiteralWinsOverParam) {
  EXPECT_EQ(Call("GET", "/api/v1/areas/tree"), "tree /api/v1/areas/tree");
  Request req;
  EXPECT_EQ(Call("GET", "/api/v1/areas/7/history", &req),
            "area-history /api/v1/areas/{id}/history");
  EXPECT_EQ(Call("GET", "/api/v1/users/7/history", &req), "history /api/v1/{kind}/{id}/history");
  EXPECT_EQ(req.path_params.at("kind"), "users");
  EXPECT_EQ(req.path_params.at("id"), "7");
}

TEST_F(RouterTest, NotFoundAndMethodNotAllowed) {
  EXPECT_EQ(Call("GET", "/api/v1/nothing"), "404");
  EXPECT_EQ(Call("GET", "/api/v1/areas/"), "404");  // empty {id}
  EXPECT_EQ(Call("GET", "/api/v1/areas/1/2"), "404");
  EXPECT_EQ(Call("DELETE", "/api/v1/areas"), "405");
  EXPECT_EQ(Call("PUT", "/api/v1/areas/x"), "405");
  EXPECT_EQ(Call("GET", "/"), "404");
  EXPECT_EQ(Call("GET", std::string(200, '/')), "404");  // more segments than any pattern
}

TEST_F(RouterTest, RoutesAreListed) {
  ASSERT_EQ(router_.routes().size(), 7u);
  EXPECT_EQ(router_.routes()[2].segments, (std::vector<std::string>{"api", "v1", "areas", "{id}"}));
}

}  // namespace
}  // namespace mobilise::http
