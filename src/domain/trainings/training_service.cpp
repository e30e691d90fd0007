#include "domain/trainings/training_service.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include "core/clock.hpp"
#include "core/id.hpp"
#include "domain/periods/period.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {
namespace {

// The course catalogue is kept by managers and programme administrators.
bool MayEditCourses(const Actor& actor) {
  return actor.system || actor.HasPermission(Permission::kConfigWrite) ||
         std::any_of(actor.grants.begin(), actor.grants.end(),
                     [](const Grant& g) { return g.role == Role::kManager; });
}

// The area's subtree within the actor's scope, or the actor's whole scope.
Result<std::vector<PathRange>> ScopeOf(UnitOfWork& uow, const Actor& actor,
                                       const std::optional<std::string>& area_id) {
  if (!area_id) return actor.Scope(Permission::kAreaRead);
  auto area = IsValidId(*area_id) ? uow.Areas().Get(*area_id) : std::nullopt;
  if (!area || !actor.Sees(area->path)) return Fail(Error::Field("area", "no such area in your areas"));
  return std::vector<PathRange>{SubtreeRange(area->path)};
}

Snapshot CourseSnapshot(const Course& c) {
  std::string topics;
  for (const auto& t : c.topics) topics += (topics.empty() ? "" : " ") + t;
  return Snapshot{{"code", c.code},
                  {"title", c.title},
                  {"audience", c.audience},
                  {"topics", topics},
                  {"duration_hours", std::to_string(c.duration_hours)},
                  {"test_max", c.test_max ? std::optional(std::to_string(*c.test_max)) : std::nullopt}};
}

void ApplyCourse(UnitOfWork& uow, Course& c, const CourseInput& in, bool creating, FieldErrors& errors) {
  if (creating) {
    if (!in.code) errors["code"] = "is required";
    if (!in.title) errors["title"] = "is required";
    if (!in.audience) errors["audience"] = "is required";
    if (!in.duration_hours) errors["duration_hours"] = "is required";
  }
  if (in.code) {
    CheckCode(errors, "code", *in.code);
    if (*in.code != c.code && uow.Trainings().GetCourseByCode(*in.code)) errors["code"] = "another course has this code";
    c.code = *in.code;
  }
  if (in.title) CheckName(errors, "title", *in.title), c.title = *in.title;
  if (in.title_local) {
    CheckOptionalName(errors, "title_local", *in.title_local);
    c.title_local = in.title_local->empty() ? std::nullopt : in.title_local;
  }
  if (in.audience) CheckOneOf(errors, "audience", *in.audience, {"staff", "community"}), c.audience = *in.audience;
  if (in.topics) {
    const auto config = uow.RegistryConfig().Load();
    c.topics.clear();
    for (const auto& t : *in.topics) {
      const bool known = std::any_of(config.topics.begin(), config.topics.end(),
                                     [&](const RegistryOption& o) { return o.code == t; });
      if (!known) errors["topics"] = "unknown topic " + t;
      else c.topics.push_back(t);
    }
  }
  if (in.duration_hours) CheckRange(errors, "duration_hours", *in.duration_hours, 0.5, 1000), c.duration_hours = *in.duration_hours;
  if (in.test_max) {
    CheckRange(errors, "test_max", *in.test_max, 1, 1000);
    c.test_max = in.test_max;
  }
}

}  // namespace

TraineeReport TraineeGains(const Activity& a, const Course& c) {
  TraineeReport r{a.id, c.id, c.title, c.test_max, {}, std::nullopt, std::nullopt};
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

std::vector<Course> TrainingService::Courses() { return db_.Begin(false)->Trainings().Courses(); }

Result<Course> TrainingService::CreateCourse(const Actor& actor, const CourseInput& in) {
  if (!MayEditCourses(actor)) return Fail(Error::Forbidden("managers and administrators keep the course catalogue"));
  auto uow = db_.Begin(true);
  Course c;
  c.id = NewId();
  FieldErrors errors;
  ApplyCourse(*uow, c, in, true, errors);
  if (!errors.empty()) return Fail(Error::Validation("the course has invalid fields", errors));
  c.created_at = c.updated_at = NowTimestamp();
  c.created_by = c.updated_by = actor.UserId();
  uow->Trainings().InsertCourse(c);
  RecordAudit(uow->Audit(), actor, "create", "course", c.id, std::nullopt, std::nullopt, CourseSnapshot(c));
  uow->Commit();
  return c;
}

Result<Course> TrainingService::UpdateCourse(const Actor& actor, const std::string& id,
                                             std::int64_t version, const CourseInput& in) {
  if (!MayEditCourses(actor)) return Fail(Error::Forbidden("managers and administrators keep the course catalogue"));
  auto uow = db_.Begin(true);
  auto found = IsValidId(id) ? uow->Trainings().GetCourse(id) : std::nullopt;
  if (!found) return Fail(Error::NotFound("course"));
  if (version != found->version) return Fail(Error::Stale("course", found->version));
  Course c = *found;
  FieldErrors errors;
  ApplyCourse(*uow, c, in, false, errors);
  if (!errors.empty()) return Fail(Error::Validation("the course has invalid fields", errors));
  c.version = found->version + 1;
  c.updated_at = NowTimestamp();
  c.updated_by = actor.UserId();
  if (!uow->Trainings().UpdateCourse(c, found->version)) return Fail(Error::Conflict("the course was changed by someone else"));
  RecordAudit(uow->Audit(), actor, "update", "course", c.id, std::nullopt, CourseSnapshot(*found), CourseSnapshot(c));
  uow->Commit();
  return c;
}

Result<Page<TrainingNeed>> TrainingService::Needs(const Actor& actor, std::optional<std::string> area_id,
                                                  PageRequest page) {
  auto uow = db_.Begin(false);
  auto scope = ScopeOf(*uow, actor, area_id);
  if (!scope) return Fail(scope.error());
  return uow->Trainings().Needs(*scope, page);
}

Result<TrainingNeed> TrainingService::AddNeed(const Actor& actor, const NeedInput& in) {
  auto uow = db_.Begin(true);
  FieldErrors errors;
  auto area = IsValidId(in.area_id) ? uow->Areas().Get(in.area_id) : std::nullopt;
  if (!area || !actor.Sees(area->path)) errors["area_id"] = "no such area in your areas";
  else if (!actor.Can(Permission::kActivityWrite, area->path)) errors["area_id"] = "your role may not record needs here";
  if (in.user_id.has_value() == in.institution_id.has_value())
    errors["user_id"] = "give either user_id (a staff member) or institution_id (a community institution)";
  if (in.user_id && !(IsValidId(*in.user_id) && uow->Users().Get(*in.user_id))) errors["user_id"] = "no such user";
  if (in.institution_id) {
    auto inst = IsValidId(*in.institution_id) ? uow->Institutions().Get(*in.institution_id) : std::nullopt;
    if (!inst || !actor.Sees(inst->area_path)) errors["institution_id"] = "no such institution in your areas";
  }
  if (in.course_id && !(IsValidId(*in.course_id) && uow->Trainings().GetCourse(*in.course_id)))
    errors["course_id"] = "no such course";
  CheckName(errors, "need", in.need, 2000);
  CheckOneOf(errors, "priority", in.priority, {"high", "medium", "low"});
  CheckPastDate(errors, "assessed_on", in.assessed_on);
  if (!errors.empty()) return Fail(Error::Validation("the training need is invalid", errors));
  TrainingNeed n{NewId(), area->id, area->path, in.user_id, in.institution_id, in.course_id,
                 std::nullopt, in.need, in.priority, in.assessed_on, NowTimestamp(), actor.UserId()};
  uow->Trainings().InsertNeed(n);
  RecordAudit(uow->Audit(), actor, "create", "training_need", n.id, n.area_path, std::nullopt,
              Snapshot{{"need", n.need}, {"priority", n.priority}, {"assessed_on", n.assessed_on}});
  uow->Commit();
  return n;
}

Result<Page<TrainingPlan>> TrainingService::Plans(const Actor& actor, std::optional<std::string> area_id,
                                                  std::optional<std::string> period, PageRequest page) {
  auto uow = db_.Begin(false);
  auto scope = ScopeOf(*uow, actor, area_id);
  if (!scope) return Fail(scope.error());
  std::optional<Period> p;
  if (period && !(p = ParsePeriod(*period)))
    return Fail(Error::Field("period", "must be like 2026-10, 2026Q3, 2026S2 or 2026"));
  return uow->Trainings().Plans(*scope, p ? std::optional(p->start) : std::nullopt,
                                p ? std::optional(p->end) : std::nullopt, page);
}

Result<TrainingPlan> TrainingService::SavePlan(const Actor& actor, const PlanInput& in) {
  auto uow = db_.Begin(true);
  FieldErrors errors;
  auto area = IsValidId(in.area_id) ? uow->Areas().Get(in.area_id) : std::nullopt;
  if (!area || !actor.Sees(area->path)) errors["area_id"] = "no such area in your areas";
  else if (!actor.Can(Permission::kActivityVerify, area->path) && !actor.Can(Permission::kConfigWrite, area->path))
    errors["area_id"] = "plans are set by officers, managers and administrators of the area";
  auto course = IsValidId(in.course_id) ? uow->Trainings().GetCourse(in.course_id) : std::nullopt;
  if (!course) errors["course_id"] = "no such course";
  auto period = ParsePeriod(in.period);
  if (!period) errors["period"] = "must be like 2026-10, 2026Q3, 2026S2 or 2026";
  if (in.planned_events < 0 || in.planned_events > 100000) errors["planned_events"] = "must be between 0 and 100000";
  if (in.planned_participants < 0 || in.planned_participants > 10000000) errors["planned_participants"] = "must be between 0 and 10000000";
  if (!errors.empty()) return Fail(Error::Validation("the training plan is invalid", errors));
  TrainingPlan t{NewId(), course->id, course->title, area->id, area->path, area->name, period->text,
                 period->start, period->end, NowTimestamp(), in.planned_events, in.planned_participants,
                 actor.UserId()};
  uow->Trainings().UpsertPlan(t);
  RecordAudit(uow->Audit(), actor, "update", "training_plan", std::nullopt, area->path, std::nullopt,
              Snapshot{{"course_id", t.course_id}, {"area_id", t.area_id}, {"period", t.period},
                       {"planned_events", std::to_string(t.planned_events)},
                       {"planned_participants", std::to_string(t.planned_participants)}});
  uow->Commit();
  return t;
}

Result<PlanImportReport> TrainingService::ImportPlans(const Actor& actor,
                                                     const std::vector<PlanImportRow>& rows,
                                                     bool dry_run) {
  auto uow = db_.Begin(true);
  PlanImportReport report;
  report.rows = static_cast<int>(rows.size());
  std::vector<TrainingPlan> plans;
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  auto whole = [](const std::string& s, std::int64_t& out) {
    if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos) return false;
    out = std::stoll(s);
    return true;
  };
  const auto now = NowTimestamp();
  for (const auto& r : rows) {
    const auto before = report.errors.size();
    auto err = [&](const char* column, const char* code, std::string message) {
      report.errors.push_back({r.row, column, code, std::move(message)});
    };
    auto course = r.course_code.empty() ? std::nullopt : uow->Trainings().GetCourseByCode(r.course_code);
    if (!course) err("course_code", "unknown", r.course_code.empty() ? "is required" : "no course with this code");
    auto area = r.area_code.empty() ? std::nullopt : uow->Areas().GetByCode(r.area_code);
    if (!area || !actor.Sees(area->path)) err("area_code", "unknown", "no area with this code in your areas");
    else if (!actor.Can(Permission::kActivityVerify, area->path) && !actor.Can(Permission::kConfigWrite, area->path))
      err("area_code", "forbidden", "plans are set by officers, managers and administrators of the area");
    auto period = ParsePeriod(r.period);
    if (!period) err("period", "invalid", "must be like 2026-10, 2026Q3, 2026S2 or 2026");
    std::int64_t events = 0, participants = 0;
    if (!whole(r.planned_events, events)) err("planned_events", "invalid", "must be a whole number");
    if (!whole(r.planned_participants, participants)) err("planned_participants", "invalid", "must be a whole number");
    if (report.errors.size() != before) continue;
    if (!seen.insert({course->id, area->id, period->text}).second) {
      err("period", "duplicate", "the same course, area and period twice in the file");
      continue;
    }
    plans.push_back({NewId(), course->id, course->title, area->id, area->path, area->name, period->text,
                     period->start, period->end, now, events, participants, actor.UserId()});
  }
  if (dry_run || !report.errors.empty()) return report;
  for (const auto& p : plans) uow->Trainings().UpsertPlan(p);
  RecordAudit(uow->Audit(), actor, "import", "training_plan", std::nullopt, std::nullopt, std::nullopt,
              Snapshot{{"plans", std::to_string(plans.size())}});
  uow->Commit();
  report.saved = static_cast<int>(plans.size());
  return report;
}

Result<std::vector<PlanAchievement>> TrainingService::Achievement(const Actor& actor,
                                                                 std::optional<std::string> area_id,
                                                                 std::optional<std::string> period) {
  auto plans = Plans(actor, area_id, period, PageRequest{500, 0});
  if (!plans) return Fail(plans.error());
  return db_.Begin(false)->Trainings().Achievement(plans->items);
}

Result<TraineeReport> TrainingService::Trainees(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(false);
  auto a = IsValidId(id) ? uow->Activities().Get(id) : std::nullopt;
  if (!a || !actor.Sees(a->area_path) || a->type != "training" || !a->course_id)
    return Fail(Error::NotFound("training"));
  auto course = uow->Trainings().GetCourse(*a->course_id);
  if (!course) return Fail(Error::NotFound("course"));
  return TraineeGains(*a, *course);
}

Result<std::vector<TrainingFollowup>> TrainingService::Followups(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(false);
  auto a = IsValidId(id) ? uow->Activities().Get(id) : std::nullopt;
  if (!a || !actor.Sees(a->area_path) || a->type != "training") return Fail(Error::NotFound("training"));
  return uow->Trainings().Followups(id);
}

Result<TrainingFollowup> TrainingService::AddFollowup(const Actor& actor, const std::string& id,
                                                      const std::string& person_id,
                                                      const std::string& followed_on,
                                                      const std::string& applies,
                                                      std::optional<std::string> notes) {
  auto uow = db_.Begin(true);
  auto a = IsValidId(id) ? uow->Activities().Get(id) : std::nullopt;
  if (!a || !actor.Sees(a->area_path) || a->type != "training") return Fail(Error::NotFound("training"));
  if (!actor.Can(Permission::kActivityWrite, a->area_path)) return Fail(Error::Forbidden());
  FieldErrors errors;
  const auto* trainee = [&]() -> const Attendance* {
    for (const auto& t : a->attendance)
      if (t.person_id == person_id) return &t;
    return nullptr;
  }();
  if (!trainee) errors["person_id"] = "is not a trainee of this training";
  CheckPastDate(errors, "followed_on", followed_on);
  if (followed_on < a->held_on) errors["followed_on"] = "is before the training";
  CheckOneOf(errors, "applies", applies, {"yes", "partly", "no"});
  if (notes) CheckOptionalName(errors, "notes", *notes, 2000);
  if (!errors.empty()) return Fail(Error::Validation("the follow-up is invalid", errors));
  TrainingFollowup f{NewId(), id, person_id, trainee->person_name, followed_on, applies,
                     NowTimestamp(), notes, actor.UserId()};
  uow->Trainings().InsertFollowup(f);
  RecordAudit(uow->Audit(), actor, "create", "training_followup", f.id, a->area_path, std::nullopt,
              Snapshot{{"activity_id", id}, {"person_id", person_id}, {"applies", applies}});
  uow->Commit();
  return f;
}

}  // namespace mobilise::domain
