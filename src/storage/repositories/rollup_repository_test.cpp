// The registry roll-up's member counts by age band on a day the test pins with FixedClock: a
// member is in the band of the age they have on that day (born after the day N years before is
// younger than N), on SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "domain/registry/institution_service.hpp"
#include "storage/repositories/service_test_support.hpp"

namespace mobilise::storage {
namespace {

using namespace domain;

class RollupMembersTest : public test::ServiceTest {};

TEST_P(RollupMembersTest, AgeBandsOnThePinnedDay) {
  const auto root = Add(std::nullopt, "PK");
  const auto village = Add(root.id, "V1");
  auto h = Household(
      village,
      {PersonInput{.name = "Amina", .sex = "f", .birth_date = "2020-06-15", .relation = "head"},
       PersonInput{.name = "Bibi", .sex = "f", .birth_date = "1965-06-16", .relation = "parent"}});
  ASSERT_TRUE(h) << h.error().message;
  InstitutionService institutions(*uow_, clock_);
  auto shg = NewInstitution("SHG", village, "SHG", "2025-01-01");
  ASSERT_TRUE(shg) << shg.error().message;
  for (const auto& p : h->people) {
    auto m = institutions.AddMember(
        system_, shg->institution.id,
        MemberInput{.person_id = p.id, .role = "member", .joined_on = "2025-01-01"});
    ASSERT_TRUE(m) << m.error().message;
  }
  auto bands_on = [&](const char* day) {
    const FixedClock clock(day);
    std::vector<std::string> out;
    for (const auto& c : uow_->Begin(false)->Rollups().Members(root.path, clock.Today()))
      out.push_back(c.sex + " " + c.age_band + " " + std::to_string(c.count));
    return out;
  };
  // The day before Amina's fifth and Bibi's sixtieth birthdays, then the birthdays.
  EXPECT_EQ(bands_on("2025-06-14"), (std::vector<std::string>{"f 0-4 1", "f 18-59 1"}));
  EXPECT_EQ(bands_on("2025-06-15"), (std::vector<std::string>{"f 18-59 1", "f 5-11 1"}));
  EXPECT_EQ(bands_on("2025-06-16"), (std::vector<std::string>{"f 5-11 1", "f 60+ 1"}));
}

INSTANTIATE_TEST_SUITE_P(Backends, RollupMembersTest, testing::ValuesIn(test::AllDialects()),
                         test::DialectParamName());

}  // namespace
}  // namespace mobilise::storage
