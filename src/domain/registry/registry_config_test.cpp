#include "domain/registry/registry_config.hpp"

#include <gtest/gtest.h>

#include "domain/demographics.hpp"

namespace mobilise::domain {
namespace {

std::vector<PovertyBandSet> Sets() {
  PovertyBandSet old{"2000-01-01",
                     std::nullopt,
                     {{"extremely_poor", "", {}, 0, true},
                      {"chronically_poor", "", {}, 12, true},
                      {"transitory_poor", "", {}, 19, true},
                      {"non_poor", "", {}, 24, false}}};
  PovertyBandSet nser{
      "2021-07-01", std::nullopt, {{"poor", "", {}, 0, true}, {"non_poor", "", {}, 32.5, false}}};
  return {nser, old};  // newest first
}

TEST(BandFor, HalfOpenIntervalsAtTheEdges) {
  auto sets = Sets();
  EXPECT_EQ(BandFor(sets, 0, "2010-01-01")->code, "extremely_poor");
  EXPECT_EQ(BandFor(sets, 11.99, "2010-01-01")->code, "extremely_poor");
  EXPECT_EQ(BandFor(sets, 12, "2010-01-01")->code, "chronically_poor");
  EXPECT_EQ(BandFor(sets, 16.17, "2010-01-01")->code, "chronically_poor");
  EXPECT_EQ(BandFor(sets, 23.99, "2010-01-01")->code, "transitory_poor");
  EXPECT_EQ(BandFor(sets, 24, "2010-01-01")->code, "non_poor");
  EXPECT_EQ(BandFor(sets, 100, "2010-01-01")->code, "non_poor");
}

TEST(BandFor, TheSetEffectiveOnTheSurveyDate) {
  auto sets = Sets();
  EXPECT_EQ(BandFor(sets, 30, "2021-06-30")->code, "non_poor");
  EXPECT_EQ(BandFor(sets, 30, "2021-07-01")->code, "poor");
  EXPECT_EQ(BandFor(sets, 30, std::nullopt)->code, "poor");           // no date: the newest
  EXPECT_EQ(BandFor(sets, 5, "1990-01-01")->code, "extremely_poor");  // before all: the oldest
  EXPECT_EQ(BandFor({}, 5, std::nullopt), nullptr);
}

TEST(GradeFor, PercentOfMaximumAndBands) {
  Checklist c{"co", "CO", {}, {{"a", "", 10}, {"b", "", 10}}, {{"A", 85}, {"B", 75}, {"C", 0}}};
  EXPECT_EQ(GradeFor(c, 17).grade, "A");
  EXPECT_DOUBLE_EQ(GradeFor(c, 17).percent, 85);
  EXPECT_EQ(GradeFor(c, 16).grade, "B");
  EXPECT_EQ(GradeFor(c, 14).grade, "C");
  Checklist p{
      "p", "P", {}, {{"1", "", 1}, {"2", "", 1}, {"3", "", 1}}, {{"A", 100}, {"B", 60}, {"C", 0}}};
  EXPECT_EQ(GradeFor(p, 3).grade, "A");
  EXPECT_EQ(GradeFor(p, 2).grade, "B");  // 66.67 %
  EXPECT_DOUBLE_EQ(GradeFor(p, 2).percent, 66.67);
}

TEST(Wg, ALotOfDifficultyInAnyDomainIsADisability) {
  EXPECT_FALSE(WgDisability({1, 1, 1, 1, 1, 1}));
  EXPECT_FALSE(WgDisability({2, 2, 2, 2, 2, 2}));
  EXPECT_TRUE(WgDisability({1, 1, 3, 1, 1, 1}));
  EXPECT_TRUE(WgDisability({1, 1, 1, 1, 1, 4}));
}

TEST(Age, WholeYearsAndUnhcrBands) {
  EXPECT_EQ(AgeOn("2000-11-24", "2026-11-23"), 25);
  EXPECT_EQ(AgeOn("2000-11-23", "2026-11-23"), 26);
  EXPECT_EQ(AgeOn("2027-01-01", "2026-11-23"), std::nullopt);
  EXPECT_EQ(AgeOn("bad", "2026-11-23"), std::nullopt);
  const std::pair<std::optional<int>, std::string_view> bands[] = {
      {4, "0-4"}, {5, "5-11"}, {17, "12-17"}, {18, "18-59"}, {60, "60+"}, {std::nullopt, "unknown"},
  };
  for (const auto& [age, band] : bands) EXPECT_EQ(AgeBandOf(age), band) << age.value_or(-99);
}

TEST(Names, KeysAndSimilarity) {
  EXPECT_EQ(NameKey("  Gul  Bibi, "), "gul bibi");
  EXPECT_EQ(NameKey("Muhammad-Khan"), "muhammad khan");
  EXPECT_EQ(NameKey("گل بی بی"), "گل بی بی");
  EXPECT_DOUBLE_EQ(NameSimilarity("gul bibi", "gul bibi"), 1.0);
  EXPECT_GT(NameSimilarity("muhammad khan", "mohammad khan"), 0.85);
  EXPECT_LT(NameSimilarity("gul bibi", "zarina"), 0.5);
  EXPECT_GT(NameSimilarity("گل بی بی", "گل بيبي"), 0.6);  // code points, not bytes
}

}  // namespace
}  // namespace mobilise::domain
