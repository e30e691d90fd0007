#include "domain/demographics.hpp"

#include <gtest/gtest.h>

namespace mobilise::domain {

// Each band's first and last year, worked out from the UNHCR bands in domain.md.
TEST(Demographics, AgeBandEdges) {
  EXPECT_EQ(AgeBandOf(0), "0-4");
  EXPECT_EQ(AgeBandOf(4), "0-4");
  EXPECT_EQ(AgeBandOf(5), "5-11");
  EXPECT_EQ(AgeBandOf(11), "5-11");
  EXPECT_EQ(AgeBandOf(12), "12-17");
  EXPECT_EQ(AgeBandOf(17), "12-17");
  EXPECT_EQ(AgeBandOf(18), "18-59");
  EXPECT_EQ(AgeBandOf(59), "18-59");
  EXPECT_EQ(AgeBandOf(60), "60+");
  EXPECT_EQ(AgeBandOf(104), "60+");
  EXPECT_EQ(AgeBandOf(std::nullopt), "unknown");
  EXPECT_EQ(AgeBandOf(-1), "unknown");
}

TEST(Demographics, CodesInOrder) {
  ASSERT_EQ(kAgeBandCodes.size(), 5u);
  EXPECT_EQ(kAgeBandCodes[0], "0-4");
  EXPECT_EQ(kAgeBandCodes[4], "60+");
  EXPECT_EQ(kSexes[2], "x");
}

}  // namespace mobilise::domain
