#include "domain/activities/activity_service.hpp"

#include <algorithm>

#include "core/id.hpp"
#include "domain/activities/activity_rules.hpp"
#include "domain/areas/area_scope.hpp"
#include "domain/idempotency/idempotency.hpp"
#include "domain/users/user_service.hpp"
#include "domain/validation.hpp"
#include "domain/versioned.hpp"

namespace mobilise::domain {
namespace {

Result<Activity> Visible(UnitOfWork& uow, const Actor& actor, const std::string& id) {
  if (!IsValidId(id)) return Fail(Error::NotFound("activity"));
  auto a = uow.Activities().Get(id);
  if (!a || !actor.Sees(a->area_path)) return Fail(Error::NotFound("activity"));
  return *a;
}

// The record's corrections (the latest 100), for whoever may see it.
void AddCorrections(UnitOfWork& uow, Activity& a) {
  for (auto& n : uow.Audit().Notes("activity", a.id, "correct", "correction_reason", 100))
    a.corrections.push_back({n.at, n.user_id, n.user_name, n.note});
}

// A training event teaches a course; trainees' test scores stay within its maximum.
void CheckCourse(UnitOfWork& uow, const Activity& a, const ActivityInput& in, FieldErrors& errors) {
  if (a.type != "training") {
    if (a.course_id) errors["course_id"] = problem::OnlyKindHasCourse("training");
    return;
  }
  auto course = a.course_id ? uow.Trainings().GetCourse(*a.course_id) : std::nullopt;
  if (!a.course_id)
    errors["course_id"] = problem::IsRequiredForKind("training");
  else if (!course)
    errors["course_id"] = problem::NoSuch("course");
  else if (in.attendance)
    for (std::size_t i = 0; i < in.attendance->size(); ++i) {
      const auto& x = (*in.attendance)[i];
      CheckTestScores(errors, "attendance[" + std::to_string(i) + "]", x.pre_score, x.post_score,
                      course->test_max,
                      course->test_max ? std::to_string(static_cast<int>(*course->test_max)) : "");
    }
}

void CheckArea(UnitOfWork& uow, const Actor& actor, Activity& a, const std::string& area_id,
               FieldErrors& errors) {
  auto area = VisibleArea(uow.Areas(), actor, area_id);
  if (!area)
    errors["area_id"] = problem::NoSuchInScope("area");
  else if (!actor.Can(Permission::kActivityWrite, area->path))
    errors["area_id"] = problem::RoleMayNotInArea("record_activities");
  else
    a.area_id = area->id, a.area_path = area->path, a.area_name = area->name;
}

void CheckInstitutions(UnitOfWork& uow, const Actor& actor, Activity& a,
                       const std::vector<std::string>& ids, FieldErrors& errors) {
  a.institution_ids.clear();
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const auto& id = ids[i];
    auto inst = IsValidId(id) ? uow.Institutions().Get(id) : std::nullopt;
    if (!inst || !actor.Sees(inst->area_path))
      errors["institution_ids[" + std::to_string(i) + "]"] = problem::NoSuchInScope("institution");
    else if (std::find(a.institution_ids.begin(), a.institution_ids.end(), id) ==
             a.institution_ids.end())
      a.institution_ids.push_back(id);
  }
}

// A facilitator is a user in the caller's scope (UserInScope) or a name.
void CheckFacilitators(UnitOfWork& uow, const Actor& actor, Activity& a,
                       const std::vector<Facilitator>& in, FieldErrors& errors) {
  a.facilitators.clear();
  for (std::size_t i = 0; i < in.size(); ++i) {
    const auto& f = in[i];
    const std::string field = "facilitators[" + std::to_string(i) + "]";
    if (f.user_id.has_value() == f.name.has_value()) {
      errors[field] = problem::FacilitatorUserOrName();
    } else if (f.user_id) {
      auto user = UserInScope(uow.Users(), actor, *f.user_id);
      if (!user)
        errors[field + ".user_id"] = problem::NoSuchInScope("user");
      else
        a.facilitators.push_back({user->id, std::nullopt});
    } else {
      CheckName(errors, field + ".name", *f.name);
      a.facilitators.push_back(f);
    }
  }
}

void CheckPeople(UnitOfWork& uow, const Actor& actor, const std::vector<Attendance>& in,
                 FieldErrors& errors) {
  for (std::size_t i = 0; i < in.size(); ++i) {
    const auto& id = in[i].person_id;
    auto person = IsValidId(id) ? uow.Households().GetPerson(id) : std::nullopt;
    if (!person || !actor.Sees(person->area_path))
      errors["attendance[" + std::to_string(i) + "].person_id"] = problem::NoSuchInScope("person");
  }
}

// Applies `in` to `a`: the pure field rules (activity_rules), then what is looked up.
void Apply(UnitOfWork& uow, const Actor& actor, const RegistryConfig& config, Activity& a,
           const ActivityInput& in, bool creating, std::string_view today, FieldErrors& errors) {
  ApplyActivityFields(config, a, in, creating, today, errors);
  CheckCourse(uow, a, in, errors);
  if (in.area_id && (creating || *in.area_id != a.area_id))
    CheckArea(uow, actor, a, *in.area_id, errors);
  if (in.institution_ids) CheckInstitutions(uow, actor, a, *in.institution_ids, errors);
  if (in.facilitators) CheckFacilitators(uow, actor, a, *in.facilitators, errors);
  if (in.attendance) {
    CheckPeople(uow, actor, *in.attendance, errors);
    ApplyAttendance(a, *in.attendance, errors);
  }
  CountParticipants(a, in.participants_total, errors);
}

// Writes the changed record (its version up) and audits `action` (with the reason of a
// correction); answers the stored record with its corrections.
Result<Activity> Save(UnitOfWork& uow, const Clock& clock, const Actor& actor,
                      const std::string& action, const Activity& before, Activity a,
                      const std::string& now,
                      const std::optional<std::string>& correction_reason = std::nullopt) {
  NextVersion(a, before, actor, now);
  if (!uow.Activities().Update(a, before.version))
    return Fail(Error::Conflict("the activity was changed by someone else; reload"));
  auto after = ActivitySnapshot(a);
  if (correction_reason) after["correction_reason"] = *correction_reason;
  RecordAudit(uow.Audit(), clock, actor, action, "activity", a.id, a.area_path,
              ActivitySnapshot(before), after);
  auto stored = uow.Activities().Get(a.id);
  if (stored) AddCorrections(uow, *stored);
  uow.Commit();
  return stored.value_or(a);
}

}  // namespace

std::string SniffMime(std::string_view b) {
  if (b.size() >= 3 && static_cast<unsigned char>(b[0]) == 0xFF &&
      static_cast<unsigned char>(b[1]) == 0xD8 && static_cast<unsigned char>(b[2]) == 0xFF)
    return "image/jpeg";
  if (b.size() >= 8 && b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8))
    return "image/png";
  if (b.size() >= 5 && b.substr(0, 5) == "%PDF-") return "application/pdf";
  return "";
}

Result<Page<Activity>> ActivityService::List(const Actor& actor, const ActivityFilter& f) {
  auto uow = db_.Begin(false);
  ActivityQuery q;
  q.scope = f.queue ? actor.Scope(Permission::kActivityVerify) : actor.Scope(Permission::kAreaRead);
  if (f.area_id) {
    auto area = VisibleArea(uow->Areas(), actor, *f.area_id, "area");
    if (!area) return Fail(area.error());
    q.scope = NarrowTo(q.scope, area->path);
  }
  q.status = f.queue ? std::optional<std::string>(ToString(ActivityStatus::kSubmitted)) : f.status;
  q.type = f.type;
  q.topic = f.topic;
  q.from = f.from;
  q.to = f.to;
  if (f.mine) q.author_id = actor.user_id;
  if (f.queue && !actor.user_id.empty())
    q.not_author_id = actor.user_id;  // verified by someone else
  q.page = f.page;
  if (q.scope.empty()) return Page<Activity>{};
  return uow->Activities().List(q);
}

Result<Activity> ActivityService::Get(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(false);
  auto a = Visible(*uow, actor, id);
  if (a) AddCorrections(*uow, *a);
  return a;
}

Result<Activity> ActivityService::Create(const Actor& actor, const ActivityInput& in) {
  auto uow = db_.Begin(true);
  if (auto ok = ClaimRecordId(*uow, RecordTable::kActivity, in.id); !ok) return Fail(ok.error());
  const auto config = uow->RegistryConfig().Load();
  Activity a;
  FieldErrors errors;
  a.id = NewRecordId(in.id, "id", errors);
  Apply(*uow, actor, config, a, in, true, clock_.Today(), errors);
  if (in.correction_reason) errors["correction_reason"] = problem::OnlyForVerifiedChange();
  if (!errors.empty()) return Fail(Error::Validation("the activity has invalid fields", errors));
  a.status = ActivityStatus::kDraft;
  a.author_id = actor.UserId();
  a.created_at = a.updated_at = clock_.Timestamp();
  a.created_by = a.updated_by = actor.UserId();
  uow->Activities().Insert(a);
  RecordAudit(uow->Audit(), clock_, actor, "create", "activity", a.id, a.area_path, std::nullopt,
              ActivitySnapshot(a));
  auto stored = uow->Activities().Get(a.id);
  uow->Commit();
  return stored.value_or(a);
}

Result<Activity> ActivityService::Update(const Actor& actor, const std::string& id,
                                         std::int64_t version, const ActivityInput& in) {
  auto uow = db_.Begin(true);
  auto found = Visible(*uow, actor, id);
  if (!found) return Fail(found.error());
  const Activity before = *found;
  const auto edit = CheckEdit(before.status, PartyOf(actor, before),
                              in.correction_reason && !in.correction_reason->empty());
  if (!edit) return Fail(edit.error());
  if (version != before.version) return Fail(Error::Stale("activity", before.version));
  const auto config = uow->RegistryConfig().Load();
  Activity a = before;
  FieldErrors errors;
  Apply(*uow, actor, config, a, in, false, clock_.Today(), errors);
  if (in.correction_reason && *edit != ActivityEdit::kCorrect)
    errors["correction_reason"] = problem::OnlyForVerifiedChange();
  if (in.correction_reason)
    CheckOptionalName(errors, "correction_reason", *in.correction_reason, 1000);
  if (!errors.empty()) return Fail(Error::Validation("the activity has invalid fields", errors));
  return Save(*uow, clock_, actor, *edit == ActivityEdit::kCorrect ? "correct" : "update", before,
              a, clock_.Timestamp(), in.correction_reason);
}

Status ActivityService::Delete(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(true);
  auto found = Visible(*uow, actor, id);
  if (!found) return Fail(found.error());
  if (auto ok = CheckDelete(found->status, PartyOf(actor, *found), found->file_count); !ok)
    return Fail(ok.error());
  uow->Activities().Delete(id);
  RecordAudit(uow->Audit(), clock_, actor, "delete", "activity", id, found->area_path,
              ActivitySnapshot(*found), std::nullopt);
  uow->Commit();
  return {};
}

Result<Activity> ActivityService::Transition(const Actor& actor, const std::string& id,
                                             const std::string& action, std::int64_t version,
                                             const std::optional<std::string>& comment) {
  auto uow = db_.Begin(true);
  auto found = Visible(*uow, actor, id);
  if (!found) return Fail(found.error());
  const auto step = ParseActivityAction(action);
  if (!step) return Fail(Error::NotFound("action"));
  const auto to = NextStatus(found->status, *step, PartyOf(actor, *found));
  if (!to) return Fail(to.error());
  Activity a = *found;
  const auto now = clock_.Timestamp();
  if (auto taken = TakeStep(a, *step, *to, comment, actor.UserId(), now); !taken)
    return Fail(taken.error());
  if (version != found->version) return Fail(Error::Stale("activity", found->version));
  return Save(*uow, clock_, actor, action, *found, a, now);
}

Result<std::vector<ActivityMonthCount>> ActivityService::MonthlyCounts(
    const Actor& actor, std::optional<std::string> area_id, std::optional<std::string> from,
    std::optional<std::string> to, bool include_unverified) {
  auto uow = db_.Begin(false);
  auto scope = ListScope(uow->Areas(), actor, Permission::kAreaRead, area_id);
  if (!scope) return Fail(scope.error());
  FieldErrors errors;
  if (from && !IsValidDate(*from)) errors["from"] = problem::NotADate();
  if (to && !IsValidDate(*to)) errors["to"] = problem::NotADate();
  if (!errors.empty()) return Fail(Error::Validation("bad period", errors));
  const auto today = clock_.Today();
  const std::string start = from.value_or(YearBefore(today));
  std::vector<std::string> statuses{std::string(ToString(ActivityStatus::kVerified))};
  if (include_unverified) statuses.emplace_back(ToString(ActivityStatus::kSubmitted));
  if (scope->empty()) return std::vector<ActivityMonthCount>{};
  return uow->Activities().MonthlyCounts(*scope, start, to.value_or(today), statuses, today);
}

Result<std::vector<StoredFile>> ActivityService::Files(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(false);
  auto a = Visible(*uow, actor, id);
  if (!a) return Fail(a.error());
  return uow->Activities().Files("activity", id);
}

Result<StoredFile> ActivityService::AddFile(const Actor& actor, const std::string& id,
                                            const std::string& name, const std::string& declared,
                                            std::string_view bytes,
                                            const std::optional<std::string>& file_id) {
  FieldErrors errors;
  CheckName(errors, "filename", name, 200);
  const auto mime = SniffMime(bytes);
  if (mime.empty())
    errors["file"] = problem::FileKind();
  else if (!declared.empty() && declared != "application/octet-stream" && declared != mime)
    errors["file"] = problem::FileTypeMismatch(mime, declared);
  if (static_cast<std::int64_t>(bytes.size()) > limits_.max_bytes)
    return Fail(
        Error::TooLarge("files are limited to " + std::to_string(limits_.max_bytes >> 20) + " MB"));
  if (bytes.empty()) errors["file"] = problem::IsEmpty();
  const std::string new_id = NewRecordId(file_id, "id", errors);
  if (!errors.empty()) return Fail(Error::Validation("the file is not accepted", errors));
  {
    auto uow = db_.Begin(false);
    auto a = Visible(*uow, actor, id);
    if (!a) return Fail(a.error());
    if (!MayAddFiles(a->status, PartyOf(actor, *a)))
      return Fail(Error::Forbidden("only the author, or a supervisor, adds files"));
  }
  // The bytes go to the store first (outside the transaction); a failure after it leaves an
  // unreferenced blob, never a row without its file.
  const auto sha = blobs_.Put(bytes);
  auto uow = db_.Begin(true);
  if (auto ok = ClaimRecordId(*uow, RecordTable::kFile, file_id); !ok) return Fail(ok.error());
  auto a = Visible(*uow, actor, id);
  if (!a) return Fail(a.error());
  StoredFile f{new_id,
               sha,
               mime,
               name,
               "activity",
               id,
               clock_.Timestamp(),
               static_cast<std::int64_t>(bytes.size()),
               actor.UserId()};
  uow->Activities().InsertFile(f);
  RecordAudit(uow->Audit(), clock_, actor, "create", "file", f.id, a->area_path, std::nullopt,
              Snapshot{{"activity_id", id},
                       {"name", name},
                       {"mime", mime},
                       {"size", std::to_string(f.size)},
                       {"sha256", sha}});
  uow->Commit();
  return f;
}

Result<std::pair<StoredFile, std::string>> ActivityService::ReadFile(const Actor& actor,
                                                                     const std::string& file_id) {
  auto uow = db_.Begin(false);
  auto f = IsValidId(file_id) ? uow->Activities().GetFile(file_id) : std::nullopt;
  if (!f) return Fail(Error::NotFound("file"));
  auto a = Visible(*uow, actor, f->record_id);  // authorised like its record
  if (!a) return Fail(Error::NotFound("file"));
  auto bytes = blobs_.Get(f->sha256);
  if (!bytes)
    return Fail(Error::Internal("the file's contents are missing from the data directory"));
  return std::pair(*f, std::move(*bytes));
}

}  // namespace mobilise::domain
