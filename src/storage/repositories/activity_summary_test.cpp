// The monthly counts of activities (GET /activities/summary) and the verification queue over the
// real SQL repositories, on SQLite and on PostgreSQL: named-only and topic-less activities
// counted, and the derived data (participants by sex on each activity, activity_rollup by area x
// status x month x type x topic x sex) equal to what the rows give after every kind of write:
// create, update of counts/attendance/topics/date, submit, return, verify, correction, delete, an
// area moved, a person's sex corrected.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>

#include "core/clock.hpp"
#include "core/id.hpp"
#include "domain/activities/activity_service.hpp"
#include "storage/repositories/activity_rollup.hpp"
#include "storage/repositories/service_test_support.hpp"

namespace mobilise::storage {
namespace {

using namespace domain;
using Key = std::tuple<std::string, std::string, std::string, std::string>;  // month type topic sex
using Sums = std::map<Key, std::pair<std::int64_t, std::int64_t>>;           // activities, people

ParticipantCount Count(const char* sex, std::int64_t n, const char* band = "18-59") {
  return {sex, band, false, n};
}

class ActivitySummaryTest : public test::ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    activities_ = std::make_unique<ActivityService>(*uow_, clock_, blobs_);
    areas_ = std::make_unique<AreaService>(*uow_, clock_);
    AddAreas({{&root_, "PK"},
              {&p1_, "P1", &root_},
              {&p2_, "P2", &root_},
              {&d1_, "P1-D1", &p1_},
              {&d2_, "P1-D2", &p1_},
              {&d3_, "P2-D1", &p2_},
              {&v1_, "P1-D1-V1", &d1_},
              {&v2_, "P1-D1-V2", &d1_}});
    author_ = User("author", Role::kMobiliser, root_);
    officer_ = User("officer", Role::kOfficer, root_);
    auto hh =
        Household(v1_, {PersonInput{.name = "Amina", .sex = "f", .relation = "head", .age = 30},
                        PersonInput{.name = "Bibi", .sex = "f", .relation = "daughter", .age = 19},
                        PersonInput{.name = "Karim", .sex = "m", .relation = "son", .age = 21}});
    ASSERT_TRUE(hh) << hh.error().message;
    household_ = hh->household.id;
    for (const auto& p : hh->people) person_[p.name] = p;
  }

  Activity Create(ActivityInput in) {
    if (!in.type) in.type = "awareness_session";
    if (!in.area_id) in.area_id = v1_.id;
    if (!in.held_on) in.held_on = "2026-01-15";
    auto a = activities_->Create(author_, in);
    EXPECT_TRUE(a) << (a ? "" : a.error().message);
    return a ? *a : Activity{};
  }

  Activity Do(const Actor& who, const Activity& a, const std::string& action,
              std::optional<std::string> comment = std::nullopt) {
    auto r = activities_->Transition(who, a.id, action, a.version, comment);
    EXPECT_TRUE(r) << action << ": " << (r ? "" : r.error().message);
    return r ? *r : a;
  }

  Activity Verified(ActivityInput in) {
    auto a = Create(std::move(in));
    return Do(officer_, Do(author_, a, "submit"), "verify");
  }

  Sums Summary(const Area& area, const std::string& from, const std::string& to,
               bool unverified = false) {
    auto r = activities_->MonthlyCounts(system_, area.id, from, to, unverified);
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    Sums out;
    if (!r) return out;
    for (const auto& x : *r) {
      EXPECT_GT(x.activities, 0);
      out[{x.month, x.type, x.topic.value_or("(none)"), x.sex}] = {x.activities, x.participants};
    }
    return out;
  }

  // The same figures straight from the activity rows (what the roll-up must agree with).
  Sums FromRows(const Area& area, const std::string& from, const std::string& to,
                bool unverified = false) {
    auto conn = db_->Acquire();
    const auto range = SubtreeRange(area.path);
    auto rs = conn->Query(
        std::string("SELECT substr(x.held_on, 1, 7), x.type, COALESCE(t.topic, '(none)'), s.sex, "
                    "COUNT(*), SUM(CASE s.sex WHEN 'f' THEN x.participants_f WHEN 'm' THEN "
                    "x.participants_m ELSE x.participants_x END) FROM activity x LEFT JOIN "
                    "activity_topic t ON t.activity_id = x.id CROSS JOIN (SELECT 'f' AS sex UNION "
                    "ALL SELECT 'm' UNION ALL SELECT 'x') s WHERE x.area_path >= ? AND x.area_path "
                    "< ? AND x.held_on >= ? AND x.held_on <= ? AND x.status IN ('verified'") +
            (unverified ? ", 'submitted'" : "") +
            ") AND CASE s.sex WHEN 'f' THEN x.participants_f WHEN 'm' THEN x.participants_m ELSE "
            "x.participants_x END > 0 GROUP BY substr(x.held_on, 1, 7), x.type, COALESCE(t.topic, "
            "'(none)'), s.sex",
        {range.lo, range.hi, from, to});
    Sums out;
    for (std::size_t i = 0; i < rs.size(); ++i)
      out[{rs[i].Str(0), rs[i].Str(1), rs[i].Str(2), rs[i].Str(3)}] = {rs[i].Int(4), rs[i].Int(5)};
    return out;
  }

  static std::vector<std::string> RollupRows(Connection& conn) {
    auto rs = conn.Query(
        "SELECT area_id, status, month, type, topic, sex, activities, participants FROM "
        "activity_rollup ORDER BY area_id, status, month, type, topic, sex");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < rs.size(); ++i) {
      std::string row;
      for (std::size_t c = 0; c < 8; ++c) row += rs[i].Str(c) + "|";
      out.push_back(row);
    }
    return out;
  }

  // Derived data = recomputed from the rows: participants by sex on every activity, and the
  // roll-up equal to a rebuild from scratch (made in a transaction that is rolled back).
  void ExpectDerivedRight(const std::string& when) {
    SCOPED_TRACE(when);
    auto conn = db_->Acquire();
    const auto wrong = conn->Query(
        "SELECT COUNT(*) FROM activity x WHERE participants_f <> CASE WHEN counted_total > 0 THEN "
        "(SELECT COALESCE(SUM(count), 0) FROM activity_count c WHERE c.activity_id = x.id AND "
        "c.sex = 'f') ELSE (SELECT COUNT(*) FROM attendance t JOIN person p ON p.id = t.person_id "
        "WHERE t.activity_id = x.id AND t.attended = 1 AND p.sex = 'f') END OR participants_m <> "
        "CASE WHEN counted_total > 0 THEN (SELECT COALESCE(SUM(count), 0) FROM activity_count c "
        "WHERE c.activity_id = x.id AND c.sex = 'm') ELSE (SELECT COUNT(*) FROM attendance t JOIN "
        "person p ON p.id = t.person_id WHERE t.activity_id = x.id AND t.attended = 1 AND p.sex = "
        "'m') END OR participants_x <> CASE WHEN counted_total > 0 THEN (SELECT "
        "COALESCE(SUM(count), 0) FROM activity_count c WHERE c.activity_id = x.id AND c.sex = "
        "'x') ELSE (SELECT COUNT(*) FROM attendance t JOIN person p ON p.id = t.person_id WHERE "
        "t.activity_id = x.id AND t.attended = 1 AND p.sex = 'x') END");
    EXPECT_EQ(wrong[0].Int(0), 0) << "activities whose participants by sex are not their rows'";
    const auto stored = RollupRows(*conn);
    conn->Begin(true);
    RebuildActivityRollup(*conn);
    const auto rebuilt = RollupRows(*conn);
    conn->Rollback();
    EXPECT_EQ(stored, rebuilt);
    EXPECT_EQ(conn->Query("SELECT COUNT(*) FROM activity_rollup WHERE activities <= 0")[0].Int(0),
              0);
  }

  test::NoBlobs blobs_;
  std::unique_ptr<ActivityService> activities_;
  std::unique_ptr<AreaService> areas_;
  Area root_, p1_, p2_, d1_, d2_, d3_, v1_, v2_;
  Actor author_, officer_;
  std::string household_;
  std::map<std::string, Person> person_;
};

TEST_P(ActivitySummaryTest, CountsNamedOnlyAndTopiclessActivities) {
  ActivityInput counted;  // counts include the two named women
  counted.topics = std::vector<std::string>{"wash", "health"};
  counted.counts =
      std::vector<ParticipantCount>{Count("f", 10), Count("f", 2, "60+"), Count("m", 3)};
  counted.attendance = std::vector<Attendance>{{person_["Amina"].id}, {person_["Bibi"].id}};
  Verified(counted);
  ActivityInput named;  // nobody counted: the attended named, by their sex; no topic
  named.type = "home_visit";
  named.attendance = std::vector<Attendance>{
      {person_["Amina"].id}, {person_["Karim"].id}, {person_["Bibi"].id, false}};
  Verified(named);
  ActivityInput waiting;
  waiting.topics = std::vector<std::string>{"wash"};
  waiting.counts = std::vector<ParticipantCount>{Count("x", 4)};
  Do(author_, Create(waiting), "submit");
  ActivityInput draft;
  draft.counts = std::vector<ParticipantCount>{Count("f", 50)};
  Create(draft);

  const Sums want{
      {{"2026-01", "awareness_session", "health", "f"}, {1, 12}},
      {{"2026-01", "awareness_session", "health", "m"}, {1, 3}},
      {{"2026-01", "awareness_session", "wash", "f"}, {1, 12}},
      {{"2026-01", "awareness_session", "wash", "m"}, {1, 3}},
      {{"2026-01", "home_visit", "(none)", "f"}, {1, 1}},
      {{"2026-01", "home_visit", "(none)", "m"}, {1, 1}},
  };
  for (const auto& area : {v1_, d1_, p1_, root_}) {
    EXPECT_EQ(Summary(area, "2026-01-01", "2026-01-31"), want) << area.code;
    EXPECT_EQ(Summary(area, "2026-01-10", "2026-01-20"), want) << area.code;  // from the rows
  }
  EXPECT_TRUE(Summary(v2_, "2026-01-01", "2026-01-31").empty());
  EXPECT_TRUE(Summary(p2_, "2026-01-01", "2026-01-31").empty());
  auto with = Summary(d1_, "2026-01-01", "2026-01-31", true);
  EXPECT_EQ(with.size(), want.size() + 1);
  EXPECT_EQ((with[{"2026-01", "awareness_session", "wash", "x"}]),
            std::make_pair(std::int64_t{1}, std::int64_t{4}));
  // No area: the caller's whole scope (the system actor: every root area).
  auto all = activities_->MonthlyCounts(system_, std::nullopt, "2026-01-01", "2026-01-31", false);
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), want.size());
  EXPECT_FALSE(std::any_of(all->begin(), all->end(), [](const auto& x) {
    return x.type == "home_visit" && x.topic.has_value();
  }));
  ExpectDerivedRight("created");
}

TEST_P(ActivitySummaryTest, DerivedDataFollowsEveryChange) {
  ActivityInput in;
  in.topics = std::vector<std::string>{"wash"};
  in.counts = std::vector<ParticipantCount>{Count("f", 5)};
  auto a = Create(in);
  ExpectDerivedRight("draft");
  EXPECT_TRUE(Summary(d1_, "2026-01-01", "2026-01-31", true).empty());
  a = Do(author_, a, "submit");
  ExpectDerivedRight("submitted");
  EXPECT_EQ(Summary(d1_, "2026-01-01", "2026-01-31", true).size(), 1u);
  EXPECT_TRUE(Summary(d1_, "2026-01-01", "2026-01-31").empty());
  a = Do(officer_, a, "return", "Count the men too");
  ExpectDerivedRight("returned");
  EXPECT_TRUE(Summary(d1_, "2026-01-01", "2026-01-31", true).empty());
  // The author fixes it: counts, named participants, topics and the date change.
  ActivityInput fix;
  fix.counts = std::vector<ParticipantCount>{Count("f", 5), Count("m", 2)};
  fix.attendance = std::vector<Attendance>{{person_["Karim"].id}};
  fix.topics = std::vector<std::string>{"health", "livelihoods"};
  auto r = activities_->Update(author_, a.id, a.version, fix);
  ASSERT_TRUE(r) << r.error().message;
  a = Do(officer_, Do(author_, *r, "submit"), "verify");
  ExpectDerivedRight("verified");
  EXPECT_EQ(Summary(p1_, "2026-01-01", "2026-01-31"),
            (Sums{{{"2026-01", "awareness_session", "health", "f"}, {1, 5}},
                  {{"2026-01", "awareness_session", "health", "m"}, {1, 2}},
                  {{"2026-01", "awareness_session", "livelihoods", "f"}, {1, 5}},
                  {{"2026-01", "awareness_session", "livelihoods", "m"}, {1, 2}}}));
  // A supervisor's correction: no counts any more (the named man is counted), another month,
  // another village, no topic.
  ActivityInput correct;
  correct.counts = std::vector<ParticipantCount>{};
  correct.held_on = "2026-02-03";
  correct.area_id = v2_.id;
  correct.topics = std::vector<std::string>{};
  correct.correction_reason = "Entered against the wrong session";
  r = activities_->Update(officer_, a.id, a.version, correct);
  ASSERT_TRUE(r) << r.error().message;
  ExpectDerivedRight("corrected");
  EXPECT_TRUE(Summary(v1_, "2026-01-01", "2026-02-28").empty());
  EXPECT_EQ(Summary(d1_, "2026-01-01", "2026-02-28"),
            (Sums{{{"2026-02", "awareness_session", "(none)", "m"}, {1, 1}}}));
  // A change of notes only leaves the figures alone.
  ActivityInput note;
  note.notes = "photo added";
  note.correction_reason = "Photo";
  r = activities_->Update(officer_, r->id, r->version, note);
  ASSERT_TRUE(r) << r.error().message;
  ExpectDerivedRight("note");
  // Deleted (the repository, as the service deletes only drafts): its figures go.
  {
    auto uow = uow_->Begin(true);
    uow->Activities().Delete(a.id);
    uow->Commit();
  }
  ExpectDerivedRight("deleted");
  EXPECT_TRUE(Summary(root_, "2026-01-01", "2026-02-28", true).empty());
  // A returned draft deleted by its author.
  auto b = Do(officer_, Do(author_, Create(in), "submit"), "return", "again");
  ASSERT_TRUE(activities_->Delete(author_, b.id));
  ExpectDerivedRight("draft deleted");
}

TEST_P(ActivitySummaryTest, AreaMovesCarryTheirTotals) {
  ActivityInput in;
  in.topics = std::vector<std::string>{"wash"};
  in.counts = std::vector<ParticipantCount>{Count("f", 7)};
  Verified(in);
  in.area_id = v2_.id;
  Verified(in);
  const Sums one{{{"2026-01", "awareness_session", "wash", "f"}, {1, 7}}};
  const Sums two{{{"2026-01", "awareness_session", "wash", "f"}, {2, 14}}};
  // A village to another district of the province.
  auto v1 = areas_->Get(system_, v1_.id);
  ASSERT_TRUE(v1);
  auto moved =
      areas_->Update(system_, v1_.id, AreaPatch{.version = v1->area.version, .parent_id = d2_.id});
  ASSERT_TRUE(moved) << moved.error().message;
  ExpectDerivedRight("village moved");
  EXPECT_EQ(Summary(d1_, "2026-01-01", "2026-01-31"), one);
  EXPECT_EQ(Summary(d2_, "2026-01-01", "2026-01-31"), one);
  EXPECT_EQ(Summary(p1_, "2026-01-01", "2026-01-31"), two);
  // A district (with its village and activity) to the other province.
  auto d1 = areas_->Get(system_, d1_.id);
  ASSERT_TRUE(d1);
  moved =
      areas_->Update(system_, d1_.id, AreaPatch{.version = d1->area.version, .parent_id = p2_.id});
  ASSERT_TRUE(moved) << moved.error().message;
  ExpectDerivedRight("district moved");
  EXPECT_EQ(Summary(p1_, "2026-01-01", "2026-01-31"), one);
  EXPECT_EQ(Summary(p2_, "2026-01-01", "2026-01-31"), one);
  EXPECT_EQ(Summary(root_, "2026-01-01", "2026-01-31"), two);
  EXPECT_EQ(Summary(root_, "2026-01-05", "2026-01-25"), two);
}

TEST_P(ActivitySummaryTest, ASexCorrectedInTheRegistryRecountsNamedOnlyActivities) {
  ActivityInput named;
  named.attendance = std::vector<Attendance>{{person_["Karim"].id}, {person_["Amina"].id}};
  Verified(named);
  ActivityInput counted;  // counted: the named man's sex does not matter
  counted.counts = std::vector<ParticipantCount>{Count("f", 3), Count("m", 1)};
  counted.attendance = std::vector<Attendance>{{person_["Karim"].id}};
  counted.topics = std::vector<std::string>{"wash"};
  Verified(counted);
  HouseholdService households(*uow_, clock_);
  auto people = households.People(system_, household_);
  ASSERT_TRUE(people);
  const auto karim = std::find_if(people->begin(), people->end(),
                                  [](const Person& p) { return p.name == "Karim"; });
  ASSERT_NE(karim, people->end());
  // Another change of the person leaves the activities' figures alone.
  std::vector<std::string> rollup;
  {
    auto conn = db_->Acquire();
    rollup = RollupRows(*conn);
  }
  auto renamed = households.UpdatePerson(system_, household_, karim->id, karim->version,
                                         PersonInput{.name = "Karim Khan"});
  ASSERT_TRUE(renamed) << renamed.error().message;
  {
    auto conn = db_->Acquire();
    EXPECT_EQ(RollupRows(*conn), rollup);
  }
  ExpectDerivedRight("renamed");
  auto r = households.UpdatePerson(system_, household_, karim->id, renamed->version,
                                   PersonInput{.sex = "x"});
  ASSERT_TRUE(r) << r.error().message;
  ExpectDerivedRight("sex corrected");
  EXPECT_EQ(Summary(d1_, "2026-01-01", "2026-01-31"),
            (Sums{{{"2026-01", "awareness_session", "(none)", "f"}, {1, 1}},
                  {{"2026-01", "awareness_session", "(none)", "x"}, {1, 1}},
                  {{"2026-01", "awareness_session", "wash", "f"}, {1, 3}},
                  {{"2026-01", "awareness_session", "wash", "m"}, {1, 1}}}));
}

TEST_P(ActivitySummaryTest, PartialMonthsAgreeWithTheRows) {
  // Activities on the first, middle and last days of months, of two statuses and several topics.
  const char* days[] = {"2025-12-31", "2026-01-01", "2026-01-02", "2026-01-15",
                        "2026-01-16", "2026-01-31", "2026-02-01", "2026-02-14",
                        "2026-02-28", "2026-03-01", "2026-03-30", "2026-03-31"};
  int k = 0;
  for (const char* day : days) {
    ActivityInput in;
    in.held_on = day;
    in.area_id = (++k % 2) ? v1_.id : v2_.id;
    if (k % 3) in.topics = std::vector<std::string>{k % 2 ? "wash" : "health"};
    if (k % 4)
      in.counts = std::vector<ParticipantCount>{Count("f", k), Count("m", k % 3)};
    else
      in.attendance = std::vector<Attendance>{{person_["Amina"].id}, {person_["Karim"].id}};
    auto a = Do(author_, Create(in), "submit");
    if (k % 5) Do(officer_, a, "verify");
  }
  ExpectDerivedRight("created");
  const std::pair<const char*, const char*> periods[] = {
      {"2025-12-01", "2026-03-31"}, {"2026-01-01", "2026-01-31"}, {"2026-01-02", "2026-01-30"},
      {"2026-01-16", "2026-02-14"}, {"2026-01-15", "2026-03-01"}, {"2026-01-31", "2026-02-01"},
      {"2026-01-02", "2026-03-30"}, {"2025-12-31", "2026-01-01"}, {"2026-02-01", "2026-02-28"},
      {"2026-02-15", "2026-02-15"}, {"2026-03-02", "2026-03-31"}, {"2026-04-01", "2026-04-30"}};
  for (const auto& [from, to] : periods)
    for (const auto& area : {v1_, d1_, root_})
      for (bool unverified : {false, true})
        EXPECT_EQ(Summary(area, from, to, unverified), FromRows(area, from, to, unverified))
            << area.code << " " << from << ".." << to << (unverified ? " with submitted" : "");
  // This month and the last twelve (the default period) also agree.
  const auto today = SystemClock().Timestamp().substr(0, 10);
  const auto year_ago = std::to_string(std::stoi(today.substr(0, 4)) - 1) + today.substr(4);
  auto r = activities_->MonthlyCounts(system_, d1_.id, std::nullopt, std::nullopt, false);
  ASSERT_TRUE(r);
  EXPECT_EQ(static_cast<std::int64_t>(r->size()),
            static_cast<std::int64_t>(FromRows(d1_, year_ago, today).size()));
}

TEST_P(ActivitySummaryTest, QueueIsNewestFirstWithoutTheCallersOwnAndAnExactTotal) {
  // More than the queue sorts in memory (SQLite then walks the held_on index), some of them the
  // officer's own.
  std::vector<std::pair<std::string, std::string>> want;  // (held_on, id) of others' records
  {
    auto uow = uow_->Begin(true);
    for (int i = 0; i < 2800; ++i) {
      Activity a;
      a.id = NewId();
      a.type = "awareness_session";
      char day[16];
      std::snprintf(day, sizeof day, "2025-%02d-%02d", 1 + i % 12, 1 + i % 28);
      a.held_on = day;
      const bool v2 = i % 20 == 0;
      a.area_id = v2 ? v2_.id : v1_.id;
      a.area_path = v2 ? v2_.path : v1_.path;
      a.status = i % 10 == 0 ? domain::ActivityStatus::kDraft : domain::ActivityStatus::kSubmitted;
      const bool own = i % 7 == 0;
      a.author_id = own ? officer_.user_id : author_.user_id;
      a.counts = {Count("f", 3)};
      a.counted_total = 3;
      a.created_at = a.updated_at = SystemClock().Timestamp();
      uow->Activities().Insert(a);
      if (a.status == domain::ActivityStatus::kSubmitted && !own)
        want.emplace_back(a.held_on, a.id);
    }
    uow->Commit();
  }
  std::sort(want.rbegin(), want.rend());
  ASSERT_GT(want.size(), 2000u);
  ActivityFilter f;
  f.queue = true;
  f.area_id = d1_.id;
  for (std::int64_t offset : {std::int64_t{0}, std::int64_t{50}, std::int64_t{1000},
                              static_cast<std::int64_t>(want.size()) - 10}) {
    f.page = {50, offset};
    auto page = activities_->List(officer_, f);
    ASSERT_TRUE(page) << page.error().message;
    EXPECT_EQ(page->total, static_cast<std::int64_t>(want.size()));
    const auto n = std::min<std::size_t>(50, want.size() - static_cast<std::size_t>(offset));
    ASSERT_EQ(page->items.size(), n) << offset;
    for (std::size_t i = 0; i < n; ++i)
      EXPECT_EQ(page->items[i].id, want[static_cast<std::size_t>(offset) + i].second);
  }
  // A village with a few: sorted in memory, the same rule.
  f.area_id = v2_.id;
  f.page = {500, 0};
  auto page = activities_->List(officer_, f);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->total, static_cast<std::int64_t>(page->items.size()));
  EXPECT_TRUE(std::none_of(page->items.begin(), page->items.end(),
                           [&](const Activity& a) { return a.author_id == officer_.user_id; }));
  EXPECT_TRUE(std::is_sorted(page->items.begin(), page->items.end(),
                             [](const Activity& a, const Activity& b) {
                               return std::tie(a.held_on, a.id) > std::tie(b.held_on, b.id);
                             }));
  ExpectDerivedRight("queue");
}

INSTANTIATE_TEST_SUITE_P(Backends, ActivitySummaryTest, testing::ValuesIn(test::AllDialects()),
                         test::DialectParamName());

}  // namespace
}  // namespace mobilise::storage
