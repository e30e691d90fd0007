#include "app/demo_activities.hpp"

#include <algorithm>
#include <random>

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

const char* PickActivityStatus(std::mt19937_64& rng) {
  return Pick(rng, {{"verified", 70}, {"submitted", 15}, {"returned", 5}, {"draft", 10}});
}

void AddSessionCounts(std::mt19937_64& rng, bool women,
                      std::vector<domain::ParticipantCount>& counts) {
  const auto add = [&](const char* sex, const char* band, bool dis, std::int64_t c) {
    if (c > 0) counts.push_back({sex, band, dis, c});
  };
  const char* main_sex = women ? "f" : "m";
  add(main_sex, "18-59", false, 8 + static_cast<std::int64_t>(rng() % 20));
  add(main_sex, "60+", false, static_cast<std::int64_t>(rng() % 4));
  add(main_sex, "18-59", true, Uniform(rng) < 0.4 ? 1 : 0);
  add(women ? "m" : "f", "18-59", false,
      Uniform(rng) < 0.3 ? static_cast<std::int64_t>(rng() % 5) : 0);
  add("f", "12-17", false, Uniform(rng) < 0.2 ? static_cast<std::int64_t>(rng() % 6) : 0);
}

Result<ActivityCounts> GenerateDemoActivities(domain::UnitOfWork& uow,
                                              const std::vector<DemoUnionCouncil>& ucs,
                                              const std::map<std::string, std::string>& staff,
                                              std::uint64_t seed, bool with_activities) {
  std::mt19937_64 rng(seed * 104729 + 3);
  auto U = [&] { return std::uniform_real_distribution<double>(0, 1)(rng); };
  ActivityCounts counts;
  const std::string now = NowTimestamp();
  const std::string today = now.substr(0, 10);
  auto user = [&](const char* name) -> std::optional<std::string> {
    auto it = staff.find(name);
    return it == staff.end() ? std::nullopt : std::optional(it->second);
  };

  // A small course catalogue.
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
  const auto categories = uow.Feedback().Categories();

  for (const auto& uc : ucs) {
    const bool demo_uc = uc.area.code == "P1-D1-T1-U1" || uc.area.code == "P2-D1-T1-U1";
    const auto author = uc.area.code == "P1-D1-T1-U1"   ? user("mobiliser.u1")
                        : uc.area.code == "P2-D1-T1-U1" ? user("mobiliser.u2")
                                                        : std::nullopt;
    const auto verifier =
        uc.area.code.rfind("P1-D1-T1", 0) == 0 ? user("officer.t1") : std::nullopt;
    for (const auto& village : uc.villages) {
      // A few people of the village to name as participants and trainees.
      std::vector<std::pair<std::string, std::string>> people;  // id, sex
      auto households = uow.Households().List(
          domain::HouseholdQuery{.scope = {domain::SubtreeRange(village.path)}, .page = {4, 0}});
      for (const auto& h : households.items)
        for (const auto& p : uow.Households().People(h.id)) people.emplace_back(p.id, p.sex);
      // About one activity a month per village (more in the demo logins' union councils).
      const int n = with_activities ? (demo_uc ? 18 : 8) + static_cast<int>(rng() % 8) : 0;
      for (int k = 0; k < n; ++k) {
        domain::Activity a;
        a.id = NewId();
        a.type = PickActivityType(rng, uc.pashto);
        a.held_on = DaysBefore(today, 1 + static_cast<int>(rng() % 364));
        a.start_time = std::string(U() < 0.5 ? "10:00" : "14:00");
        a.end_time = std::string(*a.start_time == "10:00" ? "11:30" : "15:30");
        a.area_id = village.id;
        a.area_path = village.path;
        a.place = std::string(U() < 0.5 ? "Village hujra" : "Community school");
        a.topics = {PickActivityTopic(rng)};
        const bool women = U() < 0.6;
        if (a.type == "home_visit")
          a.counts.push_back(
              {women ? "f" : "m", "18-59", false, 1 + static_cast<std::int64_t>(rng() % 3)});
        else
          AddSessionCounts(rng, women, a.counts);
        if (a.type == "training" && !people.empty()) {
          const auto& course = courses[rng() % 4];
          a.course_id = course.id;
          a.topics = course.topics;
          const std::size_t trainees = std::min<std::size_t>(people.size(), 6 + rng() % 8);
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
            auto it = std::find_if(a.counts.begin(), a.counts.end(),
                                   [](const domain::ParticipantCount& c) {
                                     return c.sex == "f" && c.age_band == "18-59" && !c.disability;
                                   });
            if (it != a.counts.end())
              it->count += named - total;
            else
              a.counts.push_back({"f", "18-59", false, named - total});
          }
          ++counts.trainings;
        } else if (a.type == "training") {
          a.type = "awareness_session";
        }
        for (const auto& c : a.counts) a.counted_total += c.count;
        for (const auto& t : a.attendance) a.named_total += t.attended ? 1 : 0;
        a.facilitators.push_back(
            {std::nullopt, std::string(U() < 0.5 ? "Social mobiliser" : "Lady health worker")});
        a.decisions = std::string("Members agreed to follow up at the next meeting");
        a.author_id = author;
        // A running programme: most verified, some waiting, a few returned or still drafts.
        const char* status = PickActivityStatus(rng);
        if (DaysBefore(today, 30) < a.held_on && std::string(status) == "verified" && U() < 0.5)
          status = "submitted";
        a.status = status;
        if (a.status != "draft") a.submitted_at = a.held_on + "T18:00:00.000Z";
        if (a.status == "verified")
          a.verified_by = verifier, a.verified_at = a.held_on + "T20:00:00.000Z";
        if (a.status == "returned")
          a.return_comment = std::string("Please add the attendance sheet photo");
        a.created_at = a.updated_at = now;
        a.created_by = author;
        uow.Activities().Insert(a);
        ++counts.activities;
        counts.participants += a.counted_total;
        counts.attendance += static_cast<std::int64_t>(a.attendance.size());
        counts.count_rows += static_cast<std::int64_t>(a.counts.size());
      }
      // Community feedback: a few records a year per village, through every channel.
      const int f = 2 + static_cast<int>(rng() % 3) + (demo_uc ? 4 : 0);
      for (int k = 0; k < f; ++k) {
        domain::Feedback fb;
        fb.id = NewId();
        fb.area_id = village.id;
        fb.area_path = village.path;
        fb.received_on = DaysBefore(today, 1 + static_cast<int>(rng() % 364));
        fb.channel = Pick(rng, {{"cefc_walk_in", 4},
                                {"hotline", 2},
                                {"suggestion_box", 2},
                                {"community_meeting", 2},
                                {"staff_visit", 1.5},
                                {"other", 0.5}});
        fb.category = Pick(rng, {{"information_request", 30},
                                 {"suggestion", 20},
                                 {"appreciation", 10},
                                 {"complaint_service", 25},
                                 {"complaint_staff", 8},
                                 {"sensitive_sea", 1},
                                 {"sensitive_fraud", 1},
                                 {"other", 5}});
        int due_hours = 720;
        for (const auto& c : categories)
          if (c.code == fb.category) fb.sensitive = c.sensitive, due_hours = c.due_hours;
        fb.due_on = domain::DueOn(fb.received_on, due_hours);
        fb.anonymous = U() < 0.2;
        if (!fb.anonymous)
          fb.person_sex = std::string(U() < 0.55 ? "f" : "m"),
          fb.person_age_band = std::string("18-59");
        fb.description =
            fb.category == "information_request" ? "When is the next cash distribution?"
            : fb.category == "complaint_service" ? "The water point has not worked for two weeks"
            : fb.category == "suggestion"        ? "Hold the meetings after the harvest"
            : fb.category == "appreciation"      ? "Thank you for the hygiene kits"
            : fb.sensitive                       ? "A sensitive report (demo text)"
                                                 : "Staff did not come to the meeting";
        fb.tags = {fb.category == "information_request" ? "cash"
                   : fb.category == "complaint_service" ? "water"
                                                        : "meetings"};
        fb.language = std::string(uc.pashto ? "ps" : "uk");
        const char* status = Pick(
            rng,
            {{"closed", 65}, {"responded", 10}, {"referred", 5}, {"assigned", 10}, {"open", 10}});
        if (DaysBefore(today, 20) < fb.received_on && std::string(status) == "closed")
          status = "assigned";
        fb.status = status;
        if (fb.status != "open")  // the demo's staff where they work; others unnamed
          fb.assigned_to =
              fb.sensitive ? (uc.area.code.rfind("P1-D1", 0) == 0 ? user("focal.d1") : std::nullopt)
                           : verifier;
        if (fb.status == "referred") fb.referred_to = std::string("District health office");
        if (fb.status == "responded" || fb.status == "closed") {
          fb.response = std::string("The issue was raised with the department and answered");
          fb.responded_on = std::min(today, DaysBefore(fb.received_on == today ? today : fb.due_on,
                                                       static_cast<int>(rng() % 5)));
          if (*fb.responded_on < fb.received_on) fb.responded_on = fb.received_on;
        }
        if (fb.status == "closed") {
          // Most loops close on time; some late.
          fb.closed_on =
              U() < 0.8 ? *fb.responded_on
                        : std::min(today, DaysBefore(fb.due_on, -static_cast<int>(rng() % 20) - 1));
          if (*fb.closed_on < *fb.responded_on) fb.closed_on = fb.responded_on;
          fb.loop_closed_by = std::string(fb.anonymous ? "community_meeting" : "phone");
          if (!fb.anonymous)
            fb.satisfaction = std::string(U() < 0.7   ? "satisfied"
                                          : U() < 0.5 ? "neutral"
                                                      : "dissatisfied");
        }
        fb.created_at = fb.updated_at = now;
        uow.Feedback().Insert(fb);
        uow.Feedback().AddEvent(
            {NewId(), fb.id, now, std::nullopt, std::nullopt, "logged", std::nullopt});
        ++counts.feedback;
      }
    }
  }
  return counts;
}

}  // namespace mobilise::app
