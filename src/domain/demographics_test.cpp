#include "domain/demographics.hpp"

#include <gtest/gtest.h>

namespace mobilise::domain {

// Each band's first and last year, worked out from the UNHCR bands in domain.md.
TEST(Demographics, AgeBandEdges) {
  const std::pair<std::optional<int>, std::string_view> cases[] = {
      {0, "0-4"},
      {4, "0-4"},
      {5, "5-11"},
      {11, "5-11"},
      {12, "12-17"},
      {17, "12-17"},
      {18, "18-59"},
      {59, "18-59"},
      {60, "60+"},
      {104, "60+"},
      {std::nullopt, "unknown"},
      {-1, "unknown"},
  };
  for (const auto& [age, band] : cases) EXPECT_EQ(AgeBandOf(age), band) << age.value_or(-99);
}

TEST(Demographics, CodesInOrder) {
  ASSERT_EQ(kAgeBandCodes.size(), 5u);
  EXPECT_EQ(kAgeBandCodes[0], "0-4");
  EXPECT_EQ(kAgeBandCodes[4], "60+");
  EXPECT_EQ(kSexes[2], "x");
}

}  // namespace mobilise::domain
