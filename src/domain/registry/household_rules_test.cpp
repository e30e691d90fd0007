#include "domain/registry/household_rules.hpp"

#include <gtest/gtest.h>

#include "core/clock.hpp"

namespace mobilise::domain {
namespace {

TEST(NationalId, MaskedAndNormalised) {
  EXPECT_EQ(MaskNationalId("1234512345671"), "*********5671");
  EXPECT_EQ(MaskNationalId("123"), "***");
  EXPECT_EQ(NormaliseNationalId("12345-1234567-1"), "1234512345671");
  EXPECT_EQ(NormaliseNationalId("ab 12/3"), "AB123");
}

TEST(SimilarHousehold, HeadAndFatherBothClose) {
  auto key = [](const char* h, const char* f) { return HouseholdNameKey(h, f); };
  EXPECT_TRUE(SimilarHousehold(key("Gul Bibi Khan", "Sher Muhammad"),
                               key("gul bibi  kahn", "Sher Mohammad")));
  EXPECT_FALSE(
      SimilarHousehold(key("Gul Bibi Khan", "Sher Muhammad"), key("Gul Bibi Khan", "Noor Ahmad")));
  EXPECT_FALSE(SimilarHousehold(key("Zarina", "Sher Muhammad"), key("Amina", "Sher Muhammad")));
  // Without a father's name the heads must be nearly the same.
  EXPECT_TRUE(SimilarHousehold(key("Amina Afridi", ""), key("Amina Afridi", "")));
  EXPECT_FALSE(SimilarHousehold(key("Amina Afridi", ""), key("Amina Khattak", "")));
}

Person P(std::string sex, std::string relation, std::optional<std::string> birth = std::nullopt) {
  Person p;
  p.sex = std::move(sex);
  p.relation = std::move(relation);
  p.birth_date = std::move(birth);
  return p;
}

TEST(DeriveFlags, StandardFlagsFollowThePeopleOthersStay) {
  Household h;
  h.flags = {"disability", "widow"};  // "disability" no longer true, "widow" configured
  auto head = P("f", "head", "1940-01-01");
  auto son = P("m", "son");
  son.displacement = "idp";
  DeriveFlags(h, {head, son}, "2026-11-23");
  EXPECT_EQ(h.flags,
            (std::vector<std::string>{"widow", "female_headed", "elderly_headed", "displaced"}));
  Household empty;
  empty.flags = {"disability"};
  DeriveFlags(empty, {}, "2026-11-23");  // no people: flags as entered
  EXPECT_EQ(empty.flags, std::vector<std::string>{"disability"});
}

TEST(ApplyPerson, AgeBecomesAnEstimatedBirthDateAndWgNeedsAllAnswers) {
  Person p;
  FieldErrors errors;
  PersonInput in;
  in.name = "Amina";
  in.sex = "f";
  in.relation = "head";
  in.age = 30;
  in.wg = std::array<std::int64_t, 6>{1, 1, 1, 1, 1, 5};
  ApplyPerson(p, in, true, SystemClock().Today(), errors, "people[0].");
  EXPECT_TRUE(p.birth_date_estimated);
  EXPECT_EQ(AgeOn(*p.birth_date, SystemClock().Today()), 30);
  EXPECT_EQ(errors.count("people[0].wg.communication"), 1u);
  errors.clear();
  in.age = 121;
  in.wg.reset();
  ApplyPerson(p, in, true, SystemClock().Today(), errors);
  EXPECT_EQ(errors.count("age"), 1u);
}

// Rules that depend on today read it from the clock the service was given: pinned here at the
// last millisecond of a day and then at the next midnight.
TEST(HouseholdToday, SurveyDateAgeAndElderlyHeadFollowThePinnedClock) {
  FixedClock clock("2026-11-23T23:59:59.999Z");
  const RegistryConfig config;
  HouseholdInput in;
  in.head_name = "Gul Bibi";
  in.psc_score = 10;
  in.psc_date = "2026-11-24";
  Household h;
  FieldErrors errors;
  ApplyHousehold(config, h, in, true, clock.Today(), errors);
  EXPECT_EQ(errors.count("psc_date"), 1u);  // tomorrow
  auto head = P("f", "head", "1966-11-24");
  DeriveFlags(h, {head}, clock.Today());  // 59 until midnight
  EXPECT_EQ(h.flags, std::vector<std::string>{"female_headed"});

  clock.Advance(std::chrono::milliseconds(1));
  errors.clear();
  ApplyHousehold(config, h, in, true, clock.Today(), errors);
  EXPECT_TRUE(errors.empty());
  DeriveFlags(h, {head}, clock.Today());  // 60 today
  EXPECT_EQ(h.flags, (std::vector<std::string>{"female_headed", "elderly_headed"}));

  Person p;
  PersonInput age;
  age.age = 30;
  ApplyPerson(p, age, false, clock.Today(), errors);
  EXPECT_EQ(p.birth_date, "1996-11-24");
  clock.Set(*ParseTimestamp("2028-02-29"));  // born on a 29 February that may not exist
  ApplyPerson(p, age, false, clock.Today(), errors);
  EXPECT_EQ(p.birth_date, "1998-02-28");
}

}  // namespace
}  // namespace mobilise::domain
