#include "app/demo_bulk_activities.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <random>

#include "app/demo_people.hpp"
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

std::vector<Village> LoadVillages(storage::Connection& conn) {
  std::vector<Village> villages;
  auto rs = conn.Query("SELECT id, path, code FROM area WHERE level = 5 ORDER BY path");
  for (std::size_t i = 0; i < rs.size(); ++i)
    villages.push_back({rs[i].Str(0), rs[i].Str(1), rs[i].Str(2)});
  return villages;
}

std::map<std::string, std::string> LoadStaff(storage::Connection& conn) {
  std::map<std::string, std::string> staff;  // username -> id
  auto rs = conn.Query("SELECT username, id FROM app_user");
  for (std::size_t i = 0; i < rs.size(); ++i) staff[rs[i].Str(0)] = rs[i].Str(1);
  return staff;
}

// The community courses (trainings in villages).
std::vector<Course> LoadCourses(storage::Connection& conn) {
  std::vector<Course> courses;
  auto rs = conn.Query(
      "SELECT id, topics, test_max FROM course WHERE audience = 'community' AND test_max IS NOT "
      "NULL ORDER BY code");
  for (std::size_t i = 0; i < rs.size(); ++i) {
    std::string topic = rs[i].Str(1);
    topic = topic.substr(0, topic.find(' '));
    courses.push_back({rs[i].Str(0), topic, rs[i].Real(2)});
  }
  return courses;
}

// An activity as drawn, before its participants are named.
struct Drawn {
  std::string id, type, held_on, topic;
  bool morning = false, women_session = false;
  std::vector<domain::ParticipantCount> counts;
  std::size_t want = 0;  // named participants
  const Course* course = nullptr;
};

// The activities of the villages, drawn in the realistic year's proportions and added to the
// batches of their tables.
class BulkWriter {
 public:
  BulkWriter(storage::Connection& conn, std::uint64_t seed, const std::string& now, int years,
             std::vector<Course> courses, std::map<std::string, std::string> staff)
      : rng_(seed * 15485863 + 7),
        now_(now),
        days_(365 * years),
        courses_(std::move(courses)),
        staff_(std::move(staff)),
        activity_rows_(conn,
                       "INSERT INTO activity (id, type, title, held_on, start_time, end_time, "
                       "area_id, area_path, place, status, author_id, submitted_at, verified_by, "
                       "verified_at, return_comment, decisions, follow_up, notes, counted_total, "
                       "named_total, participants_f, participants_m, participants_x, version, "
                       "created_at, created_by, updated_at, updated_by, course_id)",
                       29),
        topic_rows_(conn, "INSERT INTO activity_topic (activity_id, topic)", 2),
        facilitator_rows_(
            conn, "INSERT INTO activity_facilitator (activity_id, position, user_id, name)", 4),
        count_rows_(
            conn, "INSERT INTO activity_count (activity_id, sex, age_band, disability, count)", 5),
        attendance_rows_(
            conn,
            "INSERT INTO attendance (activity_id, person_id, attended, pre_score, post_score)", 5) {
    const auto now_tp = *ParseTimestamp(now);
    day_.resize(days_ + 1);  // day_[k]: the date k days before today
    for (int k = 0; k <= days_; ++k)
      day_[k] = FormatTimestamp(now_tp - std::chrono::hours(24 * k)).substr(0, 10);
    adult_born_before_ =  // adults: 18 and over
        FormatTimestamp(now_tp - std::chrono::hours(24 * (365 * 18 + 4))).substr(0, 10);
    recent_ = day_[30];
  }

  ActivityCounts counts;

  // Each village's share: about one activity a month in ordinary villages, more in the demo
  // logins' union councils (as in the realistic year).
  std::vector<double> Weights(const std::vector<Village>& villages) {
    std::vector<double> weight(villages.size());
    for (std::size_t v = 0; v < villages.size(); ++v) {
      const auto& c = villages[v].code;
      const bool demo_uc = c.rfind("P1-D1-T1-U1-", 0) == 0 || c.rfind("P2-D1-T1-U1-", 0) == 0;
      weight[v] = (demo_uc ? 18 : 8) + static_cast<double>(rng_() % 8);
    }
    return weight;
  }

  // The village's adults, as participants to name, and its author and verifier.
  void StartVillage(storage::Connection& conn, const Village& village) {
    village_ = &village;
    const std::string& c = village.code;
    pashto_ = c.rfind("P1", 0) == 0;
    author_ = c.rfind("P1-D1-T1-U1-", 0) == 0   ? User("mobiliser.u1")
              : c.rfind("P2-D1-T1-U1-", 0) == 0 ? User("mobiliser.u2")
                                                : std::nullopt;
    verifier_ = c.rfind("P1-D1-T1-", 0) == 0 ? User("officer.t1") : std::nullopt;
    women_.clear();
    men_.clear();
    men_sex_.clear();
    auto people = conn.Query(
        "SELECT id, sex, birth_date FROM person WHERE area_path = ? AND deleted_at IS NULL",
        {village.path});
    for (std::size_t i = 0; i < people.size(); ++i)
      if (people[i].Str(2) < adult_born_before_) {
        if (people[i].Text(1) == kFemale) {
          women_.push_back(people[i].Str(0));
        } else {
          men_.push_back(people[i].Str(0));
          men_sex_.push_back(people[i].Text(1) == kMale ? 'm' : 'x');
        }
      }
  }

  void Activity() {
    Drawn d = Draw();
    const auto& pool = d.women_session ? women_ : men_;
    std::int64_t named_sex[3] = {0, 0, 0};  // f, m, x of the attended named
    const std::int64_t named_total = Name(d, pool, named_sex);
    std::int64_t counted_total = 0;
    for (const auto& x : d.counts) counted_total += x.count;
    if (!d.counts.empty() && counted_total < named_total) {  // everyone named is counted too
      d.counts.front().count += named_total - counted_total;
      counted_total = named_total;
    }
    // Participants by sex (storage/repositories/activity_rollup.hpp): the counts, or with none
    // counted the attended named participants.
    std::int64_t by_sex[3] = {named_sex[0], named_sex[1], named_sex[2]};
    if (counted_total > 0) {
      by_sex[0] = by_sex[1] = by_sex[2] = 0;
      for (const auto& x : d.counts)
        by_sex[x.sex[0] == 'f' ? 0 : x.sex[0] == 'm' ? 1 : 2] += x.count;
    }
    for (const auto& x : d.counts)
      count_rows_.Add({d.id, x.sex, x.age_band, std::int64_t{x.disability ? 1 : 0}, x.count});
    if (d.course != nullptr || U() >= 0.03) topic_rows_.Add({d.id, d.topic});  // a few without
    facilitator_rows_.Add({d.id, std::int64_t{0}, Param(),
                           std::string(U() < 0.5 ? "Social mobiliser" : "Lady health worker")});
    AddActivityRow(d, counted_total, named_total, by_sex);
    ++counts.activities;
    counts.participants += counted_total;
  }

  std::size_t pending_activities() const { return activity_rows_.rows(); }

  // The activities before their parts (foreign keys are checked row by row).
  void Flush(bool all) {
    activity_rows_.Flush(true);
    for (auto* b : {&topic_rows_, &facilitator_rows_, &count_rows_, &attendance_rows_})
      b->Flush(all);
  }

  std::int64_t attendance_rows() const { return attendance_rows_.total(); }
  std::int64_t count_rows() const { return count_rows_.total(); }

 private:
  double U() { return std::uniform_real_distribution<double>(0, 1)(rng_); }

  std::optional<std::string> User(const char* name) const {
    auto it = staff_.find(name);
    return it == staff_.end() ? std::nullopt : std::optional(it->second);
  }

  // Type, date, time, topic, the session's sex, its counts and how many to name; a training
  // gets a course (or becomes an awareness session where there is none to teach or no one).
  Drawn Draw() {
    Drawn d;
    d.id = NewId();
    d.type = PickActivityType(rng_, pashto_);
    d.held_on = day_[1 + static_cast<int>(rng_() % static_cast<std::uint64_t>(days_ - 1))];
    d.morning = U() < 0.5;
    d.topic = PickActivityTopic(rng_);
    d.women_session = U() < 0.6;
    const auto& pool = d.women_session ? women_ : men_;
    if (d.type == "home_visit") {
      const std::int64_t visited = 1 + static_cast<std::int64_t>(rng_() % 3);
      // Half the home visits name the people visited and count no one (the summary counts
      // them by their sex in the registry).
      if (U() < 0.5 || pool.empty())
        d.counts.push_back(
            {std::string(d.women_session ? kFemale : kMale), std::string(kAdults), false, visited});
      d.want = static_cast<std::size_t>(visited);
    } else {
      AddSessionCounts(rng_, d.women_session, d.counts);
      d.want = d.type == "training" ? 6 + rng_() % 8 : 4 + rng_() % 10;
    }
    if (d.type == "training") {
      if (courses_.empty() || pool.empty()) {
        d.type = "awareness_session";
      } else {
        d.course = &courses_[rng_() % courses_.size()];
        d.topic = d.course->topic;
        ++counts.trainings;
      }
    }
    return d;
  }

  // Named participants: distinct adults of the session's sex from the village, with scores in a
  // training. Returns the attended ones, counted by sex in `named_sex`.
  std::int64_t Name(const Drawn& d, const std::vector<std::string>& pool,
                    std::int64_t (&named_sex)[3]) {
    const std::size_t want = std::min(d.want, pool.size());
    named_.clear();
    while (named_.size() < want) {
      const std::size_t i = rng_() % pool.size();
      if (std::find(named_.begin(), named_.end(), i) == named_.end()) named_.push_back(i);
    }
    std::int64_t named_total = 0;
    for (std::size_t i = 0; i < named_.size(); ++i) {
      const bool attended = d.course == nullptr || U() < 0.95;
      named_total += attended ? 1 : 0;
      if (attended) ++named_sex[d.women_session ? 0 : men_sex_[named_[i]] == 'm' ? 1 : 2];
      Param pre, post;
      if (d.course != nullptr) {
        const double p = std::round(U() * d.course->test_max * 0.6);
        pre = p;
        post = std::min(d.course->test_max, p + std::round(U() * (d.course->test_max - p)));
      }
      attendance_rows_.Add({d.id, pool[named_[i]], std::int64_t{attended ? 1 : 0}, pre, post});
    }
    return named_total;
  }

  // A running programme: most verified, some waiting, a few returned or still drafts.
  void AddActivityRow(const Drawn& d, std::int64_t counted_total, std::int64_t named_total,
                      const std::int64_t (&by_sex)[3]) {
    std::string status = PickActivityStatus(rng_);
    if (recent_ < d.held_on && status == "verified" && U() < 0.5) status = "submitted";
    const bool submitted = status != "draft", verified = status == "verified";
    activity_rows_.Add({d.id,
                        d.type,
                        Param(),
                        d.held_on,
                        std::string(d.morning ? "10:00" : "14:00"),
                        std::string(d.morning ? "11:30" : "15:30"),
                        village_->id,
                        village_->path,
                        std::string(U() < 0.5 ? "Village hujra" : "Community school"),
                        status,
                        Opt(author_),
                        submitted ? Param(d.held_on + "T18:00:00.000Z") : Param(),
                        verified ? Opt(verifier_) : Param(),
                        verified ? Param(d.held_on + "T20:00:00.000Z") : Param(),
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
                        now_,
                        Opt(author_),
                        now_,
                        Param(),
                        d.course != nullptr ? Param(d.course->id) : Param()});
  }

  std::mt19937_64 rng_;
  std::string now_;
  int days_;
  std::vector<std::string> day_;
  std::string adult_born_before_, recent_;
  std::vector<Course> courses_;
  std::map<std::string, std::string> staff_;
  Batch activity_rows_, topic_rows_, facilitator_rows_, count_rows_, attendance_rows_;
  // The current village.
  const Village* village_ = nullptr;
  bool pashto_ = false;
  std::optional<std::string> author_, verifier_;
  std::vector<std::string> women_, men_;  // adults of the village (men: everyone not f)
  std::vector<char> men_sex_;
  std::vector<std::size_t> named_;
};

// The monthly counts' roll-up and the count cells' named attendees, from the rows just written
// (in bulk: one statement each).
void RollUp(storage::Connection& conn) {
  const auto r0 = std::chrono::steady_clock::now();
  conn.Begin(true);
  storage::RebuildActivityRollup(conn);
  // The named attendees in each count cell, for the participant indicators.
  storage::RefreshNamedInCounts(
      conn, "SELECT id FROM activity WHERE counted_total > 0 AND named_total > 0", {});
  conn.Commit();
  spdlog::info("demo: activity roll-up in {:.0f} s",
               std::chrono::duration<double>(std::chrono::steady_clock::now() - r0).count());
}

// Writes `activities` activities over the villages, each its share by weight, one transaction
// per kActivitiesPerTransaction.
void WriteActivities(storage::Connection& conn, BulkWriter& w, const std::vector<Village>& villages,
                     const std::vector<double>& weight, std::int64_t activities) {
  double total_weight = 0;
  for (const double x : weight) total_weight += x;
  double cumulative = 0;
  std::int64_t made = 0, next_report = activities / 10;
  const auto t0 = std::chrono::steady_clock::now();
  conn.Begin(true);
  for (std::size_t v = 0; v < villages.size(); ++v) {
    const std::int64_t before = std::llround(activities * cumulative / total_weight);
    cumulative += weight[v];
    const std::int64_t n = std::llround(activities * cumulative / total_weight) - before;
    if (n <= 0) continue;
    w.StartVillage(conn, villages[v]);
    for (std::int64_t k = 0; k < n; ++k) {
      w.Activity();
      if (w.pending_activities() == kRowsPerStatement) w.Flush(false);
      if (++made % kActivitiesPerTransaction == 0) {
        w.Flush(true);
        conn.Commit();
        conn.Begin(true);
      }
      if (made == next_report) {
        const double s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        spdlog::info("demo: {} of {} activities in {:.0f} s", made, activities, s);
        next_report += activities / 10;
      }
    }
  }
  w.Flush(true);
  conn.Commit();
}

}  // namespace

Result<ActivityCounts> GenerateBulkActivities(storage::Database& db, std::int64_t activities,
                                              int years, std::uint64_t seed, const Clock& clock) {
  if (activities < 0 || activities > 50'000'000)
    return Fail(Error::Field("activities", problem::OutOfRange(0, 50000000)));
  if (years < 1 || years > 20)
    return Fail(Error::Field("activity_years", problem::OutOfRange(1, 20)));
  if (activities == 0) return ActivityCounts{};
  auto conn = db.Acquire();
  const bool sqlite = conn->dialect() == storage::Dialect::kSqlite;
  const auto villages = LoadVillages(*conn);
  if (villages.empty())
    return Fail(Error::Conflict("the database holds no villages: run demo first"));
  BulkWriter w(*conn, seed, clock.Timestamp(), years, LoadCourses(*conn), LoadStaff(*conn));
  const auto weight = w.Weights(villages);

  if (sqlite) conn->ExecuteScript("PRAGMA synchronous=OFF; PRAGMA cache_size=-524288;");
  try {
    WriteActivities(*conn, w, villages, weight, activities);
    RollUp(*conn);
  } catch (...) {
    conn->Rollback();
    throw;
  }
  if (sqlite) conn->ExecuteScript("PRAGMA synchronous=NORMAL; PRAGMA cache_size=-16384;");
  ActivityCounts counts = w.counts;
  counts.attendance = w.attendance_rows();
  counts.count_rows = w.count_rows();
  return counts;
}

}  // namespace mobilise::app
