#include "domain/registry/household_rules.hpp"

#include <gtest/gtest.h>

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
  DeriveFlags(h, {head, son});
  EXPECT_EQ(h.flags,
            (std::vector<std::string>{"widow", "female_headed", "elderly_headed", "displaced"}));
  Household empty;
  empty.flags = {"disability"};
  DeriveFlags(empty, {});  // no people: flags as entered
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
  ApplyPerson(p, in, true, errors, "people[0].");
  EXPECT_TRUE(p.birth_date_estimated);
  EXPECT_EQ(AgeOn(*p.birth_date, TodayDate()), 30);
  EXPECT_EQ(errors.count("people[0].wg.communication"), 1u);
  errors.clear();
  in.age = 121;
  in.wg.reset();
  ApplyPerson(p, in, true, errors);
  EXPECT_EQ(errors.count("age"), 1u);
}

}  // namespace
}  // namespace mobilise::domain
