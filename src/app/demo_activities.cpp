#include "app/demo_activities.hpp"

#include <algorithm>
#include <random>

#include "app/demo_people.hpp"
#include "core/clock.hpp"
#include "core/id.hpp"
#include "domain/feedback/feedback_service.hpp"

namespace mobilise::app {
namespace {

struct Weighted {
  const char* code;
  double weight;
};

const char* Pick(std::mt19937_64& rng, std::initializer_list<Weighted> list) {
  double total = 0;
  for (const auto& w : list) total += w.weight;
  double r = std::uniform_real_distribution<double>(0, total)(rng);
  for (const auto& w : list) {
    if (r < w.weight) return w.code;
    r -= w.weight;
  }
  return list.begin()->code;
}

std::string DaysBefore(const std::string& today, int days) {
  auto t = ParseTimestamp(today);
  return FormatTimestamp(*t - std::chrono::hours(24 * days)).substr(0, 10);
}

double Uniform(std::mt19937_64& rng) { return std::uniform_real_distribution<double>(0, 1)(rng); }

}  // namespace

const char* PickActivityType(std::mt19937_64& rng, bool pashto) {
  return Pick(rng, {{"community_dialogue", 3},
                    {"awareness_session", 5},
                    {"fgd", 1},
                    {"institution_meeting", 4},
                    {"shg_meeting", pashto ? 0.0 : 4.0},
                    {"campaign", 0.5},
                    {"home_visit", 3},
                    {"workshop", 0.5},
                    {"training", 1.5}});
}

const char* PickActivityTopic(std::mt19937_64& rng) {
  return Pick(rng, {{"iycf", 2},
                    {"maternal_nutrition", 1.5},
                    {"wash", 2},
                    {"health", 1.5},
                    {"community_security", 1},
                    {"livelihoods", 1},
                    {"savings_credit", 1}});
}

domain::ActivityStatus PickActivityStatus(std::mt19937_64& rng) {
  return *domain::ParseActivityStatus(
      Pick(rng, {{"verified", 70}, {"submitted", 15}, {"returned", 5}, {"draft", 10}}));
}

void AddSessionCounts(std::mt19937_64& rng, bool women,
                      std::vector<domain::ParticipantCount>& counts) {
  const auto add = [&](std::string_view sex, std::string_view band, bool dis, std::int64_t c) {
    if (c > 0) counts.push_back({std::string(sex), std::string(band), dis, c});
  };
  const std::string_view main_sex = women ? kFemale : kMale;
  add(main_sex, kAdults, false, 8 + static_cast<std::int64_t>(rng() % 20));
  add(main_sex, kOlderPeople, false, static_cast<std::int64_t>(rng() % 4));
  add(main_sex, kAdults, true, Uniform(rng) < 0.4 ? 1 : 0);
  add(women ? kMale : kFemale, kAdults, false,
      Uniform(rng) < 0.3 ? static_cast<std::int64_t>(rng() % 5) : 0);
  add(kFemale, kAdolescents, false, Uniform(rng) < 0.2 ? static_cast<std::int64_t>(rng() % 6) : 0);
}

namespace {

// A small course catalogue.
std::vector<domain::Course> AddCourses(domain::UnitOfWork& uow, const std::string& now,
                                       ActivityCounts& counts) {
  struct C {
    const char* code;
    const char* title;
    const char* audience;
    const char* topic;
    double hours, test_max;
  };
  const C kCourses[] = {
      {"IYCF-C", "IYCF counselling", "community", "iycf", 6, 20},
      {"WASH-P", "Hygiene promotion", "community", "wash", 4, 10},
      {"CO-MGMT", "CO management and bookkeeping", "community", "savings_credit", 12, 30},
      {"CSEC", "Community security and social cohesion", "community", "community_security", 8, 20},
      {"SM-STAFF", "Social mobilisation for staff", "staff", "livelihoods", 24, 50}};
  std::vector<domain::Course> courses;
  for (const auto& c : kCourses) {
    domain::Course x;
    x.id = NewId();
    x.code = c.code;
    x.title = c.title;
    x.audience = c.audience;
    x.topics = {c.topic};
    x.duration_hours = c.hours;
    x.test_max = c.test_max;
    x.created_at = x.updated_at = now;
    uow.Trainings().InsertCourse(x);
    courses.push_back(x);
    ++counts.courses;
  }
  return courses;
}

// Who works in a union council: the demo logins' mobiliser writes its records, the officer of
// the first tehsil verifies them; elsewhere no one named.
struct UnionCouncilStaff {
  bool demo_uc = false;  // one of the demo logins' union councils: more activity
  std::optional<std::string> author, verifier, focal_point;
};

class Generator {
 public:
  Generator(domain::UnitOfWork& uow, const std::map<std::string, std::string>& staff,
            std::uint64_t seed, const std::string& now)
      : uow_(uow), staff_(staff), rng_(seed * 104729 + 3), now_(now), today_(now.substr(0, 10)) {}

  ActivityCounts counts;

  // The course catalogue, written; the feedback categories, read.
  void Catalogues() {
    courses_ = AddCourses(uow_, now_, counts);
    categories_ = uow_.Feedback().Categories();
  }

  UnionCouncilStaff StaffOf(const DemoUnionCouncil& uc) const {
    UnionCouncilStaff s;
    s.demo_uc = uc.area.code == "P1-D1-T1-U1" || uc.area.code == "P2-D1-T1-U1";
    s.author = uc.area.code == "P1-D1-T1-U1"   ? User("mobiliser.u1")
               : uc.area.code == "P2-D1-T1-U1" ? User("mobiliser.u2")
                                               : std::nullopt;
    s.verifier = uc.area.code.rfind("P1-D1-T1", 0) == 0 ? User("officer.t1") : std::nullopt;
    s.focal_point = uc.area.code.rfind("P1-D1", 0) == 0 ? User("focal.d1") : std::nullopt;
    return s;
  }

  // About one activity a month per village (more in the demo logins' union councils), then a
  // few feedback records a year through every channel.
  void Village(const DemoUnionCouncil& uc, const domain::Area& village,
               const UnionCouncilStaff& staff, bool with_activities) {
    // A few people of the village to name as participants and trainees.
    std::vector<std::pair<std::string, std::string>> people;  // id, sex
    auto households = uow_.Households().List(
        domain::HouseholdQuery{.scope = {domain::SubtreeRange(village.path)}, .page = {4, 0}});
    for (const auto& h : households.items)
      for (const auto& p : uow_.Households().People(h.id)) people.emplace_back(p.id, p.sex);
    const int n = with_activities ? (staff.demo_uc ? 18 : 8) + static_cast<int>(rng_() % 8) : 0;
    for (int k = 0; k < n; ++k) Activity(uc, village, staff, people);
    const int f = 2 + static_cast<int>(rng_() % 3) + (staff.demo_uc ? 4 : 0);
    for (int k = 0; k < f; ++k) Feedback(uc, village, staff);
  }

 private:
  double U() { return std::uniform_real_distribution<double>(0, 1)(rng_); }

  std::optional<std::string> User(const char* name) const {
    auto it = staff_.find(name);
    return it == staff_.end() ? std::nullopt : std::optional(it->second);
  }

  void Activity(const DemoUnionCouncil& uc, const domain::Area& village,
                const UnionCouncilStaff& staff,
                const std::vector<std::pair<std::string, std::string>>& people) {
    domain::Activity a;
    a.id = NewId();
    a.type = PickActivityType(rng_, uc.pashto);
    a.held_on = DaysBefore(today_, 1 + static_cast<int>(rng_() % 364));
    a.start_time = std::string(U() < 0.5 ? "10:00" : "14:00");
    a.end_time = std::string(*a.start_time == "10:00" ? "11:30" : "15:30");
    a.area_id = village.id;
    a.area_path = village.path;
    a.place = std::string(U() < 0.5 ? "Village hujra" : "Community school");
    a.topics = {PickActivityTopic(rng_)};
    const bool women = U() < 0.6;
    if (a.type == "home_visit")
      a.counts.push_back({std::string(women ? kFemale : kMale), std::string(kAdults), false,
                          1 + static_cast<std::int64_t>(rng_() % 3)});
    else
      AddSessionCounts(rng_, women, a.counts);
    if (a.type == "training" && !people.empty()) {
      Training(a, people);
    } else if (a.type == "training") {
      a.type = "awareness_session";
    }
    for (const auto& c : a.counts) a.counted_total += c.count;
    for (const auto& t : a.attendance) a.named_total += t.attended ? 1 : 0;
    a.facilitators.push_back(
        {std::nullopt, std::string(U() < 0.5 ? "Social mobiliser" : "Lady health worker")});
    a.decisions = std::string("Members agreed to follow up at the next meeting");
    a.author_id = staff.author;
    // A running programme: most verified, some waiting, a few returned or still drafts.
    using enum domain::ActivityStatus;
    a.status = PickActivityStatus(rng_);
    if (DaysBefore(today_, 30) < a.held_on && a.status == kVerified && U() < 0.5)
      a.status = kSubmitted;
    if (a.status != kDraft) a.submitted_at = a.held_on + "T18:00:00.000Z";
    if (a.status == kVerified)
      a.verified_by = staff.verifier, a.verified_at = a.held_on + "T20:00:00.000Z";
    if (a.status == kReturned)
      a.return_comment = std::string("Please add the attendance sheet photo");
    a.created_at = a.updated_at = now_;
    a.created_by = staff.author;
    uow_.Activities().Insert(a);
    ++counts.activities;
    counts.participants += a.counted_total;
    counts.attendance += static_cast<std::int64_t>(a.attendance.size());
    counts.count_rows += static_cast<std::int64_t>(a.counts.size());
  }

  // A training of one of the community courses: the village's people as trainees with their
  // scores, every attended trainee counted too.
  void Training(domain::Activity& a,
                const std::vector<std::pair<std::string, std::string>>& people) {
    const auto& course = courses_[rng_() % 4];
    a.course_id = course.id;
    a.topics = course.topics;
    const std::size_t trainees = std::min<std::size_t>(people.size(), 6 + rng_() % 8);
    for (std::size_t i = 0; i < trainees; ++i) {
      const double pre = std::round(U() * *course.test_max * 0.6);
      const double post =
          std::min(*course.test_max, pre + std::round(U() * (*course.test_max - pre)));
      a.attendance.push_back({people[i].first, U() < 0.95, pre, post, "", ""});
    }
    std::int64_t total = 0;
    for (const auto& c : a.counts) total += c.count;
    std::int64_t named = 0;
    for (const auto& t : a.attendance) named += t.attended ? 1 : 0;
    if (total < named) {  // everyone named is counted too
      auto it =
          std::find_if(a.counts.begin(), a.counts.end(), [](const domain::ParticipantCount& c) {
            return c.sex == kFemale && c.age_band == kAdults && !c.disability;
          });
      if (it != a.counts.end())
        it->count += named - total;
      else
        a.counts.push_back({std::string(kFemale), std::string(kAdults), false, named - total});
    }
    ++counts.trainings;
  }

  void Feedback(const DemoUnionCouncil& uc, const domain::Area& village,
                const UnionCouncilStaff& staff) {
    domain::Feedback fb;
    fb.id = NewId();
    fb.area_id = village.id;
    fb.area_path = village.path;
    fb.received_on = DaysBefore(today_, 1 + static_cast<int>(rng_() % 364));
    fb.channel = Pick(rng_, {{"cefc_walk_in", 4},
                             {"hotline", 2},
                             {"suggestion_box", 2},
                             {"community_meeting", 2},
                             {"staff_visit", 1.5},
                             {"other", 0.5}});
    fb.category = Pick(rng_, {{"information_request", 30},
                              {"suggestion", 20},
                              {"appreciation", 10},
                              {"complaint_service", 25},
                              {"complaint_staff", 8},
                              {"sensitive_sea", 1},
                              {"sensitive_fraud", 1},
                              {"other", 5}});
    int due_hours = 720;
    for (const auto& c : categories_)
      if (c.code == fb.category) fb.sensitive = c.sensitive, due_hours = c.due_hours;
    fb.due_on = domain::DueOn(fb.received_on, due_hours);
    fb.anonymous = U() < 0.2;
    if (!fb.anonymous)
      fb.person_sex = std::string(U() < 0.55 ? kFemale : kMale),
      fb.person_age_band = std::string(kAdults);
    fb.description = fb.category == "information_request" ? "When is the next cash distribution?"
                     : fb.category == "complaint_service"
                         ? "The water point has not worked for two weeks"
                     : fb.category == "suggestion"   ? "Hold the meetings after the harvest"
                     : fb.category == "appreciation" ? "Thank you for the hygiene kits"
                     : fb.sensitive                  ? "A sensitive report (demo text)"
                                                     : "Staff did not come to the meeting";
    fb.tags = {fb.category == "information_request" ? "cash"
               : fb.category == "complaint_service" ? "water"
                                                    : "meetings"};
    fb.language = std::string(uc.pashto ? "ps" : "uk");
    FeedbackStatus(fb, staff);
    fb.created_at = fb.updated_at = now_;
    uow_.Feedback().Insert(fb);
    uow_.Feedback().AddEvent(
        {NewId(), fb.id, now_, std::nullopt, std::nullopt, "logged", std::nullopt});
    ++counts.feedback;
  }

  // Where the record stands: assigned to the demo's staff where they work (sensitive cases to
  // the focal point), referred, responded or closed with the person, mostly on time.
  void FeedbackStatus(domain::Feedback& fb, const UnionCouncilStaff& staff) {
    using enum domain::FeedbackStatus;
    fb.status = *domain::ParseFeedbackStatus(
        Pick(rng_,
             {{"closed", 65}, {"responded", 10}, {"referred", 5}, {"assigned", 10}, {"open", 10}}));
    if (DaysBefore(today_, 20) < fb.received_on && fb.status == kClosed) fb.status = kAssigned;
    if (fb.status != kOpen)  // the demo's staff where they work; others unnamed
      fb.assigned_to = fb.sensitive ? staff.focal_point : staff.verifier;
    if (fb.status == kReferred) fb.referred_to = std::string("District health office");
    if (fb.status == kResponded || fb.status == kClosed) {
      fb.response = std::string("The issue was raised with the department and answered");
      fb.responded_on = std::min(today_, DaysBefore(fb.received_on == today_ ? today_ : fb.due_on,
                                                    static_cast<int>(rng_() % 5)));
      if (*fb.responded_on < fb.received_on) fb.responded_on = fb.received_on;
    }
    if (fb.status == kClosed) {
      // Most loops close on time; some late.
      fb.closed_on =
          U() < 0.8 ? *fb.responded_on
                    : std::min(today_, DaysBefore(fb.due_on, -static_cast<int>(rng_() % 20) - 1));
      if (*fb.closed_on < *fb.responded_on) fb.closed_on = fb.responded_on;
      fb.loop_closed_by = std::string(fb.anonymous ? "community_meeting" : "phone");
      if (!fb.anonymous)
        fb.satisfaction = std::string(U() < 0.7   ? "satisfied"
                                      : U() < 0.5 ? "neutral"
                                                  : "dissatisfied");
    }
  }

  domain::UnitOfWork& uow_;
  const std::map<std::string, std::string>& staff_;
  std::mt19937_64 rng_;
  std::string now_, today_;
  std::vector<domain::Course> courses_;
  std::vector<domain::FeedbackCategory> categories_;
};

}  // namespace

Result<ActivityCounts> GenerateDemoActivities(domain::UnitOfWork& uow,
                                              const std::vector<DemoUnionCouncil>& ucs,
                                              const std::map<std::string, std::string>& staff,
                                              std::uint64_t seed, const std::string& now,
                                              bool with_activities) {
  Generator g(uow, staff, seed, now);
  g.Catalogues();
  for (const auto& uc : ucs) {
    const auto uc_staff = g.StaffOf(uc);
    for (const auto& village : uc.villages) g.Village(uc, village, uc_staff, with_activities);
  }
  return g.counts;
}

}  // namespace mobilise::app
