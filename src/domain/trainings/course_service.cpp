// TrainingService: the course catalogue, kept by managers and administrators.
#include <algorithm>

#include "core/id.hpp"
#include "domain/idempotency/idempotency.hpp"
#include "domain/trainings/training_lookup.hpp"
#include "domain/trainings/training_rules.hpp"
#include "domain/trainings/training_service.hpp"

namespace mobilise::domain {
namespace {

constexpr const char* kCatalogueKeepers = "managers and administrators keep the course catalogue";

void ApplyCourse(UnitOfWork& uow, Course& c, const CourseInput& in, bool creating,
                 FieldErrors& errors) {
  if (creating) {
    if (!in.code) errors["code"] = problem::Required();
    if (!in.title) errors["title"] = problem::Required();
    if (!in.audience) errors["audience"] = problem::Required();
    if (!in.duration_hours) errors["duration_hours"] = problem::Required();
  }
  if (in.code) {
    CheckCode(errors, "code", *in.code);
    if (*in.code != c.code && uow.Trainings().GetCourseByCode(*in.code))
      errors["code"] = problem::CodeTaken("course");
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
        errors["topics"] = problem::UnknownNamed("topic", t);
      else
        c.topics.push_back(t);
    }
  }
  if (in.duration_hours)
    CheckRange(errors, "duration_hours", *in.duration_hours, 0.5, 1000),
        c.duration_hours = *in.duration_hours;
  if (in.test_max) {
    // Scores already given stay within the test.
    CheckTestMax(errors, *in.test_max,
                 creating ? std::nullopt : uow.Trainings().HighestScore(c.id));
    c.test_max = *in.test_max;
  }
}

}  // namespace

std::vector<Course> TrainingService::Courses() { return db_.Begin(false)->Trainings().Courses(); }

Result<Course> TrainingService::CreateCourse(const Actor& actor, const CourseInput& in) {
  if (!MayEditCourses(actor)) return Fail(Error::Forbidden(kCatalogueKeepers));
  auto uow = db_.Begin(true);
  if (auto ok = ClaimRecordId(*uow, RecordTable::kCourse, in.id); !ok) return Fail(ok.error());
  Course c;
  FieldErrors errors;
  c.id = NewRecordId(in.id, "id", errors);
  ApplyCourse(*uow, c, in, true, errors);
  if (!errors.empty()) return Fail(Error::Validation("the course has invalid fields", errors));
  c.created_at = c.updated_at = clock_.Timestamp();
  c.created_by = c.updated_by = actor.UserId();
  uow->Trainings().InsertCourse(c);
  RecordAudit(uow->Audit(), clock_, actor, "create", "course", c.id, std::nullopt, std::nullopt,
              CourseSnapshot(c));
  uow->Commit();
  return c;
}

Result<Course> TrainingService::UpdateCourse(const Actor& actor, const std::string& id,
                                             std::int64_t version, const CourseInput& in) {
  if (!MayEditCourses(actor)) return Fail(Error::Forbidden(kCatalogueKeepers));
  auto uow = db_.Begin(true);
  auto found = IsValidId(id) ? uow->Trainings().GetCourse(id) : std::nullopt;
  if (!found) return Fail(Error::NotFound("course"));
  if (version != found->version) return Fail(Error::Stale("course", found->version));
  Course c = *found;
  FieldErrors errors;
  ApplyCourse(*uow, c, in, false, errors);
  if (!errors.empty()) return Fail(Error::Validation("the course has invalid fields", errors));
  NextVersion(c, *found, actor, clock_.Timestamp());
  if (!uow->Trainings().UpdateCourse(c, found->version))
    return Fail(Error::Conflict("the course was changed by someone else"));
  RecordAudit(uow->Audit(), clock_, actor, "update", "course", c.id, std::nullopt,
              CourseSnapshot(*found), CourseSnapshot(c));
  uow->Commit();
  return c;
}

Result<Course> TrainingService::GetCourse(const std::string& id) {
  auto c = IsValidId(id) ? db_.Begin(false)->Trainings().GetCourse(id) : std::nullopt;
  if (!c) return Fail(Error::NotFound("course"));
  return *c;
}

Status TrainingService::DeleteCourse(const Actor& actor, const std::string& id) {
  if (!MayEditCourses(actor)) return Fail(Error::Forbidden(kCatalogueKeepers));
  auto uow = db_.Begin(true);
  auto found = IsValidId(id) ? uow->Trainings().GetCourse(id) : std::nullopt;
  if (!found) return Fail(Error::NotFound("course"));
  if (const auto uses = CourseUseText(uow->Trainings().UseOfCourse(id)); !uses.empty())
    return Fail(Error::Conflict("the course is used by " + uses + "; it cannot be deleted"));
  uow->Trainings().DeleteCourse(id);
  RecordAudit(uow->Audit(), clock_, actor, "delete", "course", id, std::nullopt,
              CourseSnapshot(*found), std::nullopt);
  uow->Commit();
  return {};
}

}  // namespace mobilise::domain
