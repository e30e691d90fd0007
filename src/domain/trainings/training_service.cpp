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
  if (!area || !actor.Sees(area->path))
    return Fail(Error::Field("area", "no such area in your areas"));
  return std::vector<PathRange>{SubtreeRange(area->path)};
}

// Needs and follow-ups: whoever recorded them, or an officer, manager or administrator of the
// area, provided they still record trainings there.
bool MayChange(const Actor& actor, const std::optional<std::string>& created_by,
               const std::string& path) {
  if (!actor.Can(Permission::kActivityWrite, path)) return false;
  return (created_by && *created_by == actor.user_id) ||
         actor.Can(Permission::kActivityVerify, path) || actor.Can(Permission::kConfigWrite, path);
}

bool MaySetPlans(const Actor& actor, const std::string& path) {
  return actor.Can(Permission::kActivityVerify, path) || actor.Can(Permission::kConfigWrite, path);
}

constexpr const char* kPlansAreSetBy =
    "plans are set by officers, managers and administrators of the area";
constexpr const char* kPeriodForm = "must be like 2026-10, 2026Q3, 2026S2 or 2026";

std::string Number(double v) {
  std::string s = std::to_string(v);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
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

void ApplyCourse(UnitOfWork& uow, Course& c, const CourseInput& in, bool creating,
                 FieldErrors& errors) {
  if (creating) {
    if (!in.code) errors["code"] = "is required";
    if (!in.title) errors["title"] = "is required";
    if (!in.audience) errors["audience"] = "is required";
    if (!in.duration_hours) errors["duration_hours"] = "is required";
  }
  if (in.code) {
    CheckCode(errors, "code", *in.code);
    if (*in.code != c.code && uow.Trainings().GetCourseByCode(*in.code))
      errors["code"] = "another course has this code";
    c.code = *in.code;
  }
  if (in.title) CheckName(errors, "title", *in.title), c.title = *in.title;
  if (in.title_local) {
    CheckOptionalName(errors, "title_local", *in.title_local);
    c.title_local = in.title_local->empty() ? std::nullopt : in.title_local;
  }
  if (in.audience)
    CheckOneOf(errors, "audience", *in.audience, {"staff", "community"}), c.audience = *in.audience;
  if (in.topics) {
    const auto config = uow.RegistryConfig().Load();
    c.topics.clear();
    for (const auto& t : *in.topics) {
      const bool known = std::any_of(config.topics.begin(), config.topics.end(),
                                     [&](const RegistryOption& o) { return o.code == t; });
      if (!known)
        errors["topics"] = "unknown topic " + t;
      else
        c.topics.push_back(t);
    }
  }
  if (in.duration_hours)
    CheckRange(errors, "duration_hours", *in.duration_hours, 0.5, 1000),
        c.duration_hours = *in.duration_hours;
  if (in.test_max) {
    // Scores already given stay within the test: the maximum is not set below them, and the
    // test is not removed while trainees have scores.
    const auto highest = creating ? std::nullopt : uow.Trainings().HighestScore(c.id);
    if (*in.test_max) {
      CheckRange(errors, "test_max", **in.test_max, 1, 1000);
      if (highest && *highest > **in.test_max)
        errors["test_max"] = "trainees of this course have scores up to " + Number(*highest) +
                             "; the maximum cannot be lower";
    } else if (highest) {
      errors["test_max"] =
          "trainees of this course have test scores; clear them before removing the test";
    }
    c.test_max = *in.test_max;
  }
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

// A need as it would be written: the area (where the caller records trainings), exactly one
// subject (a staff member with a role in the caller's areas, or an institution in them), the
// course, the need, its priority and date.
void CheckNeed(UnitOfWork& uow, const Actor& actor, TrainingNeed& n, bool area_changed,
               bool subject_changed, FieldErrors& errors) {
  if (area_changed) {
    auto area = IsValidId(n.area_id) ? uow.Areas().Get(n.area_id) : std::nullopt;
    if (!area || !actor.Sees(area->path))
      errors["area_id"] = "no such area in your areas";
    else if (!actor.Can(Permission::kActivityWrite, area->path))
      errors["area_id"] = "your role may not record needs here";
    else
      n.area_path = area->path, n.area_name = area->name;
  }
  if (n.user_id.has_value() == n.institution_id.has_value())
    errors["user_id"] =
        "give either user_id (a staff member) or institution_id (a community institution)";
  if (n.user_id && subject_changed) {
    auto user = IsValidId(*n.user_id) ? uow.Users().Get(*n.user_id) : std::nullopt;
    const bool ours =
        user && std::any_of(user->roles.begin(), user->roles.end(),
                            [&](const RoleAssignment& r) { return actor.Sees(r.area_path); });
    if (!ours) errors["user_id"] = "no such staff member in your areas";
  }
  if (n.institution_id && subject_changed) {
    auto inst =
        IsValidId(*n.institution_id) ? uow.Institutions().Get(*n.institution_id) : std::nullopt;
    if (!inst || !actor.Sees(inst->area_path))
      errors["institution_id"] = "no such institution in your areas";
  }
  if (n.course_id && !(IsValidId(*n.course_id) && uow.Trainings().GetCourse(*n.course_id)))
    errors["course_id"] = "no such course";
  CheckName(errors, "need", n.need, 2000);
  CheckOneOf(errors, "priority", n.priority, {"high", "medium", "low"});
  CheckPastDate(errors, "assessed_on", n.assessed_on);
}

Snapshot PlanSnapshot(const TrainingPlan& t) {
  return Snapshot{{"course_id", t.course_id},
                  {"area_id", t.area_id},
                  {"period", t.period},
                  {"planned_events", std::to_string(t.planned_events)},
                  {"planned_participants", std::to_string(t.planned_participants)},
                  {"version", std::to_string(t.version)}};
}

// A plan's area (where the caller sets plans), course, period and planned figures: each checked
// and set when given and changed (all of them when creating).
void ApplyPlan(UnitOfWork& uow, const Actor& actor, TrainingPlan& t, const PlanPatch& in,
               bool creating, FieldErrors& errors) {
  if (in.area_id && (creating || *in.area_id != t.area_id)) {
    auto area = IsValidId(*in.area_id) ? uow.Areas().Get(*in.area_id) : std::nullopt;
    if (!area || !actor.Sees(area->path))
      errors["area_id"] = "no such area in your areas";
    else if (!MaySetPlans(actor, area->path))
      errors["area_id"] = kPlansAreSetBy;
    else
      t.area_id = area->id, t.area_path = area->path, t.area_name = area->name;
  }
  if (in.course_id && (creating || *in.course_id != t.course_id)) {
    auto course =
        IsValidId(*in.course_id) ? uow.Trainings().GetCourse(*in.course_id) : std::nullopt;
    if (!course)
      errors["course_id"] = "no such course";
    else
      t.course_id = course->id, t.course_title = course->title;
  }
  if (in.period) {
    auto period = ParsePeriod(*in.period);
    if (!period)
      errors["period"] = kPeriodForm;
    else
      t.period = period->text, t.period_start = period->start, t.period_end = period->end;
  }
  if (in.planned_events) t.planned_events = *in.planned_events;
  if (in.planned_participants) t.planned_participants = *in.planned_participants;
  if (t.planned_events < 0 || t.planned_events > 100000)
    errors["planned_events"] = "must be between 0 and 100000";
  if (t.planned_participants < 0 || t.planned_participants > 10000000)
    errors["planned_participants"] = "must be between 0 and 10000000";
}

Snapshot FollowupSnapshot(const TrainingFollowup& f) {
  return Snapshot{{"activity_id", f.activity_id},
                  {"person_id", f.person_id},
                  {"followed_on", f.followed_on},
                  {"applies", f.applies},
                  {"version", std::to_string(f.version)}};
}

void CheckFollowup(const Activity& a, const TrainingFollowup& f, FieldErrors& errors) {
  CheckPastDate(errors, "followed_on", f.followed_on);
  if (f.followed_on < a.held_on) errors["followed_on"] = "is before the training";
  CheckOneOf(errors, "applies", f.applies, {"yes", "partly", "no"});
  if (f.notes) CheckOptionalName(errors, "notes", *f.notes, 2000);
}

// A training event the actor sees (type training), or not found.
Result<Activity> VisibleTraining(UnitOfWork& uow, const Actor& actor, const std::string& id) {
  auto a = IsValidId(id) ? uow.Activities().Get(id) : std::nullopt;
  if (!a || !actor.Sees(a->area_path) || a->type != "training")
    return Fail(Error::NotFound("training"));
  return *a;
}

// A need or a plan whose area the actor sees, or not found.
Result<TrainingNeed> VisibleNeed(UnitOfWork& uow, const Actor& actor, const std::string& id) {
  auto n = IsValidId(id) ? uow.Trainings().GetNeed(id) : std::nullopt;
  if (!n || !actor.Sees(n->area_path)) return Fail(Error::NotFound("training need"));
  return *n;
}

Result<TrainingPlan> VisiblePlan(UnitOfWork& uow, const Actor& actor, const std::string& id) {
  auto t = IsValidId(id) ? uow.Trainings().GetPlan(id) : std::nullopt;
  if (!t || !actor.Sees(t->area_path)) return Fail(Error::NotFound("training plan"));
  return *t;
}

std::string ScoresText(const Attendance& t) {
  return (t.pre_score ? Number(*t.pre_score) : "-") + " / " +
         (t.post_score ? Number(*t.post_score) : "-");
}

}  // namespace

TraineeReport TraineeGains(const Activity& a, const Course& c) {
  TraineeReport r{a.id,       a.status, c.id,         c.title,     a.version,
                  c.test_max, {},       std::nullopt, std::nullopt};
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
  if (!MayEditCourses(actor))
    return Fail(Error::Forbidden("managers and administrators keep the course catalogue"));
  auto uow = db_.Begin(true);
  Course c;
  c.id = NewId();
  FieldErrors errors;
  ApplyCourse(*uow, c, in, true, errors);
  if (!errors.empty()) return Fail(Error::Validation("the course has invalid fields", errors));
  c.created_at = c.updated_at = NowTimestamp();
  c.created_by = c.updated_by = actor.UserId();
  uow->Trainings().InsertCourse(c);
  RecordAudit(uow->Audit(), actor, "create", "course", c.id, std::nullopt, std::nullopt,
              CourseSnapshot(c));
  uow->Commit();
  return c;
}

Result<Course> TrainingService::UpdateCourse(const Actor& actor, const std::string& id,
                                             std::int64_t version, const CourseInput& in) {
  if (!MayEditCourses(actor))
    return Fail(Error::Forbidden("managers and administrators keep the course catalogue"));
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
  if (!uow->Trainings().UpdateCourse(c, found->version))
    return Fail(Error::Conflict("the course was changed by someone else"));
  RecordAudit(uow->Audit(), actor, "update", "course", c.id, std::nullopt, CourseSnapshot(*found),
              CourseSnapshot(c));
  uow->Commit();
  return c;
}

Result<Course> TrainingService::GetCourse(const std::string& id) {
  auto c = IsValidId(id) ? db_.Begin(false)->Trainings().GetCourse(id) : std::nullopt;
  if (!c) return Fail(Error::NotFound("course"));
  return *c;
}

Status TrainingService::DeleteCourse(const Actor& actor, const std::string& id) {
  if (!MayEditCourses(actor))
    return Fail(Error::Forbidden("managers and administrators keep the course catalogue"));
  auto uow = db_.Begin(true);
  auto found = IsValidId(id) ? uow->Trainings().GetCourse(id) : std::nullopt;
  if (!found) return Fail(Error::NotFound("course"));
  const auto use = uow->Trainings().UseOfCourse(id);
  if (use.events + use.plans + use.needs > 0) {
    std::string uses;
    auto add = [&](std::int64_t n, const char* one, const char* many) {
      if (n == 0) return;
      uses += (uses.empty() ? "" : ", ") + std::to_string(n) + " " + (n == 1 ? one : many);
    };
    add(use.events, "training event", "training events");
    add(use.plans, "training plan", "training plans");
    add(use.needs, "training need", "training needs");
    return Fail(Error::Conflict("the course is used by " + uses + "; it cannot be deleted"));
  }
  uow->Trainings().DeleteCourse(id);
  RecordAudit(uow->Audit(), actor, "delete", "course", id, std::nullopt, CourseSnapshot(*found),
              std::nullopt);
  uow->Commit();
  return {};
}

Result<Page<TrainingNeed>> TrainingService::Needs(const Actor& actor,
                                                  std::optional<std::string> area_id,
                                                  PageRequest page) {
  auto uow = db_.Begin(false);
  auto scope = ScopeOf(*uow, actor, area_id);
  if (!scope) return Fail(scope.error());
  return uow->Trainings().Needs(*scope, page);
}

Result<TrainingNeed> TrainingService::AddNeed(const Actor& actor, const NeedInput& in) {
  auto uow = db_.Begin(true);
  TrainingNeed n{NewId(),        in.area_id,    "",      in.user_id,  in.institution_id,
                 in.course_id,   std::nullopt,  in.need, in.priority, in.assessed_on,
                 NowTimestamp(), actor.UserId()};
  FieldErrors errors;
  CheckNeed(*uow, actor, n, true, true, errors);
  if (!errors.empty()) return Fail(Error::Validation("the training need is invalid", errors));
  uow->Trainings().InsertNeed(n);
  RecordAudit(uow->Audit(), actor, "create", "training_need", n.id, n.area_path, std::nullopt,
              NeedSnapshot(n));
  uow->Commit();
  return n;
}

Result<TrainingNeed> TrainingService::GetNeed(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(false);
  return VisibleNeed(*uow, actor, id);
}

Result<TrainingNeed> TrainingService::UpdateNeed(const Actor& actor, const std::string& id,
                                                 std::int64_t version, const NeedPatch& in) {
  auto uow = db_.Begin(true);
  auto found = VisibleNeed(*uow, actor, id);
  if (!found) return Fail(found.error());
  if (!MayChange(actor, found->created_by, found->area_path))
    return Fail(Error::Forbidden(
        "a need is changed by whoever recorded it, or by a supervisor of the area"));
  if (version != found->version) return Fail(Error::Stale("training need", found->version));
  TrainingNeed n = *found;
  const bool area_changed = in.area_id && *in.area_id != n.area_id;
  if (in.area_id) n.area_id = *in.area_id;
  if (in.user_id) n.user_id = in.user_id, n.institution_id.reset();
  if (in.institution_id) n.institution_id = in.institution_id, n.user_id.reset();
  if (in.course_id) n.course_id = NonEmpty(*in.course_id);
  if (in.need) n.need = *in.need;
  if (in.priority) n.priority = *in.priority;
  if (in.assessed_on) n.assessed_on = *in.assessed_on;
  FieldErrors errors;
  CheckNeed(*uow, actor, n, area_changed, in.user_id || in.institution_id, errors);
  if (in.user_id && in.institution_id)
    errors["user_id"] = "give either user_id or institution_id, not both";
  if (!errors.empty()) return Fail(Error::Validation("the training need is invalid", errors));
  n.version = found->version + 1;
  n.updated_at = NowTimestamp();
  n.updated_by = actor.UserId();
  if (!uow->Trainings().UpdateNeed(n, found->version))
    return Fail(Error::Conflict("the training need was changed by someone else; reload"));
  RecordAudit(uow->Audit(), actor, "update", "training_need", n.id, n.area_path,
              NeedSnapshot(*found), NeedSnapshot(n));
  auto stored = uow->Trainings().GetNeed(n.id);
  uow->Commit();
  return stored.value_or(n);
}

Status TrainingService::DeleteNeed(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(true);
  auto found = VisibleNeed(*uow, actor, id);
  if (!found) return Fail(found.error());
  if (!MayChange(actor, found->created_by, found->area_path))
    return Fail(Error::Forbidden(
        "a need is deleted by whoever recorded it, or by a supervisor of the area"));
  uow->Trainings().DeleteNeed(id);
  RecordAudit(uow->Audit(), actor, "delete", "training_need", id, found->area_path,
              NeedSnapshot(*found), std::nullopt);
  uow->Commit();
  return {};
}

Result<Page<StaffMember>> TrainingService::Staff(const Actor& actor,
                                                 std::optional<std::string> area_id,
                                                 std::optional<std::string> text,
                                                 PageRequest page) {
  if (!actor.HasPermission(Permission::kActivityWrite))
    return Fail(Error::Forbidden("staff are listed for those who record trainings"));
  auto uow = db_.Begin(false);
  const auto scope = actor.Scope(Permission::kActivityWrite);
  std::optional<std::string> area_path;
  if (area_id) {
    auto area = IsValidId(*area_id) ? uow->Areas().Get(*area_id) : std::nullopt;
    if (!area || !actor.Sees(area->path))
      return Fail(Error::Field("area", "no such area in your areas"));
    area_path = area->path;
  }
  if (text && text->empty()) text.reset();
  if (scope.empty()) return Page<StaffMember>{};
  return uow->Trainings().Staff(scope, area_path, text, page);
}

Result<Page<TrainingPlan>> TrainingService::Plans(const Actor& actor,
                                                  std::optional<std::string> area_id,
                                                  std::optional<std::string> period,
                                                  PageRequest page) {
  auto uow = db_.Begin(false);
  auto scope = ScopeOf(*uow, actor, area_id);
  if (!scope) return Fail(scope.error());
  std::optional<Period> p;
  if (period && !(p = ParsePeriod(*period))) return Fail(Error::Field("period", kPeriodForm));
  return uow->Trainings().Plans(*scope, p ? std::optional(p->start) : std::nullopt,
                                p ? std::optional(p->end) : std::nullopt, page);
}

Result<TrainingPlan> TrainingService::SavePlan(const Actor& actor, const PlanInput& in) {
  auto uow = db_.Begin(true);
  TrainingPlan t;
  t.id = NewId();
  t.created_at = NowTimestamp();
  t.created_by = actor.UserId();
  FieldErrors errors;
  ApplyPlan(
      *uow, actor, t,
      PlanPatch{in.course_id, in.area_id, in.period, in.planned_events, in.planned_participants},
      true, errors);
  if (!errors.empty()) return Fail(Error::Validation("the training plan is invalid", errors));
  uow->Trainings().UpsertPlan(t);
  // The plan written: this one, or the one of the same course x area x period it replaced.
  auto stored = uow->Trainings().FindPlan(t.course_id, t.area_id, t.period).value_or(t);
  RecordAudit(uow->Audit(), actor, "update", "training_plan", stored.id, t.area_path, std::nullopt,
              PlanSnapshot(stored));
  uow->Commit();
  return stored;
}

Result<TrainingPlan> TrainingService::GetPlan(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(false);
  return VisiblePlan(*uow, actor, id);
}

Result<TrainingPlan> TrainingService::UpdatePlan(const Actor& actor, const std::string& id,
                                                 std::int64_t version, const PlanPatch& in) {
  auto uow = db_.Begin(true);
  auto found = VisiblePlan(*uow, actor, id);
  if (!found) return Fail(found.error());
  if (!MaySetPlans(actor, found->area_path)) return Fail(Error::Forbidden(kPlansAreSetBy));
  if (version != found->version) return Fail(Error::Stale("training plan", found->version));
  TrainingPlan t = *found;
  FieldErrors errors;
  ApplyPlan(*uow, actor, t, in, false, errors);
  if (!errors.empty()) return Fail(Error::Validation("the training plan is invalid", errors));
  if (auto other = uow->Trainings().FindPlan(t.course_id, t.area_id, t.period);
      other && other->id != t.id)
    return Fail(Error::Conflict(
        "there is already a plan for this course, area and period: change that one"));
  t.version = found->version + 1;
  t.updated_at = NowTimestamp();
  t.updated_by = actor.UserId();
  if (!uow->Trainings().UpdatePlan(t, found->version))
    return Fail(Error::Conflict("the training plan was changed by someone else; reload"));
  RecordAudit(uow->Audit(), actor, "update", "training_plan", t.id, t.area_path,
              PlanSnapshot(*found), PlanSnapshot(t));
  uow->Commit();
  return t;
}

Status TrainingService::DeletePlan(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(true);
  auto found = VisiblePlan(*uow, actor, id);
  if (!found) return Fail(found.error());
  if (!MaySetPlans(actor, found->area_path)) return Fail(Error::Forbidden(kPlansAreSetBy));
  uow->Trainings().DeletePlan(id);
  RecordAudit(uow->Audit(), actor, "delete", "training_plan", id, found->area_path,
              PlanSnapshot(*found), std::nullopt);
  uow->Commit();
  return {};
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
    if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos)
      return false;
    out = std::stoll(s);
    return true;
  };
  const auto now = NowTimestamp();
  for (const auto& r : rows) {
    const auto before = report.errors.size();
    auto err = [&](const char* column, const char* code, std::string message) {
      report.errors.push_back({r.row, column, code, std::move(message)});
    };
    auto course =
        r.course_code.empty() ? std::nullopt : uow->Trainings().GetCourseByCode(r.course_code);
    if (!course)
      err("course_code", "unknown",
          r.course_code.empty() ? "is required" : "no course with this code");
    auto area = r.area_code.empty() ? std::nullopt : uow->Areas().GetByCode(r.area_code);
    if (!area || !actor.Sees(area->path))
      err("area_code", "unknown", "no area with this code in your areas");
    else if (!MaySetPlans(actor, area->path))
      err("area_code", "forbidden", kPlansAreSetBy);
    auto period = ParsePeriod(r.period);
    if (!period) err("period", "invalid", kPeriodForm);
    std::int64_t events = 0, participants = 0;
    if (!whole(r.planned_events, events))
      err("planned_events", "invalid", "must be a whole number");
    if (!whole(r.planned_participants, participants))
      err("planned_participants", "invalid", "must be a whole number");
    if (report.errors.size() != before) continue;
    if (!seen.insert({course->id, area->id, period->text}).second) {
      err("period", "duplicate", "the same course, area and period twice in the file");
      continue;
    }
    plans.push_back({NewId(), course->id, course->title, area->id, area->path, area->name,
                     period->text, period->start, period->end, now, events, participants,
                     actor.UserId()});
  }
  if (dry_run || !report.errors.empty()) return report;
  for (const auto& p : plans) uow->Trainings().UpsertPlan(p);
  RecordAudit(uow->Audit(), actor, "import", "training_plan", std::nullopt, std::nullopt,
              std::nullopt, Snapshot{{"plans", std::to_string(plans.size())}});
  uow->Commit();
  report.saved = static_cast<int>(plans.size());
  return report;
}

Result<std::vector<PlanAchievement>> TrainingService::Achievement(
    const Actor& actor, std::optional<std::string> area_id, std::optional<std::string> period) {
  auto plans = Plans(actor, area_id, period, PageRequest{500, 0});
  if (!plans) return Fail(plans.error());
  return db_.Begin(false)->Trainings().Achievement(plans->items);
}

Result<TraineeReport> TrainingService::Trainees(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(false);
  auto a = VisibleTraining(*uow, actor, id);
  if (!a || !a->course_id) return Fail(Error::NotFound("training"));
  auto course = uow->Trainings().GetCourse(*a->course_id);
  if (!course) return Fail(Error::NotFound("course"));
  return TraineeGains(*a, *course);
}

Result<TraineeReport> TrainingService::SetScores(const Actor& actor, const std::string& id,
                                                 const ScoresInput& in) {
  auto uow = db_.Begin(true);
  auto found = VisibleTraining(*uow, actor, id);
  if (!found || !found->course_id) return Fail(Error::NotFound("training"));
  const Activity before = *found;
  const bool author = before.author_id && *before.author_id == actor.user_id;
  const bool supervisor = actor.Can(Permission::kActivityVerify, before.area_path);
  // Like the activity itself: a draft is its author's (or a supervisor's); once submitted, the
  // scores change only through a supervisor's correction, with a reason.
  const bool correcting = before.status == "submitted" || before.status == "verified";
  if (correcting && (!supervisor || author))
    return Fail(
        Error::Forbidden("the training is " + before.status +
                         ": its scores are corrected by a supervisor of the area, with a reason"));
  if (!correcting && !author && !supervisor)
    return Fail(Error::Forbidden("only the author (or their supervisor) scores a draft training"));
  if (in.version != before.version) return Fail(Error::Stale("activity", before.version));
  auto course = uow->Trainings().GetCourse(*before.course_id);
  if (!course) return Fail(Error::NotFound("course"));
  Activity a = before;
  FieldErrors errors;
  if (correcting && (!in.correction_reason || in.correction_reason->empty()))
    errors["correction_reason"] = "is required to correct a submitted or verified training";
  else if (!correcting && in.correction_reason)
    errors["correction_reason"] = "only for correcting a submitted or verified training";
  if (in.correction_reason)
    CheckOptionalName(errors, "correction_reason", *in.correction_reason, 1000);
  if (in.trainees.empty()) errors["trainees"] = "list the trainees to score";
  Snapshot was, now;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < in.trainees.size(); ++i) {
    const auto& x = in.trainees[i];
    const std::string f = "trainees[" + std::to_string(i) + "]";
    auto t = std::find_if(a.attendance.begin(), a.attendance.end(),
                          [&](const Attendance& y) { return y.person_id == x.person_id; });
    if (t == a.attendance.end()) {
      errors[f + ".person_id"] = "is not a trainee of this training";
      continue;
    }
    if (!seen.insert(x.person_id).second) errors[f + ".person_id"] = "listed twice";
    for (const auto& [name, score] :
         {std::pair{".pre_score", x.pre_score}, std::pair{".post_score", x.post_score}}) {
      if (!score) continue;
      if (!course->test_max)
        errors[f + name] = "the course has no test";
      else if (*score < 0 || *score > *course->test_max)
        errors[f + name] = "must be between 0 and the test maximum " + Number(*course->test_max);
    }
    if (t->pre_score == x.pre_score && t->post_score == x.post_score) continue;
    was["score " + x.person_id] = ScoresText(*t);
    t->pre_score = x.pre_score;
    t->post_score = x.post_score;
    now["score " + x.person_id] = ScoresText(*t);
  }
  if (!errors.empty()) return Fail(Error::Validation("the scores are invalid", errors));
  a.version = before.version + 1;
  a.updated_at = NowTimestamp();
  a.updated_by = actor.UserId();
  if (!uow->Activities().Update(a, before.version))
    return Fail(Error::Conflict("the training was changed by someone else; reload"));
  was["version"] = std::to_string(before.version);
  now["version"] = std::to_string(a.version);
  if (correcting) now["correction_reason"] = *in.correction_reason;
  RecordAudit(uow->Audit(), actor, correcting ? "correct" : "update", "activity", a.id, a.area_path,
              was, now);
  auto stored = uow->Activities().Get(a.id);
  uow->Commit();
  return TraineeGains(stored.value_or(a), *course);
}

Result<std::vector<TrainingFollowup>> TrainingService::Followups(const Actor& actor,
                                                                 const std::string& id) {
  auto uow = db_.Begin(false);
  auto a = VisibleTraining(*uow, actor, id);
  if (!a) return Fail(a.error());
  return uow->Trainings().Followups(id);
}

Result<TrainingFollowup> TrainingService::AddFollowup(const Actor& actor, const std::string& id,
                                                      const std::string& person_id,
                                                      const std::string& followed_on,
                                                      const std::string& applies,
                                                      std::optional<std::string> notes) {
  auto uow = db_.Begin(true);
  auto a = VisibleTraining(*uow, actor, id);
  if (!a) return Fail(a.error());
  if (!actor.Can(Permission::kActivityWrite, a->area_path)) return Fail(Error::Forbidden());
  FieldErrors errors;
  const auto* trainee = [&]() -> const Attendance* {
    for (const auto& t : a->attendance)
      if (t.person_id == person_id) return &t;
    return nullptr;
  }();
  if (!trainee) errors["person_id"] = "is not a trainee of this training";
  TrainingFollowup f{NewId(),       id,      person_id,      trainee ? trainee->person_name : "",
                     followed_on,   applies, NowTimestamp(), notes,
                     actor.UserId()};
  CheckFollowup(*a, f, errors);
  if (!errors.empty()) return Fail(Error::Validation("the follow-up is invalid", errors));
  uow->Trainings().InsertFollowup(f);
  RecordAudit(uow->Audit(), actor, "create", "training_followup", f.id, a->area_path, std::nullopt,
              FollowupSnapshot(f));
  uow->Commit();
  return f;
}

Result<TrainingFollowup> TrainingService::UpdateFollowup(const Actor& actor,
                                                         const std::string& activity_id,
                                                         const std::string& id,
                                                         std::int64_t version,
                                                         const FollowupPatch& in) {
  auto uow = db_.Begin(true);
  auto a = VisibleTraining(*uow, actor, activity_id);
  if (!a) return Fail(a.error());
  auto found = IsValidId(id) ? uow->Trainings().GetFollowup(id) : std::nullopt;
  if (!found || found->activity_id != activity_id) return Fail(Error::NotFound("follow-up"));
  if (!MayChange(actor, found->created_by, a->area_path))
    return Fail(Error::Forbidden(
        "a follow-up is changed by whoever recorded it, or by a supervisor of the area"));
  if (version != found->version) return Fail(Error::Stale("follow-up", found->version));
  TrainingFollowup f = *found;
  if (in.followed_on) f.followed_on = *in.followed_on;
  if (in.applies) f.applies = *in.applies;
  if (in.notes) f.notes = NonEmpty(*in.notes);
  FieldErrors errors;
  CheckFollowup(*a, f, errors);
  if (!errors.empty()) return Fail(Error::Validation("the follow-up is invalid", errors));
  f.version = found->version + 1;
  f.updated_at = NowTimestamp();
  f.updated_by = actor.UserId();
  if (!uow->Trainings().UpdateFollowup(f, found->version))
    return Fail(Error::Conflict("the follow-up was changed by someone else; reload"));
  RecordAudit(uow->Audit(), actor, "update", "training_followup", f.id, a->area_path,
              FollowupSnapshot(*found), FollowupSnapshot(f));
  uow->Commit();
  return f;
}

Status TrainingService::DeleteFollowup(const Actor& actor, const std::string& activity_id,
                                       const std::string& id) {
  auto uow = db_.Begin(true);
  auto a = VisibleTraining(*uow, actor, activity_id);
  if (!a) return Fail(a.error());
  auto found = IsValidId(id) ? uow->Trainings().GetFollowup(id) : std::nullopt;
  if (!found || found->activity_id != activity_id) return Fail(Error::NotFound("follow-up"));
  if (!MayChange(actor, found->created_by, a->area_path))
    return Fail(Error::Forbidden(
        "a follow-up is deleted by whoever recorded it, or by a supervisor of the area"));
  uow->Trainings().DeleteFollowup(id);
  RecordAudit(uow->Audit(), actor, "delete", "training_followup", id, a->area_path,
              FollowupSnapshot(*found), std::nullopt);
  uow->Commit();
  return {};
}

}  // namespace mobilise::domain
