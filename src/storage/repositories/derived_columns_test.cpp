// The columns the repositories keep for the indicators (migration 0014) over the real SQL
// repositories, on SQLite and on PostgreSQL: household.registered_on, a household member's band
// and poor flag on its memberships, and each count cell's named attendees, equal to what the
// rows give after every write that changes what they are derived from: a household created and
// its poverty score changed, the band set changed, two households merged, an activity's counts
// and attendees changed, a named person's sex, age and disability corrected; and (0015) whether a
// membership's household or person is in another membership too.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "core/id.hpp"
#include "domain/activities/activity_service.hpp"
#include "domain/registry/institution_service.hpp"
#include "domain/registry/registry_config_service.hpp"
#include "storage/repositories/activity_rollup.hpp"
#include "storage/repositories/registry_repositories.hpp"
#include "storage/repositories/service_test_support.hpp"

namespace mobilise::storage {
namespace {

using namespace domain;

class DerivedColumnsTest : public test::ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    root_ = Add(std::nullopt, "PK");
    v1_ = Add(root_.id, "V1");
  }

  // Every kept column against its rows; the count cells' against a recount made in a transaction
  // that is rolled back.
  void ExpectDerivedRight(const std::string& when) {
    SCOPED_TRACE(when);
    auto conn = db_->Acquire();
    EXPECT_EQ(
        conn->Query(
                "SELECT COUNT(*) FROM household WHERE registered_on IS NULL OR registered_on <> "
                "CASE WHEN psc_date IS NOT NULL AND psc_date < substr(created_at, 1, 10) "
                "THEN psc_date ELSE substr(created_at, 1, 10) END")[0]
            .Int(0),
        0)
        << "households whose registered_on is not their survey or creation day";
    EXPECT_EQ(
        conn->Query(
                "SELECT COUNT(*) FROM membership m LEFT JOIN household h ON h.id = m.household_id "
                "WHERE COALESCE(m.member_band, '-') <> COALESCE(h.poverty_band, '-') OR "
                "m.member_poor <> COALESCE(h.poor, 0)")[0]
            .Int(0),
        0)
        << "memberships whose band is not their household's";
    EXPECT_EQ(conn->Query("SELECT COUNT(*) FROM membership m WHERE m.member_repeated <> CASE WHEN "
                          "EXISTS (SELECT 1 FROM membership o WHERE o.id <> m.id AND "
                          "o.household_id = m.household_id) OR "
                          "EXISTS (SELECT 1 FROM membership o WHERE o.id <> m.id AND o.person_id = "
                          "m.person_id) "
                          "THEN 1 ELSE 0 END")[0]
                  .Int(0),
              0)
        << "memberships whose member_repeated does not say whether their household or person is in "
           "another";
    auto cells = [&] {
      auto rs = conn->Query(
          "SELECT activity_id, sex, age_band, disability, named FROM activity_count "
          "ORDER BY activity_id, sex, age_band, disability");
      std::vector<std::string> out;
      for (std::size_t i = 0; i < rs.size(); ++i)
        out.push_back(rs[i].Str(0) + "|" + rs[i].Str(1) + "|" + rs[i].Str(2) + "|" + rs[i].Str(3) +
                      "|" + rs[i].Str(4));
      return out;
    };
    const auto stored = cells();
    conn->Begin(true);
    RefreshNamedInCounts(*conn, "SELECT id FROM activity", {});
    const auto recounted = cells();
    conn->Rollback();
    EXPECT_EQ(stored, recounted);
  }

  std::int64_t Named(const std::string& activity_id, const std::string& sex,
                     const std::string& band) {
    auto conn = db_->Acquire();
    auto rs = conn->Query(
        "SELECT named FROM activity_count WHERE activity_id = ? AND sex = ? AND age_band = ? "
        "AND disability = 0",
        {activity_id, sex, band});
    return rs.size() ? rs[0].Int(0) : -1;
  }

  Area root_, v1_;
};

TEST_P(DerivedColumnsTest, HouseholdsAndTheirMembershipsFollowScoresBandsAndMerges) {
  HouseholdService households(*uow_, clock_);
  InstitutionService institutions(*uow_, clock_);
  auto a =
      Household(v1_, {PersonInput{.name = "Amina", .sex = "f", .relation = "head", .age = 30}});
  auto b = Household(v1_, {PersonInput{.name = "Bibi", .sex = "f", .relation = "head", .age = 40}});
  ASSERT_TRUE(a && b);
  ExpectDerivedRight("created without a score");
  // A score surveyed before the record was made: registered on the survey day, extremely poor.
  auto scored = households.Update(system_, a->household.id, a->household.version,
                                  HouseholdInput{.psc_date = "2025-03-01", .psc_score = 8});
  ASSERT_TRUE(scored) << scored.error().message;
  ExpectDerivedRight("scored");
  auto co = NewInstitution("CO", v1_, "Women's CO", "2025-04-01");
  ASSERT_TRUE(co) << co.error().message;
  for (const auto* h : {&scored->household, &b->household}) {
    auto m = institutions.AddMember(
        system_, co->institution.id,
        MemberInput{.household_id = h->id, .role = "member", .joined_on = "2025-04-01"});
    ASSERT_TRUE(m) << m.error().message;
  }
  ExpectDerivedRight("members");
  // Amina, her household's representative in the CO, joins a self-help group herself: both her
  // rows are repeated, the other household's stays single.
  auto shg = NewInstitution("SHG", v1_, "SHG", "2025-04-01");
  ASSERT_TRUE(shg) << shg.error().message;
  auto amina = institutions.AddMember(system_, shg->institution.id,
                                      MemberInput{.person_id = scored->household.head_person_id,
                                                  .role = "member",
                                                  .joined_on = "2025-05-01"});
  ASSERT_TRUE(amina) << amina.error().message;
  ExpectDerivedRight("a representative joins a group herself");
  {
    auto conn = db_->Acquire();
    EXPECT_EQ(conn->Query("SELECT SUM(member_repeated), COUNT(*) FROM membership")[0].Int(0), 2);
  }
  {
    auto conn = db_->Acquire();
    EXPECT_EQ(conn->Query("SELECT member_band, member_poor FROM membership WHERE household_id = ?",
                          {scored->household.id})[0]
                  .Str(0),
              "extremely_poor");
  }
  // The score goes up: the membership follows its household out of the poor bands.
  scored = households.Update(system_, scored->household.id, scored->household.version,
                             HouseholdInput{.psc_score = 60});
  ASSERT_TRUE(scored) << scored.error().message;
  ExpectDerivedRight("score changed");
  // New bands from a date before the survey: every household and membership re-derived.
  PovertyBandSet set{
      "2020-01-01",
      "test",
      {{"poor", "Poor", std::nullopt, 0, true}, {"rich", "Rich", std::nullopt, 70, false}}};
  ASSERT_TRUE(RegistryConfigService(*uow_, clock_).SaveBandSet(system_, set));
  ExpectDerivedRight("bands changed");
  {
    auto conn = db_->Acquire();
    auto rs = conn->Query("SELECT member_band, member_poor FROM membership WHERE household_id = ?",
                          {scored->household.id});
    EXPECT_EQ(rs[0].Str(0), "poor");
    EXPECT_EQ(rs[0].Int(1), 1);
  }
  // The two merged: the other's membership moves to the kept household and takes its band.
  auto c =
      Household(v1_, {PersonInput{.name = "Chaman", .sex = "m", .relation = "head", .age = 50}});
  ASSERT_TRUE(c);
  auto c_scored = households.Update(system_, c->household.id, c->household.version,
                                    HouseholdInput{.psc_date = "2025-01-01", .psc_score = 90});
  ASSERT_TRUE(c_scored) << c_scored.error().message;
  // Chaman's household was in a CO of its own: merged with Bibi's, the kept household is in two.
  auto co2 = NewInstitution("CO", v1_, "Men's CO", "2025-04-01", "men");
  ASSERT_TRUE(co2) << co2.error().message;
  auto left = institutions.AddMember(
      system_, co2->institution.id,
      MemberInput{
          .household_id = c_scored->household.id, .role = "member", .joined_on = "2025-04-01"});
  ASSERT_TRUE(left) << left.error().message;
  ASSERT_TRUE(
      institutions.UpdateMember(system_, co2->institution.id, left->membership.id,
                                MemberPatch{.left_on = "2025-06-01", .left_reason = "moved"}));
  auto merged = households.Merge(system_, c_scored->household.id, c_scored->household.version,
                                 b->household.id);
  ASSERT_TRUE(merged) << merged.error().message;
  ExpectDerivedRight("merged");
  {
    auto conn = db_->Acquire();
    EXPECT_EQ(conn->Query("SELECT SUM(member_repeated) FROM membership WHERE household_id = ?",
                          {c_scored->household.id})[0]
                  .Int(0),
              2);
  }
}

// Two writers at once adding a row each for one household (its CO membership, its woman's SHG
// membership): on PostgreSQL the second waits for the first's lock on the household and then
// marks both rows; without it each counts only its own row and neither is marked.
TEST_P(DerivedColumnsTest, TwoWritersAddingRowsForOneMemberMarkBoth) {
  if (GetParam() != Dialect::kPostgres) GTEST_SKIP() << "SQLite has one writer at a time";
  auto a =
      Household(v1_, {PersonInput{.name = "Amina", .sex = "f", .relation = "head", .age = 30}});
  ASSERT_TRUE(a);
  auto group = [&](const std::string& type) {
    auto made = NewInstitution(type, v1_, type, "2025-04-01");
    EXPECT_TRUE(made) << made.error().message;
    return made->institution;
  };
  const auto co = group("CO"), shg = group("SHG");
  auto row = [&](const Institution& i) {
    Membership m;
    m.id = NewId();
    m.institution_id = i.id;
    m.type = i.type;
    m.area_path = i.area_path;
    m.household_id = a->household.id;
    m.person_id = a->household.head_person_id;
    m.role = "member";
    m.joined_on = "2025-05-01";
    m.created_at = m.updated_at = "2025-05-01T00:00:00Z";
    return m;
  };
  {
    auto first = db_->Acquire(), second = db_->Acquire();
    first->Begin(true);
    SqlInstitutionRepository(*first).InsertMembership(row(co));
    std::thread other([&] {
      second->Begin(true);
      SqlInstitutionRepository(*second).InsertMembership(row(shg));
      second->Commit();
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the other is waiting by now
    first->Commit();
    other.join();
  }
  ExpectDerivedRight("two writers at once");
  EXPECT_EQ(db_->Acquire()->Query("SELECT SUM(member_repeated) FROM membership")[0].Int(0), 2);
}

TEST_P(DerivedColumnsTest, CountCellsKnowTheirNamedAttendees) {
  test::NoBlobs blobs;
  ActivityService activities(*uow_, clock_, blobs);
  HouseholdService households(*uow_, clock_);
  auto hh =
      Household(v1_, {PersonInput{.name = "Amina", .sex = "f", .relation = "head", .age = 30},
                      PersonInput{.name = "Karim", .sex = "m", .relation = "son", .age = 16}});
  ASSERT_TRUE(hh) << hh.error().message;
  const Person amina = hh->people[0].name == "Amina" ? hh->people[0] : hh->people[1];
  const Person karim = hh->people[0].name == "Karim" ? hh->people[0] : hh->people[1];
  ActivityInput in;
  in.type = "awareness_session";
  in.area_id = v1_.id;
  in.held_on = "2026-01-15";
  in.counts = std::vector<ParticipantCount>{
      {"f", "18-59", false, 4}, {"m", "12-17", false, 2}, {"m", "18-59", false, 3}};
  in.attendance = std::vector<Attendance>{{amina.id}, {karim.id}};
  auto a = activities.Create(system_, in);
  ASSERT_TRUE(a) << a.error().message;
  ExpectDerivedRight("created");
  EXPECT_EQ(Named(a->id, "f", "18-59"), 1);
  EXPECT_EQ(Named(a->id, "m", "12-17"), 1);
  EXPECT_EQ(Named(a->id, "m", "18-59"), 0);
  // Karim's age corrected to an adult on the activity's date: he moves to the other men's cell.
  auto people = households.People(system_, hh->household.id);
  ASSERT_TRUE(people);
  Person k = karim;
  for (const auto& p : *people)
    if (p.id == karim.id) k = p;
  auto older = households.UpdatePerson(system_, hh->household.id, k.id, k.version,
                                       PersonInput{.birth_date = "1990-05-05"});
  ASSERT_TRUE(older) << older.error().message;
  ExpectDerivedRight("birth date corrected");
  EXPECT_EQ(Named(a->id, "m", "12-17"), 0);
  EXPECT_EQ(Named(a->id, "m", "18-59"), 1);
  // Attendees changed: Amina no longer there.
  ActivityInput fix;
  fix.attendance = std::vector<Attendance>{{karim.id}};
  auto r = activities.Update(system_, a->id, a->version, fix);
  ASSERT_TRUE(r) << r.error().message;
  ExpectDerivedRight("attendees changed");
  EXPECT_EQ(Named(a->id, "f", "18-59"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, DerivedColumnsTest, testing::ValuesIn(test::AllDialects()),
                         test::DialectParamName());

}  // namespace
}  // namespace mobilise::storage
