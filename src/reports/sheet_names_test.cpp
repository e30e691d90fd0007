#include "reports/sheet_names.hpp"

#include <gtest/gtest.h>

namespace mobilise::reports {
namespace {

TEST(SheetNames, AreValidUniqueAndAtMost31Characters) {
  auto names = SheetNames(
      {"Households: [reached] / target?", "", "history",
       "A very long section title that goes on and on", "a very long section title that goes on",
       "'quoted'", "میاشتنی پرمختګ راپور د پېښور ولسوالۍ لپاره اکتوبر", "Cover", "cover"},
      "Section");
  EXPECT_EQ(names, (std::vector<std::string>{
                       "Households reached target", "Section 2", "Section 3",
                       "A very long section title that", "a very long section title t (2)",
                       "quoted", "میاشتنی پرمختګ راپور د پېښور ول", "Cover", "cover (2)"}));
  for (const auto& name : names) EXPECT_LE(Utf8Length(name), 31u) << name;
}

}  // namespace
}  // namespace mobilise::reports
