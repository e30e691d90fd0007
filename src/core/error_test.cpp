#include "core/error.hpp"

#include <gtest/gtest.h>

namespace mobilise {
namespace {

TEST(Error, StaleIsAConflictMarkedStaleWithTheCurrentVersion) {
  const Error e = Error::Stale("household", 7);
  EXPECT_EQ(e.code, ErrorCode::kConflict);
  EXPECT_TRUE(e.stale);
  EXPECT_EQ(e.message, "the household was changed by someone else; reload and try again");
  EXPECT_EQ(e.fields, (FieldProblems{{"version", problem::StaleVersion(7)}}));
  EXPECT_EQ(e.fields.at("version").Text(), "stale: current version is 7");
}

TEST(Error, OnlyStaleSetsTheMarker) {
  // A conflict that is not about versions, and a validation error naming `version`, are not
  // stale writes: the API must not answer them with the current record.
  EXPECT_FALSE(Error::Conflict("the code is taken").stale);
  EXPECT_FALSE(Error::Field("version", problem::Required()).stale);
  EXPECT_FALSE(Error::Validation("bad", {{"version", problem::WholeNumber()}}).stale);
  EXPECT_FALSE(Error::NotFound("area").stale);
  Error copy = Error::Stale("area", 2);
  copy.message += " (copied)";
  EXPECT_TRUE(copy.stale);
}

}  // namespace
}  // namespace mobilise
