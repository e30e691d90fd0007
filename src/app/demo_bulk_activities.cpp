#include "app/demo_bulk_activities.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <random>

#include "core/clock.hpp"
#include "core/id.hpp"
#include "storage/repositories/activity_rollup.hpp"

namespace mobilise::app {
namespace {

using storage::Param;

constexpr std::int64_t kActivitiesPerTransaction = 20000;
constexpr std::size_t kRowsPerStatement = 100;

// Rows for one table, written `kRowsPerStatement` at a time with one multi-row INSERT (a cached
// prepared statement). Flush(false) leaves a remainder of less than a statement for later;
// Flush(true) writes it row by row.
class Batch {
 public:
  Batch(storage::Connection& conn, const std::string& head, std::size_t columns)
      : conn_(conn), columns_(columns) {
    std::string row = "(";
    for (std::size_t i = 0; i < columns; ++i) row += i == 0 ? "?" : ",?";
    row += ")";
    one_ = head + " VALUES " + row;
    many_ = head + " VALUES " + row;
    for (std::size_t i = 1; i < kRowsPerStatement; ++i) many_ += "," + row;
  }

  void Add(std::initializer_list<Param> row) {
    for (const auto& p : row) params_.push_back(p);
    ++rows_;
    ++total_;
  }

  void Flush(bool all) {
    const std::size_t chunk = columns_ * kRowsPerStatement;
    std::size_t at = 0;
    for (; rows_ >= kRowsPerStatement; rows_ -= kRowsPerStatement, at += chunk)
      conn_.Execute(many_, std::span<const Param>(params_.data() + at, chunk));
    if (all) {
      for (; rows_ > 0; --rows_, at += columns_)
        conn_.Execute(one_, std::span<const Param>(params_.data() + at, columns_));
    }
    params_.erase(params_.begin(), params_.begin() + static_cast<std::ptrdiff_t>(at));
  }

  std::size_t rows() const { return rows_; }
  std::int64_t total() const { return total_; }

 private:
  storage::Connection& conn_;
  std::string one_, many_;
  std::size_t columns_;
  std::vector<Param> params_;
  std::size_t rows_ = 0;
  std::int64_t total_ = 0;
};

struct Village {
  std::string id, path, code;
};

struct Course {
  std::string id, topic;
  double test_max = 0;
};

Param Opt(const std::optional<std::string>& v) { return v ? Param(*v) : Param(); }

}  // namespace

Result<ActivityCounts> GenerateBulkActivities(storage::Database& db, std::int64_t activities,
                                              int years, std::uint64_t seed) {
  if (activities < 0 || activities > 50'000'000)
    return Fail(Error::Field("activities", "must be between 0 and 50,000,000"));
  if (years < 1 || years > 20)
    return Fail(Error::Field("activity_years", "must be between 1 and 20"));
  ActivityCounts counts;
  if (activities == 0) return counts;
  auto conn = db.Acquire();
  const bool sqlite = conn->dialect() == storage::Dialect::kSqlite;

  std::vector<Village> villages;
  {
    auto rs = conn->Query("SELECT id, path, code FROM area WHERE level = 5 ORDER BY path");
    for (std::size_t i = 0; i < rs.size(); ++i)
      villages.push_back({rs[i].Str(0), rs[i].Str(1), rs[i].Str(2)});
  }
  if (villages.empty())
    return Fail(Error::Conflict("the database holds no villages: run demo first"));
  std::map<std::string, std::string> staff;
  {
    auto rs = conn->Query("SELECT username, id FROM app_user");
    for (std::size_t i = 0; i < rs.size(); ++i) staff[rs[i].Str(0)] = rs[i].Str(1);
  }
  auto user = [&](const char* name) -> std::optional<std::string> {
    auto it = staff.find(name);
    return it == staff.end() ? std::nullopt : std::optional(it->second);
  };
  std::vector<Course> courses;  // the community courses (trainings in villages)
  {
    auto rs = conn->Query(
        "SELECT id, topics, test_max FROM course WHERE audience = 'community' AND test_max IS NOT "
        "NULL ORDER BY code");
    for (std::size_t i = 0; i < rs.size(); ++i) {
      std::string topic = rs[i].Str(1);
      topic = topic.substr(0, topic.find(' '));
      courses.push_back({rs[i].Str(0), topic, rs[i].Real(2)});
    }
  }

  std::mt19937_64 rng(seed * 15485863 + 7);
  auto U = [&] { return std::uniform_real_distribution<double>(0, 1)(rng); };
  const std::string now = NowTimestamp();
  const auto now_tp = *ParseTimestamp(now);
  const int days = 365 * years;
  std::vector<std::string> day(days + 1);  // day[k]: the date k days before today
  for (int k = 0; k <= days; ++k)
    day[k] = FormatTimestamp(now_tp - std::chrono::hours(24 * k)).substr(0, 10);
  const std::string adult_born_before =  // adults: 18 and over
      FormatTimestamp(now_tp - std::chrono::hours(24 * (365 * 18 + 4))).substr(0, 10);
  const std::string recent = day[30];

  // Each village's share: about one activity a month in ordinary villages, more in the demo
  // logins' union councils (as in the realistic year), scaled to the total asked for.
  std::vector<double> weight(villages.size());
  double total_weight = 0;
  for (std::size_t v = 0; v < villages.size(); ++v) {
    const auto& c = villages[v].code;
    const bool demo_uc = c.rfind("P1-D1-T1-U1-", 0) == 0 || c.rfind("P2-D1-T1-U1-", 0) == 0;
    weight[v] = (demo_uc ? 18 : 8) + static_cast<double>(rng() % 8);
    total_weight += weight[v];
  }

  if (sqlite) conn->ExecuteScript("PRAGMA synchronous=OFF; PRAGMA cache_size=-524288;");
  Batch activity_rows(
      *conn,
      "INSERT INTO activity (id, type, title, held_on, start_time, end_time, area_id, "
      "area_path, place, status, author_id, submitted_at, verified_by, verified_at, "
      "return_comment, decisions, follow_up, notes, counted_total, named_total, "
      "participants_f, participants_m, participants_x, version, created_at, "
      "created_by, updated_at, updated_by, course_id)",
      29);
  Batch topic_rows(*conn, "INSERT INTO activity_topic (activity_id, topic)", 2);
  Batch facilitator_rows(
      *conn, "INSERT INTO activity_facilitator (activity_id, position, user_id, name)", 4);
  Batch count_rows(*conn,
                   "INSERT INTO activity_count (activity_id, sex, age_band, disability, count)", 5);
  Batch attendance_rows(
      *conn, "INSERT INTO attendance (activity_id, person_id, attended, pre_score, post_score)", 5);
  // The activities before their parts (foreign keys are checked row by row).
  auto flush = [&](bool all) {
    activity_rows.Flush(true);
    for (auto* b : {&topic_rows, &facilitator_rows, &count_rows, &attendance_rows}) b->Flush(all);
  };

  std::vector<domain::ParticipantCount> cs;
  std::vector<std::size_t> named;
  std::vector<std::string> women, men;  // adults of the village (men: everyone not f)
  std::vector<char> men_sex;
  double cumulative = 0;
  std::int64_t made = 0, next_report = activities / 10;
  const auto t0 = std::chrono::steady_clock::now();
  conn->Begin(true);
  try {
    for (std::size_t v = 0; v < villages.size(); ++v) {
      const auto& village = villages[v];
      const std::int64_t before = std::llround(activities * cumulative / total_weight);
      cumulative += weight[v];
      const std::int64_t n = std::llround(activities * cumulative / total_weight) - before;
      if (n <= 0) continue;
      const bool pashto = village.code.rfind("P1", 0) == 0;
      const std::string& c = village.code;
      const auto author = c.rfind("P1-D1-T1-U1-", 0) == 0   ? user("mobiliser.u1")
                          : c.rfind("P2-D1-T1-U1-", 0) == 0 ? user("mobiliser.u2")
                                                            : std::nullopt;
      const auto verifier = c.rfind("P1-D1-T1-", 0) == 0 ? user("officer.t1") : std::nullopt;
      women.clear();
      men.clear();
      men_sex.clear();
      auto people = conn->Query(
          "SELECT id, sex, birth_date FROM person WHERE area_path = ? AND deleted_at IS NULL",
          {village.path});
      for (std::size_t i = 0; i < people.size(); ++i)
        if (people[i].Str(2) < adult_born_before) {
          if (people[i].Text(1) == "f") {
            women.push_back(people[i].Str(0));
          } else {
            men.push_back(people[i].Str(0));
            men_sex.push_back(people[i].Text(1) == "m" ? 'm' : 'x');
          }
        }

      for (std::int64_t k = 0; k < n; ++k) {
        const std::string id = NewId();
        std::string type = PickActivityType(rng, pashto);
        const std::string& held_on =
            day[1 + static_cast<int>(rng() % static_cast<std::uint64_t>(days - 1))];
        const bool morning = U() < 0.5;
        std::string topic = PickActivityTopic(rng);
        const bool women_session = U() < 0.6;
        const auto& pool = women_session ? women : men;
        cs.clear();
        std::size_t want;  // named participants
        if (type == "home_visit") {
          const std::int64_t visited = 1 + static_cast<std::int64_t>(rng() % 3);
          // Half the home visits name the people visited and count no one (the summary counts
          // them by their sex in the registry).
          if (U() < 0.5 || pool.empty())
            cs.push_back({women_session ? "f" : "m", "18-59", false, visited});
          want = static_cast<std::size_t>(visited);
        } else {
          AddSessionCounts(rng, women_session, cs);
          want = type == "training" ? 6 + rng() % 8 : 4 + rng() % 10;
        }
        const Course* course = nullptr;
        if (type == "training") {
          if (courses.empty() || pool.empty()) {
            type = "awareness_session";
          } else {
            course = &courses[rng() % courses.size()];
            topic = course->topic;
            ++counts.trainings;
          }
        }
        // Named participants: distinct adults of the session's sex from the village.
        want = std::min(want, pool.size());
        named.clear();
        while (named.size() < want) {
          const std::size_t i = rng() % pool.size();
          if (std::find(named.begin(), named.end(), i) == named.end()) named.push_back(i);
        }
        std::int64_t named_total = 0;
        std::int64_t named_sex[3] = {0, 0, 0};  // f, m, x of the attended named
        for (std::size_t i = 0; i < named.size(); ++i) {
          const bool attended = course == nullptr || U() < 0.95;
          named_total += attended ? 1 : 0;
          if (attended) ++named_sex[women_session ? 0 : men_sex[named[i]] == 'm' ? 1 : 2];
          Param pre, post;
          if (course != nullptr) {
            const double p = std::round(U() * course->test_max * 0.6);
            pre = p;
            post = std::min(course->test_max, p + std::round(U() * (course->test_max - p)));
          }
          attendance_rows.Add({id, pool[named[i]], std::int64_t{attended ? 1 : 0}, pre, post});
        }
        std::int64_t counted_total = 0;
        for (const auto& x : cs) counted_total += x.count;
        if (!cs.empty() && counted_total < named_total) {  // everyone named is counted too
          cs.front().count += named_total - counted_total;
          counted_total = named_total;
        }
        // Participants by sex (storage/repositories/activity_rollup.hpp): the counts, or with
        // none counted the attended named participants.
        std::int64_t by_sex[3] = {named_sex[0], named_sex[1], named_sex[2]};
        if (counted_total > 0) {
          by_sex[0] = by_sex[1] = by_sex[2] = 0;
          for (const auto& x : cs) by_sex[x.sex[0] == 'f' ? 0 : x.sex[0] == 'm' ? 1 : 2] += x.count;
        }
        for (const auto& x : cs)
          count_rows.Add({id, x.sex, x.age_band, std::int64_t{x.disability ? 1 : 0}, x.count});
        if (course != nullptr || U() >= 0.03) topic_rows.Add({id, topic});  // a few without a topic
        facilitator_rows.Add({id, std::int64_t{0}, Param(),
                              std::string(U() < 0.5 ? "Social mobiliser" : "Lady health worker")});
        // A running programme: most verified, some waiting, a few returned or still drafts.
        std::string status = PickActivityStatus(rng);
        if (recent < held_on && status == "verified" && U() < 0.5) status = "submitted";
        const bool submitted = status != "draft", verified = status == "verified";
        activity_rows.Add({id,
                           type,
                           Param(),
                           held_on,
                           std::string(morning ? "10:00" : "14:00"),
                           std::string(morning ? "11:30" : "15:30"),
                           village.id,
                           village.path,
                           std::string(U() < 0.5 ? "Village hujra" : "Community school"),
                           status,
                           Opt(author),
                           submitted ? Param(held_on + "T18:00:00.000Z") : Param(),
                           verified ? Opt(verifier) : Param(),
                           verified ? Param(held_on + "T20:00:00.000Z") : Param(),
                           status == "returned"
                               ? Param(std::string("Please add the attendance sheet photo"))
                               : Param(),
                           std::string("Members agreed to follow up at the next meeting"),
                           Param(),
                           Param(),
                           counted_total,
                           named_total,
                           by_sex[0],
                           by_sex[1],
                           by_sex[2],
                           std::int64_t{1},
                           now,
                           Opt(author),
                           now,
                           Param(),
                           course != nullptr ? Param(course->id) : Param()});
        ++counts.activities;
        counts.participants += counted_total;
        if (activity_rows.rows() == kRowsPerStatement) flush(false);
        if (++made % kActivitiesPerTransaction == 0) {
          flush(true);
          conn->Commit();
          conn->Begin(true);
        }
        if (made == next_report) {
          const double s =
              std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
          spdlog::info("demo: {} of {} activities in {:.0f} s", made, activities, s);
          next_report += activities / 10;
        }
      }
    }
    flush(true);
    conn->Commit();
    // The monthly counts' roll-up and the count cells' named attendees, from the rows just
    // written (in bulk: one statement each).
    const auto r0 = std::chrono::steady_clock::now();
    conn->Begin(true);
    storage::RebuildActivityRollup(*conn);
    // The named attendees in each count cell, for the participant indicators.
    storage::RefreshNamedInCounts(
        *conn, "SELECT id FROM activity WHERE counted_total > 0 AND named_total > 0", {});
    conn->Commit();
    spdlog::info("demo: activity roll-up in {:.0f} s",
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - r0).count());
  } catch (...) {
    conn->Rollback();
    throw;
  }
  if (sqlite) conn->ExecuteScript("PRAGMA synchronous=NORMAL; PRAGMA cache_size=-16384;");
  counts.attendance = attendance_rows.total();
  counts.count_rows = count_rows.total();
  return counts;
}

}  // namespace mobilise::app
