// DiaryService: daily diaries, their review, and the month's field-day tally.
#include "domain/workplans/diary_service.hpp"

#include <map>

#include "core/id.hpp"
#include "domain/areas/area_scope.hpp"
#include "domain/idempotency/idempotency.hpp"
#include "domain/users/reporting_line.hpp"
#include "domain/validation.hpp"
#include "domain/versioned.hpp"
#include "domain/workplans/work_plan_access.hpp"

namespace mobilise::domain {
namespace {

std::optional<std::string> Num(const std::optional<double>& v) {
  if (!v) return std::nullopt;
  return std::to_string(*v);
}

Snapshot DiarySnapshot(const Diary& d) {
  std::string areas;
  for (const auto& a : d.areas) areas += (areas.empty() ? "" : ",") + a.area_id;
  return Snapshot{{"user_id", d.user_id},
                  {"day", d.day},
                  {"field_day", d.field_day ? "true" : "false"},
                  {"areas", areas},
                  {"text", d.text},
                  {"travel_mode", d.travel_mode},
                  {"travel_km", Num(d.travel_km)},
                  {"night_halt", d.night_halt ? "true" : "false"},
                  {"night_halt_place", d.night_halt_place},
                  {"next_day_plan", d.next_day_plan},
                  {"accepted", d.accepted ? "true" : "false"},
                  {"review_comment", d.review_comment},
                  {"version", std::to_string(d.version)}};
}

// Sets what the writer gives (not the person or the day), checking it.
void ApplyDiary(UnitOfWork& uow, const Actor& actor, Diary& d, const DiaryInput& in,
                const std::string& today, FieldErrors& errors) {
  d.field_day = in.field_day;
  d.areas.clear();
  for (std::size_t n = 0; n < in.area_ids.size() && n < 50; ++n) {
    if (auto a = VisibleArea(uow.Areas(), actor, in.area_ids[n]))
      d.areas.push_back({a->id, a->name, a->path});
    else
      errors["area_ids[" + std::to_string(n) + "]"] = problem::NoSuchInScope("area");
  }
  d.lat = in.lat;
  d.lon = in.lon;
  d.text = in.text;
  d.travel_mode = in.travel_mode;
  d.travel_km = in.travel_km;
  d.night_halt = in.night_halt;
  d.night_halt_place = in.night_halt_place;
  d.next_day_plan = in.next_day_plan;
  CheckDiary(d, today, errors);
}

Result<Diary> VisibleDiary(UnitOfWork& uow, const Actor& actor, const std::string& id) {
  auto d = IsValidId(id) ? uow.Diaries().Get(id) : std::nullopt;
  if (!d || !MayRead(uow, actor, d->user_id, d->area_path)) return Fail(Error::NotFound("diary"));
  return *d;
}

// Writes `d` (changed from `before`) and audits `action`.
Result<Diary> Save(UnitOfWork& uow, const Clock& clock, const Actor& actor, Diary d,
                   const Diary& before, const std::string& action) {
  NextVersion(d, before, actor, clock.Timestamp());
  if (!uow.Diaries().Update(d, before.version)) return Fail(Error::Stale("diary", before.version));
  RecordAudit(uow.Audit(), clock, actor, action, "diary", d.id, d.area_path, DiarySnapshot(before),
              DiarySnapshot(d));
  uow.Commit();
  return d;
}

}  // namespace

Result<Page<Diary>> DiaryService::List(const Actor& actor, const DiaryFilter& f) {
  DiaryQuery q;
  q.scope = actor.Scope(Permission::kAreaRead);
  if (f.user_id) q.user_ids = {*f.user_id};
  q.from = f.from;
  q.to = f.to;
  q.page = f.page;
  return db_.Begin(false)->Diaries().List(q);
}

Result<Diary> DiaryService::Get(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(false);
  auto d = VisibleDiary(*uow, actor, id);
  if (d) d->records = uow->WorkPlans().Actuals(d->user_id, d->day, d->day);
  return d;
}

Result<Diary> DiaryService::Create(const Actor& actor, const DiaryInput& in) {
  FieldErrors errors;
  Diary d;
  d.id = NewRecordId(in.id, "id", errors);
  auto uow = db_.Begin(true);
  if (auto ok = ClaimRecordId(*uow, RecordTable::kDiary, in.id); !ok) return Fail(ok.error());
  auto owner = PlanOwner(*uow, actor, in.user_id.value_or(actor.user_id), "user_id");
  if (!owner) return Fail(owner.error());
  d.user_id = owner->id;
  d.user_name = owner->full_name;
  d.area_id = owner->roles.front().area_id;
  d.area_path = owner->roles.front().area_path;
  d.day = in.day;
  ApplyDiary(*uow, actor, d, in, clock_.Today(), errors);
  if (!errors.empty()) return Fail(Error::Validation("the diary is invalid", errors));
  d.created_at = d.updated_at = clock_.Timestamp();
  d.created_by = d.updated_by = actor.UserId();
  if (uow->Diaries().Find(d.user_id, d.day) || !uow->Diaries().Insert(d)) {
    Error e = Error::Conflict("there is already a diary of this staff member for " + d.day);
    e.fields["day"] = problem::AlreadyRegistered();
    return Fail(e);
  }
  RecordAudit(uow->Audit(), clock_, actor, "create", "diary", d.id, d.area_path, std::nullopt,
              DiarySnapshot(d));
  uow->Commit();
  return d;
}

Result<Diary> DiaryService::Update(const Actor& actor, const std::string& id, std::int64_t version,
                                   const DiaryInput& in) {
  auto uow = db_.Begin(true);
  auto found = VisibleDiary(*uow, actor, id);
  if (!found) return Fail(found.error());
  if (!OwnerOrAbove(*uow, actor, found->user_id))
    return Fail(Error::Forbidden(problem::OwnerOrSupervisor().Text()));
  if (found->accepted) return Fail(Error::Field("accepted", problem::ClosedCannotChange()));
  Diary d = *found;
  FieldErrors errors;
  ApplyDiary(*uow, actor, d, in, clock_.Today(), errors);
  if (!errors.empty()) return Fail(Error::Validation("the diary is invalid", errors));
  if (version != found->version) return Fail(Error::Stale("diary", found->version));
  return Save(*uow, clock_, actor, d, *found, "update");
}

Result<Diary> DiaryService::Review(const Actor& actor, const std::string& id, std::int64_t version,
                                   const std::optional<std::string>& comment, bool accept) {
  auto uow = db_.Begin(true);
  auto found = VisibleDiary(*uow, actor, id);
  if (!found) return Fail(found.error());
  if (!InSupervisionChain(uow->Users(), actor.user_id, found->user_id))
    return Fail(Error::Forbidden(problem::ReviewedBySupervisor().Text()));
  if (found->accepted) return Fail(Error::Field("accepted", problem::ClosedCannotChange()));
  FieldErrors errors;
  if (!comment && !accept) errors["comment"] = problem::Required();
  if (comment) CheckName(errors, "comment", *comment, 1000);
  if (!errors.empty()) return Fail(Error::Validation("the review is invalid", errors));
  if (version != found->version) return Fail(Error::Stale("diary", found->version));
  Diary d = *found;
  if (comment) d.review_comment = comment;
  d.accepted = accept;
  d.reviewed_by = actor.UserId();
  d.reviewed_at = clock_.Timestamp();
  return Save(*uow, clock_, actor, d, *found, accept ? "accept" : "comment");
}

Result<TeamTally> DiaryService::Tally(const Actor& actor, const std::string& month,
                                      const std::optional<std::string>& head) {
  auto days = PlanDays(PlanKind::kMonth, month);
  if (!days) return Fail(Error::Field("month", problem::NotAPlanPeriod()));
  auto uow = db_.Begin(false);
  auto members = VisibleTeam(uow->Users(), actor, head);
  if (!members) return Fail(members.error());
  const auto norms = uow->Diaries().Norms();
  DiaryQuery q;
  q.scope = actor.Scope(Permission::kAreaRead);  // the team's diaries kept in the caller's areas
  q.from = days->start;
  q.to = days->end;
  q.page = PageRequest{1000000, 0};  // every diary of the team's month
  for (const auto& m : *members) q.user_ids.push_back(m.user.id);
  std::map<std::string, std::vector<Diary>> by_user;
  for (auto& d : uow->Diaries().List(q).items) by_user[d.user_id].push_back(std::move(d));
  TeamTally out;
  out.month = month;
  for (const auto& m : *members) {
    std::vector<std::string> roles;
    for (const auto& r : m.user.roles) roles.emplace_back(RoleId(r.role));
    auto t = TallyMonth(by_user[m.user.id], *days, NormFor(roles, norms));
    t.user_id = m.user.id;
    t.username = m.user.username;
    t.full_name = m.user.full_name;
    t.depth = m.depth;
    out.staff.push_back(std::move(t));
  }
  return out;
}

}  // namespace mobilise::domain
