#include "domain/trainings/training_rules.hpp"

#include <algorithm>
#include <set>

#include "domain/periods/period.hpp"

namespace mobilise::domain {
namespace {

std::string ScoresText(const Attendance& t) {
  return (t.pre_score ? PlainNumber(*t.pre_score) : "-") + " / " +
         (t.post_score ? PlainNumber(*t.post_score) : "-");
}

}  // namespace

bool MayEditCourses(const Actor& actor) {
  return actor.system || actor.HasPermission(Permission::kConfigWrite) ||
         std::any_of(actor.grants.begin(), actor.grants.end(),
                     [](const Grant& g) { return g.role == Role::kManager; });
}

bool MayChangeRecord(const Actor& actor, const std::optional<std::string>& created_by,
                     const std::string& path) {
  if (!actor.Can(Permission::kActivityWrite, path)) return false;
  return (created_by && *created_by == actor.user_id) ||
         actor.Can(Permission::kActivityVerify, path) || actor.Can(Permission::kConfigWrite, path);
}

bool MaySetPlans(const Actor& actor, const std::string& path) {
  return actor.Can(Permission::kActivityVerify, path) || actor.Can(Permission::kConfigWrite, path);
}

std::string PlainNumber(double v) {
  std::string s = std::to_string(v);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

void CheckTestMax(FieldErrors& errors, const std::optional<double>& test_max,
                  std::optional<double> highest) {
  if (test_max) {
    CheckRange(errors, "test_max", *test_max, 1, 1000);
    if (highest && *highest > *test_max)
      errors["test_max"] = problem::ScoresAboveMax(PlainNumber(*highest));
  } else if (highest) {
    errors["test_max"] = problem::ScoresExist();
  }
}

std::string CourseUseText(const CourseUse& use) {
  std::string uses;
  auto add = [&](std::int64_t n, const char* one, const char* many) {
    if (n == 0) return;
    uses += (uses.empty() ? "" : ", ") + std::to_string(n) + " " + (n == 1 ? one : many);
  };
  add(use.events, "training event", "training events");
  add(use.plans, "training plan", "training plans");
  add(use.needs, "training need", "training needs");
  return uses;
}

void CheckNeedFields(const TrainingNeed& n, std::string_view today, FieldErrors& errors) {
  if (n.user_id.has_value() == n.institution_id.has_value())
    errors["user_id"] = problem::NeedUserOrInstitution();
  CheckName(errors, "need", n.need, 2000);
  CheckOneOf(errors, "priority", n.priority, {"high", "medium", "low"});
  CheckPastDate(errors, "assessed_on", n.assessed_on, today);
}

std::optional<Period> PlanPeriod(const std::string& text, const FiscalYear& fy) {
  auto period = ParsePeriod(text, fy);
  if (period && period->kind == PeriodKind::kProjectToDate) return std::nullopt;
  return period;
}

void ApplyPlanFigures(TrainingPlan& t, const PlanPatch& in, const FiscalYear& fy,
                      FieldErrors& errors) {
  if (in.period) {
    auto period = PlanPeriod(*in.period, fy);
    if (!period)
      errors["period"] = problem::NotAPeriod();
    else
      t.period = period->text, t.period_start = period->start, t.period_end = period->end;
  }
  if (in.planned_events) t.planned_events = *in.planned_events;
  if (in.planned_participants) t.planned_participants = *in.planned_participants;
  if (t.planned_events < 0 || t.planned_events > 100000)
    errors["planned_events"] = problem::OutOfRange(0, 100000);
  if (t.planned_participants < 0 || t.planned_participants > 10000000)
    errors["planned_participants"] = problem::OutOfRange(0, 10000000);
}

std::optional<std::int64_t> ParseWholeNumber(const std::string& s) {
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::stoll(s);
}

void CheckFollowup(const Activity& training, const TrainingFollowup& f, std::string_view today,
                   FieldErrors& errors) {
  CheckPastDate(errors, "followed_on", f.followed_on, today);
  if (f.followed_on < training.held_on) errors["followed_on"] = problem::BeforeThe("training");
  CheckOneOf(errors, "applies", f.applies, {"yes", "partly", "no"});
  if (f.notes) CheckOptionalName(errors, "notes", *f.notes, 2000);
}

Result<ActivityEdit> CheckScoring(ActivityStatus status, ActivityParty party) {
  // Like the activity itself: a draft is its author's (or a supervisor's); once submitted, the
  // scores change only through a supervisor's correction, with a reason.
  const bool correcting =
      status == ActivityStatus::kSubmitted || status == ActivityStatus::kVerified;
  if (correcting && (!party.supervisor || party.author))
    return Fail(
        Error::Forbidden("the training is " + std::string(ToString(status)) +
                         ": its scores are corrected by a supervisor of the area, with a reason"));
  if (!correcting && !party.author && !party.supervisor)
    return Fail(Error::Forbidden("only the author (or their supervisor) scores a draft training"));
  return correcting ? ActivityEdit::kCorrect : ActivityEdit::kUpdate;
}

void ApplyScores(Activity& training, const ScoresInput& in, const Course& course, bool correcting,
                 Snapshot& was, Snapshot& now, FieldErrors& errors) {
  if (correcting && (!in.correction_reason || in.correction_reason->empty()))
    errors["correction_reason"] = problem::RequiredToCorrectTraining();
  else if (!correcting && in.correction_reason)
    errors["correction_reason"] = problem::OnlyForTrainingCorrection();
  if (in.correction_reason)
    CheckOptionalName(errors, "correction_reason", *in.correction_reason, 1000);
  if (in.trainees.empty()) errors["trainees"] = problem::ListTrainees();
  auto& attendance = training.attendance;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < in.trainees.size(); ++i) {
    const auto& x = in.trainees[i];
    const std::string f = "trainees[" + std::to_string(i) + "]";
    auto t = std::find_if(attendance.begin(), attendance.end(),
                          [&](const Attendance& y) { return y.person_id == x.person_id; });
    if (t == attendance.end()) {
      errors[f + ".person_id"] = problem::NotATrainee();
      continue;
    }
    if (!seen.insert(x.person_id).second) errors[f + ".person_id"] = problem::ListedTwice();
    CheckTestScores(errors, f, x.pre_score, x.post_score, course.test_max,
                    course.test_max ? PlainNumber(*course.test_max) : "");
    if (t->pre_score == x.pre_score && t->post_score == x.post_score) continue;
    was["score " + x.person_id] = ScoresText(*t);
    t->pre_score = x.pre_score;
    t->post_score = x.post_score;
    now["score " + x.person_id] = ScoresText(*t);
  }
}

TraineeReport TraineeGains(const Activity& a, const Course& c) {
  TraineeReport r{a.id,        std::string(ToString(a.status)),
                  c.id,        c.title,
                  a.version,   c.test_max,
                  {},          std::nullopt,
                  std::nullopt};
  double gains = 0, normalised = 0;
  int n_gain = 0, n_norm = 0;
  for (const auto& t : a.attendance) {
    Trainee x{t, std::nullopt, std::nullopt};
    if (t.pre_score && t.post_score) {
      x.gain = *t.post_score - *t.pre_score;
      gains += *x.gain;
      ++n_gain;
      // Hake's normalised gain; undefined for a perfect pre-test.
      if (c.test_max && *c.test_max > *t.pre_score) {
        x.normalised_gain = (*t.post_score - *t.pre_score) / (*c.test_max - *t.pre_score);
        normalised += *x.normalised_gain;
        ++n_norm;
      }
    }
    r.trainees.push_back(std::move(x));
  }
  if (n_gain > 0) r.average_gain = gains / n_gain;
  if (n_norm > 0) r.average_normalised_gain = normalised / n_norm;
  return r;
}

Snapshot CourseSnapshot(const Course& c) {
  std::string topics;
  for (const auto& t : c.topics) topics += (topics.empty() ? "" : " ") + t;
  return Snapshot{
      {"code", c.code},
      {"title", c.title},
      {"audience", c.audience},
      {"topics", topics},
      {"duration_hours", std::to_string(c.duration_hours)},
      {"test_max", c.test_max ? std::optional(std::to_string(*c.test_max)) : std::nullopt}};
}

Snapshot NeedSnapshot(const TrainingNeed& n) {
  return Snapshot{{"area_id", n.area_id},
                  {"user_id", n.user_id},
                  {"institution_id", n.institution_id},
                  {"course_id", n.course_id},
                  {"need", n.need},
                  {"priority", n.priority},
                  {"assessed_on", n.assessed_on},
                  {"version", std::to_string(n.version)}};
}

Snapshot PlanSnapshot(const TrainingPlan& t) {
  return Snapshot{{"course_id", t.course_id},
                  {"area_id", t.area_id},
                  {"period", t.period},
                  {"planned_events", std::to_string(t.planned_events)},
                  {"planned_participants", std::to_string(t.planned_participants)},
                  {"version", std::to_string(t.version)}};
}

Snapshot FollowupSnapshot(const TrainingFollowup& f) {
  return Snapshot{{"activity_id", f.activity_id},
                  {"person_id", f.person_id},
                  {"followed_on", f.followed_on},
                  {"applies", f.applies},
                  {"version", std::to_string(f.version)}};
}

}  // namespace mobilise::domain
