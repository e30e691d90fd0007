// WorkPlanService: plans, their items, review and versions (see work_plan_service.hpp).
#include "domain/workplans/work_plan_service.hpp"

#include <algorithm>

#include "core/enum_text.hpp"
#include "core/id.hpp"
#include "domain/areas/area_scope.hpp"
#include "domain/idempotency/idempotency.hpp"
#include "domain/periods/period.hpp"
#include "domain/users/reporting_line.hpp"
#include "domain/validation.hpp"
#include "domain/versioned.hpp"
#include "domain/workplans/work_plan_access.hpp"

namespace mobilise::domain {
namespace {

Snapshot PlanSnapshot(const WorkPlan& p) {
  std::string items;
  for (const auto& i : p.items)
    items += (items.empty() ? "" : "; ") + i.day.value_or(i.week.value_or("")) + " " + i.purpose +
             "@" + i.area_id + (i.note.empty() ? "" : " " + i.note);
  return Snapshot{{"owner_id", p.owner_id},
                  {"kind", std::string(EnumText(kPlanKinds, p.kind))},
                  {"period", p.period},
                  {"status", std::string(EnumText(kPlanStatuses, p.status))},
                  {"revision", std::to_string(p.revision)},
                  {"change_reason", p.change_reason},
                  {"review_comment", p.review_comment},
                  {"items", items},
                  {"version", std::to_string(p.version)}};
}

// The purposes a plan item may name: kPlanPurposes and the programme's activity types.
std::vector<std::string> Purposes(UnitOfWork& uow) {
  std::vector<std::string> out(kPlanPurposes.begin(), kPlanPurposes.end());
  for (const auto& t : uow.RegistryConfig().Load().activity_types)
    if (std::find(out.begin(), out.end(), t.code) == out.end()) out.push_back(t.code);
  return out;
}

// An institution or household named by an item: it exists and lies in the item's area.
template <class Repo>
void CheckPlace(Repo& repo, const std::optional<std::string>& id, const WorkPlanItem& item,
                const std::string& field, const char* what, FieldErrors& errors) {
  if (!id) return;
  auto found = IsValidId(*id) ? repo.Get(*id) : std::nullopt;
  if (!found || item.area_path.empty() || !found->area_path.starts_with(item.area_path))
    errors[field] = problem::NoSuchInScope(what);
}

// Checks and sets the items of `plan` from `in`.
void ApplyItems(UnitOfWork& uow, const Actor& actor, WorkPlan& plan,
                const std::vector<WorkPlanItemInput>& in, FieldErrors& errors) {
  const auto purposes = Purposes(uow);
  plan.items.clear();
  if (in.size() > 200) errors["items"] = problem::TooLong(200);
  for (std::size_t n = 0; n < in.size() && n < 200; ++n) {
    const std::string f = "items[" + std::to_string(n) + "]";
    WorkPlanItem item;
    item.day = in[n].day;
    item.week = in[n].week;
    PlaceItem(plan, item, f, errors);
    if (auto area = VisibleArea(uow.Areas(), actor, in[n].area_id))
      item.area_id = area->id, item.area_path = area->path, item.area_name = area->name;
    else
      errors[f + ".area_id"] = problem::NoSuchInScope("area");
    item.institution_id = in[n].institution_id;
    item.household_id = in[n].household_id;
    CheckPlace(uow.Institutions(), item.institution_id, item, f + ".institution_id", "institution",
               errors);
    CheckPlace(uow.Households(), item.household_id, item, f + ".household_id", "household", errors);
    if (std::find(purposes.begin(), purposes.end(), in[n].purpose) == purposes.end())
      errors[f + ".purpose"] = problem::OneOf(purposes);
    item.purpose = in[n].purpose;
    CheckOptionalName(errors, f + ".note", in[n].note, 500);
    item.note = in[n].note;
    plan.items.push_back(std::move(item));
  }
}

// The owner's plan of the month before `plan`'s, copied into it.
void CopyPrevious(UnitOfWork& uow, WorkPlan& plan, FieldErrors& errors) {
  const std::string before_month = AddDays(plan.starts_on, -1).substr(0, 7);
  auto before = uow.WorkPlans().Find(plan.owner_id, PlanKind::kMonth, before_month);
  if (!before) {
    errors["copy_previous"] = problem::NoSuch("work_plan");
    return;
  }
  plan.items = CopyItemsToMonth(before->items, {before->starts_on, before->ends_on},
                                {plan.starts_on, plan.ends_on});
}

}  // namespace

Result<Page<WorkPlan>> WorkPlanService::List(const Actor& actor, const WorkPlanFilter& f) {
  WorkPlanQuery q;
  FieldErrors errors;
  q.scope = actor.Scope(Permission::kAreaRead);
  q.owner_id = f.owner_id;
  if (f.kind && !(q.kind = ParseEnumText<PlanKind>(kPlanKinds, *f.kind)))
    errors["kind"] = problem::OneOf(std::vector<std::string>(kPlanKinds.begin(), kPlanKinds.end()));
  if (f.status && !(q.status = ParseEnumText<PlanStatus>(kPlanStatuses, *f.status)))
    errors["status"] =
        problem::OneOf(std::vector<std::string>(kPlanStatuses.begin(), kPlanStatuses.end()));
  if (!errors.empty()) return Fail(Error::Validation("the filter is invalid", errors));
  q.from = f.from;
  q.to = f.to;
  q.page = f.page;
  return db_.Begin(false)->WorkPlans().List(q);
}

Result<WorkPlan> WorkPlanService::Get(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(false);
  return VisiblePlan(*uow, actor, id);
}

Result<WorkPlan> WorkPlanService::Create(const Actor& actor, const WorkPlanInput& in) {
  FieldErrors errors;
  WorkPlan p;
  p.id = NewRecordId(in.id, "id", errors);
  auto uow = db_.Begin(true);
  if (auto ok = ClaimRecordId(*uow, RecordTable::kWorkPlan, in.id); !ok) return Fail(ok.error());
  auto owner = PlanOwner(*uow, actor, in.owner_id.value_or(actor.user_id), "owner_id");
  if (!owner) return Fail(owner.error());
  p.owner_id = owner->id;
  p.owner_name = owner->full_name;
  p.area_id = owner->roles.front().area_id;
  p.area_path = owner->roles.front().area_path;
  auto kind = ParseEnumText<PlanKind>(kPlanKinds, in.kind);
  if (!kind)
    errors["kind"] = problem::OneOf(std::vector<std::string>(kPlanKinds.begin(), kPlanKinds.end()));
  auto days = kind ? PlanDays(*kind, in.period) : std::nullopt;
  if (kind && !days) errors["period"] = problem::NotAPlanPeriod();
  if (!errors.empty()) return Fail(Error::Validation("the plan is invalid", errors));
  p.kind = *kind;
  p.period = in.period;
  p.starts_on = days->start;
  p.ends_on = days->end;
  if (in.copy_previous && p.kind == PlanKind::kMonth && in.items.empty())
    CopyPrevious(*uow, p, errors);
  else
    ApplyItems(*uow, actor, p, in.items, errors);
  if (!errors.empty()) return Fail(Error::Validation("the plan is invalid", errors));
  if (uow->WorkPlans().Find(p.owner_id, p.kind, p.period))
    return Fail(Error::Conflict("there is already a plan of this staff member for " + p.period));
  p.created_at = p.updated_at = clock_.Timestamp();
  p.created_by = p.updated_by = actor.UserId();
  uow->WorkPlans().Insert(p);
  RecordAudit(uow->Audit(), clock_, actor, "create", "work_plan", p.id, p.area_path, std::nullopt,
              PlanSnapshot(p));
  uow->Commit();
  return p;
}

Result<WorkPlan> WorkPlanService::Update(const Actor& actor, const std::string& id,
                                         const WorkPlanPatch& in) {
  auto uow = db_.Begin(true);
  auto found = WritablePlan(*uow, actor, id);
  if (!found) return Fail(found.error());
  WorkPlan p = *found;
  FieldErrors errors;
  ApplyItems(*uow, actor, p, in.items, errors);
  const bool approved = found->status == PlanStatus::kApproved;
  if (approved && !in.reason) errors["reason"] = problem::Required();
  if (in.reason) CheckName(errors, "reason", *in.reason, 500);
  if (found->status == PlanStatus::kSubmitted)
    errors["status"] = problem::CannotActOnStatus("change", "submitted");
  if (!errors.empty()) return Fail(Error::Validation("the plan is invalid", errors));
  if (in.version != found->version) return Fail(Error::Stale("work plan", found->version));
  if (approved) {  // a new revision, to be approved again
    p.revision = found->revision + 1;
    p.status = PlanStatus::kDraft;
    p.change_reason = in.reason;
    p.review_comment = p.reviewed_by = p.reviewed_at = std::nullopt;
  }
  NextVersion(p, *found, actor, clock_.Timestamp());
  if (!uow->WorkPlans().Update(p, found->version))
    return Fail(Error::Stale("work plan", found->version));
  RecordAudit(uow->Audit(), clock_, actor, approved ? "revise" : "update", "work_plan", p.id,
              p.area_path, PlanSnapshot(*found), PlanSnapshot(p));
  uow->Commit();
  return p;
}

Result<WorkPlan> WorkPlanService::Act(const Actor& actor, const std::string& id, PlanAction action,
                                      std::int64_t version,
                                      const std::optional<std::string>& comment) {
  auto uow = db_.Begin(true);
  auto found = action == PlanAction::kSubmit ? WritablePlan(*uow, actor, id)
                                             : ReviewablePlan(*uow, actor, id);
  if (!found) return Fail(found.error());
  static constexpr std::array<std::string_view, 3> kActions = {"submit", "approve", "return"};
  const std::string act(EnumText(kActions, action));
  FieldErrors errors;
  auto next = NextPlanStatus(found->status, action);
  if (!next)
    errors["status"] =
        problem::CannotActOnStatus(act, std::string(EnumText(kPlanStatuses, found->status)));
  if (action == PlanAction::kReturn && !comment) errors["comment"] = problem::Required();
  if (comment) CheckName(errors, "comment", *comment, 1000);
  if (!errors.empty()) return Fail(Error::Validation("the plan cannot take this step", errors));
  if (version != found->version) return Fail(Error::Stale("work plan", found->version));
  WorkPlan p = *found;
  p.status = *next;
  if (action != PlanAction::kSubmit) {
    p.review_comment = comment;
    p.reviewed_by = actor.UserId();
    p.reviewed_at = clock_.Timestamp();
  }
  NextVersion(p, *found, actor, clock_.Timestamp());
  if (!uow->WorkPlans().Update(p, found->version))
    return Fail(Error::Stale("work plan", found->version));
  RecordAudit(uow->Audit(), clock_, actor, act, "work_plan", p.id, p.area_path,
              PlanSnapshot(*found), PlanSnapshot(p));
  uow->Commit();
  return p;
}

}  // namespace mobilise::domain
