#include "domain/areas/area_scope.hpp"

#include <gtest/gtest.h>

namespace mobilise::domain {
namespace {

std::vector<std::string> Los(const std::vector<PathRange>& ranges) {
  std::vector<std::string> out;
  for (const auto& r : ranges) out.push_back(r.lo);
  return out;
}

TEST(AreaScope, NarrowToAnAreaInsideAGrantIsTheAreasSubtree) {
  const auto n = NarrowTo({SubtreeRange("/p1/"), SubtreeRange("/p2/")}, "/p1/d1/");
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].lo, SubtreeRange("/p1/d1/").lo);
  EXPECT_EQ(n[0].hi, SubtreeRange("/p1/d1/").hi);
}

TEST(AreaScope, NarrowToAnAreaAboveTheGrantsKeepsTheGrantsBelowIt) {
  const auto n =
      NarrowTo({SubtreeRange("/p1/d1/"), SubtreeRange("/p2/"), SubtreeRange("/p1/d2/")}, "/p1/");
  EXPECT_EQ(Los(n), (std::vector<std::string>{"/p1/d1/", "/p1/d2/"}));
}

TEST(AreaScope, NarrowToAnAreaOutsideTheScopeIsNothing) {
  EXPECT_TRUE(NarrowTo({SubtreeRange("/p2/")}, "/p1/").empty());
  EXPECT_TRUE(NarrowTo({}, "/p1/").empty());
  EXPECT_TRUE(NarrowTo({SubtreeRange("/p1/d10/")}, "/p1/d1/").empty());
}

}  // namespace
}  // namespace mobilise::domain
