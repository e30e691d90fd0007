#include "domain/areas/area_path.hpp"

#include <gtest/gtest.h>

namespace mobilise::domain {
namespace {

TEST(AreaPath, PathAndAncestorsFromTheTop) {
  EXPECT_EQ(PathAndAncestors("/aaaaaa/bbbbbb/cccccc/"),
            (std::vector<std::string>{"/aaaaaa/", "/aaaaaa/bbbbbb/", "/aaaaaa/bbbbbb/cccccc/"}));
  EXPECT_EQ(PathAndAncestors("/aaaaaa/"), (std::vector<std::string>{"/aaaaaa/"}));
  EXPECT_TRUE(PathAndAncestors("").empty());
}

TEST(AreaPath, ChildAndMovedPathsKeepTheirKey) {
  const auto child = NewChildPath("/aaaaaa/");
  ASSERT_EQ(child.size(), std::string("/aaaaaa/bbbbbb/").size());
  EXPECT_EQ(PathAndAncestors(child).front(), "/aaaaaa/");
  EXPECT_EQ(MovedPath(child, "/zzzzzz/"), "/zzzzzz/" + child.substr(8));
}

}  // namespace
}  // namespace mobilise::domain
