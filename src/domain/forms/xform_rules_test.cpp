#include "domain/forms/xform_rules.hpp"

#include <gtest/gtest.h>

namespace mobilise::domain {
namespace {

TEST(AssignedNearReader, AnAreaAtAboveOrBelowTheReadersConcernsThem) {
  EXPECT_TRUE(AssignedNearReader({"/p1/d1/"}, {"/p1/d1/"}));
  EXPECT_TRUE(AssignedNearReader({"/p1/"}, {"/p1/d1/t1/"}));          // assigned above
  EXPECT_TRUE(AssignedNearReader({"/p1/d1/t1/"}, {"/p1/"}));          // assigned below
  EXPECT_TRUE(AssignedNearReader({"/p2/", "/p1/d1/"}, {"/p1/d1/"}));  // any assigned area
}

TEST(AssignedNearReader, ASiblingOrNoAreaDoesNot) {
  EXPECT_FALSE(AssignedNearReader({"/p1/d2/"}, {"/p1/d1/"}));
  EXPECT_FALSE(AssignedNearReader({"/p1/d10/"}, {"/p1/d1/"}));  // a prefix is not an ancestor
  EXPECT_FALSE(AssignedNearReader({}, {"/p1/"}));
  EXPECT_FALSE(AssignedNearReader({"/p1/"}, {}));
}

}  // namespace
}  // namespace mobilise::domain
