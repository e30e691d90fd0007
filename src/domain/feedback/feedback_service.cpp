#include "domain/feedback/feedback_service.hpp"

#include <algorithm>

#include "core/id.hpp"
#include "domain/areas/area_path.hpp"
#include "domain/areas/area_scope.hpp"
#include "domain/feedback/feedback_rules.hpp"
#include "domain/feedback/short_ref.hpp"
#include "domain/idempotency/idempotency.hpp"
#include "domain/validation.hpp"
#include "domain/versioned.hpp"

namespace mobilise::domain {
namespace {

Result<Feedback> Visible(UnitOfWork& uow, const Actor& actor, const std::string& id) {
  if (!IsValidId(id)) return Fail(Error::NotFound("feedback"));
  auto f = uow.Feedback().Get(id);
  if (!f || !MaySee(actor, *f)) return Fail(Error::NotFound("feedback"));
  return *f;
}

void CheckArea(UnitOfWork& uow, const Actor& actor, Feedback& f, const std::string& area_id,
               FieldErrors& errors) {
  auto area = VisibleArea(uow.Areas(), actor, area_id);
  if (!area)
    errors["area_id"] = problem::NoSuchInScope("area");
  else if (!actor.Can(Permission::kFeedbackWrite, area->path))
    errors["area_id"] = problem::RoleMayNotInArea("log_feedback");
  else
    f.area_id = area->id, f.area_path = area->path;
}

void CheckCefc(UnitOfWork& uow, const Actor& actor, Feedback& f, const std::string& cefc_id,
               FieldErrors& errors) {
  if (cefc_id.empty()) {
    f.cefc_id.reset();
    return;
  }
  auto cefc = IsValidId(cefc_id) ? uow.Institutions().Get(cefc_id) : std::nullopt;
  if (!cefc || !actor.Sees(cefc->area_path) || cefc->type != "CEFC")
    errors["cefc_id"] = problem::NoSuchCefcInScope();
  else
    f.cefc_id = cefc->id;
}

// Applies `in` to `f`: the pure field rules (feedback_rules), the area and the CEFC.
void Apply(UnitOfWork& uow, const Actor& actor, const std::vector<FeedbackCategory>& categories,
           Feedback& f, const FeedbackInput& in, bool creating, std::string_view today,
           FieldErrors& errors) {
  if (in.area_id && (creating || *in.area_id != f.area_id))
    CheckArea(uow, actor, f, *in.area_id, errors);
  ApplyFeedbackFields(categories, f, in, creating, today, errors);
  if (in.cefc_id) CheckCefc(uow, actor, f, *in.cefc_id, errors);
}

// The assignee of an `assign` step: a user who handles cases like this one in its area. Their
// name, for the event's note.
std::string Assign(UnitOfWork& uow, Feedback& f, const FeedbackStep& s, FieldErrors& errors) {
  if (!s.assigned_to) {
    errors["assigned_to"] = problem::Required();
    return "";
  }
  auto user = IsValidId(*s.assigned_to) ? uow.Users().Get(*s.assigned_to) : std::nullopt;
  if (!user || user->disabled || !MayBeAssigned(user->roles, f)) {
    errors["assigned_to"] =
        f.sensitive ? problem::MustBeFocalPoint() : problem::MustBeFeedbackStaff();
    return "";
  }
  f.assigned_to = user->id;
  return user->full_name;
}

// Writes the changed record (its version up) with its event and audit entry; the stored record
// and its history as the caller may see them.
Result<FeedbackDetail> Save(UnitOfWork& uow, const Clock& clock, const Actor& actor,
                            const std::string& action, const std::string& event,
                            const std::optional<std::string>& note, const Feedback& before,
                            Feedback f, const std::string& now) {
  NextVersion(f, before, actor, now);
  if (!uow.Feedback().Update(f, before.version))
    return Fail(Error::Conflict("the record was changed by someone else; reload"));
  uow.Feedback().AddEvent({NewId(), f.id, f.updated_at, actor.UserId(), std::nullopt, event, note});
  RecordAudit(uow.Audit(), clock, actor, action, "feedback", f.id, f.area_path,
              FeedbackSnapshot(before), FeedbackSnapshot(f));
  FeedbackDetail d{*uow.Feedback().Get(f.id), uow.Feedback().Events(f.id)};
  uow.Commit();
  Protect(actor, d.feedback);
  return d;
}

}  // namespace

std::vector<FeedbackCategory> FeedbackService::Categories() {
  return db_.Begin(false)->Feedback().Categories();
}

namespace {

Result<FeedbackQuery> QueryFor(UnitOfWork& uow, const Actor& actor, const FeedbackFilter& f,
                               const std::string& today) {
  FeedbackQuery q;
  q.scope = actor.Scope(Permission::kAreaRead);
  q.sensitive_scope = actor.Scope(Permission::kFeedbackSensitive);
  if (f.area_id) {
    auto area = VisibleArea(uow.Areas(), actor, *f.area_id, "area");
    if (!area) return Fail(area.error());
    q.scope = {SubtreeRange(area->path)};
    // Sensitive records of the area only where the caller is a focal point.
    q.sensitive_scope = NarrowTo(q.sensitive_scope, area->path);
  }
  FieldErrors errors;
  if (f.from) CheckPastDate(errors, "from", *f.from, today);
  if (f.to && !IsValidDate(*f.to)) errors["to"] = problem::NotADate();
  if (!errors.empty()) return Fail(Error::Validation("bad filter", errors));
  q.category = f.category;
  q.channel = f.channel;
  q.status = f.status;
  q.from = f.from;
  q.to = f.to;
  q.text = f.text;
  if (f.overdue) q.overdue_on = today;
  q.page = f.page;
  return q;
}

}  // namespace

Result<Page<Feedback>> FeedbackService::List(const Actor& actor, const FeedbackFilter& filter) {
  auto uow = db_.Begin(false);
  auto q = QueryFor(*uow, actor, filter, clock_.Today());
  if (!q) return Fail(q.error());
  auto page = uow->Feedback().List(*q);
  int sensitive = 0;
  for (auto& f : page.items) {
    Protect(actor, f);
    sensitive += f.sensitive ? 1 : 0;
  }
  if (sensitive > 0) {
    // Views of sensitive records are audited, lists included.
    auto w = db_.Begin(true);
    RecordAudit(w->Audit(), clock_, actor, "view_list", "feedback", std::nullopt, std::nullopt,
                std::nullopt, Snapshot{{"sensitive_records", std::to_string(sensitive)}});
    w->Commit();
  }
  return page;
}

Result<FeedbackDetail> FeedbackService::Get(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(false);
  auto f = Visible(*uow, actor, id);
  if (!f) return Fail(f.error());
  FeedbackDetail d{*f, uow->Feedback().Events(id)};
  Protect(actor, d.feedback);
  if (f->sensitive) {
    auto w = db_.Begin(true);
    RecordAudit(w->Audit(), clock_, actor, "view", "feedback", id, f->area_path, std::nullopt,
                std::nullopt);
    w->Commit();
  }
  return d;
}

Result<Feedback> FeedbackService::Create(const Actor& actor, const FeedbackInput& in) {
  auto uow = db_.Begin(true);
  if (auto ok = ClaimRecordId(*uow, RecordTable::kFeedback, in.id); !ok) return Fail(ok.error());
  const auto categories = uow->Feedback().Categories();
  Feedback f;
  FieldErrors errors;
  f.id = NewRecordId(in.id, "id", errors);
  f.short_ref = ShortRef(f.id);  // a phone that made the id shows the same reference
  Apply(*uow, actor, categories, f, in, true, clock_.Today(), errors);
  if (!errors.empty()) return Fail(Error::Validation("the feedback has invalid fields", errors));
  f.status = FeedbackStatus::kOpen;
  f.created_at = f.updated_at = clock_.Timestamp();
  f.created_by = f.updated_by = actor.UserId();
  uow->Feedback().Insert(f);
  uow->Feedback().AddEvent(
      {NewId(), f.id, f.created_at, actor.UserId(), std::nullopt, "logged", std::nullopt});
  RecordAudit(uow->Audit(), clock_, actor, "create", "feedback", f.id, f.area_path, std::nullopt,
              FeedbackSnapshot(f));
  uow->Commit();
  // A receipt: the logger may not read a sensitive case once it is logged.
  if (!MaySee(actor, f)) return Receipt(f);
  Protect(actor, f);
  return f;
}

Result<FeedbackDetail> FeedbackService::Update(const Actor& actor, const std::string& id,
                                               std::int64_t version, const FeedbackInput& in) {
  auto uow = db_.Begin(true);
  auto found = Visible(*uow, actor, id);
  if (!found) return Fail(found.error());
  if (!MayManage(actor, *found)) return Fail(Error::Forbidden());
  if (version != found->version) return Fail(Error::Stale("feedback", found->version));
  const auto categories = uow->Feedback().Categories();
  Feedback f = *found;
  FieldErrors errors;
  Apply(*uow, actor, categories, f, in, false, clock_.Today(), errors);
  if (f.status == FeedbackStatus::kClosed) errors["status"] = problem::ClosedCannotChange();
  if (f.sensitive && !actor.Can(Permission::kFeedbackSensitive, f.area_path))
    errors["category"] = problem::FocalPointOnly();
  if (!errors.empty()) return Fail(Error::Validation("the feedback has invalid fields", errors));
  return Save(*uow, clock_, actor, "update", "edited", std::nullopt, *found, f, clock_.Timestamp());
}

Result<FeedbackDetail> FeedbackService::Step(const Actor& actor, const std::string& id,
                                             const std::string& action, std::int64_t version,
                                             const FeedbackStep& s) {
  auto uow = db_.Begin(true);
  auto found = Visible(*uow, actor, id);
  if (!found) return Fail(found.error());
  // Every step is the handler's (kFeedbackTransitions), so who may is known before the action.
  if (!MayManage(actor, *found)) return Fail(Error::Forbidden());
  if (version != found->version) return Fail(Error::Stale("feedback", found->version));
  const auto step = ParseFeedbackAction(action);
  if (!step) return Fail(Error::NotFound("action"));
  Feedback f = *found;
  FieldErrors errors;
  const auto to = NextStatus(f.status, *step);
  if (!to) errors["status"] = problem::CannotActOnStatus(action, ToString(f.status));
  const auto today = clock_.Today();
  std::string assignee;
  switch (*step) {
    case FeedbackAction::kAssign:
      assignee = Assign(*uow, f, s, errors);
      break;
    case FeedbackAction::kRefer:
      ApplyRefer(f, s, errors);
      break;
    case FeedbackAction::kRespond:
      ApplyRespond(f, s, today, errors);
      break;
    case FeedbackAction::kClose:
      ApplyClose(f, s, today, errors);
      break;
  }
  if (s.note) CheckOptionalName(errors, "note", *s.note, 2000);
  if (!errors.empty()) return Fail(Error::Validation("the step is invalid", errors));
  f.status = *to;
  // The event says what the step did: the note given, else whom it was assigned or referred to.
  std::optional<std::string> note = s.note;
  if (!note && !assignee.empty()) note = assignee;
  if (!note && *step == FeedbackAction::kRefer) note = f.referred_to;
  return Save(*uow, clock_, actor, action, action, note, *found, f, clock_.Timestamp());
}

Result<std::vector<FeedbackHandler>> FeedbackService::Assignees(const Actor& actor,
                                                                const std::string& id) {
  auto uow = db_.Begin(false);
  auto f = Visible(*uow, actor, id);
  if (!f) return Fail(f.error());
  if (!MayManage(actor, *f)) return Fail(Error::Forbidden());
  // The record's area and every area above it: a grant there covers the record.
  const auto paths = PathAndAncestors(f->area_path);
  std::vector<std::string> roles;
  for (Role r : AllRoles())
    if (RoleAllows(r, f->sensitive ? Permission::kFeedbackSensitive : Permission::kFeedbackManage))
      roles.emplace_back(RoleId(r));
  return uow->Feedback().Handlers(paths, roles);
}

Result<FeedbackSummary> FeedbackService::Summary(const Actor& actor, const FeedbackFilter& filter) {
  auto uow = db_.Begin(false);
  auto q = QueryFor(*uow, actor, filter, clock_.Today());
  if (!q) return Fail(q.error());
  FeedbackSummary s;
  s.counts = uow->Feedback().Counts(*q, clock_.Today());
  for (const auto& c : s.counts) {
    s.received += c.received;
    s.closed += c.closed;
    s.closed_on_time += c.closed_on_time;
    s.open_overdue += c.open_overdue;
  }
  s.top_tags = TopTags(uow->Feedback().Tags(*q));
  return s;
}

}  // namespace mobilise::domain
