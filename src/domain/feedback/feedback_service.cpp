#include "domain/feedback/feedback_service.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "core/clock.hpp"
#include "core/id.hpp"
#include "domain/areas/area_path.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {
namespace {

bool MaySee(const Actor& actor, const Feedback& f) {
  return f.sensitive ? actor.Can(Permission::kFeedbackSensitive, f.area_path)
                     : actor.Sees(f.area_path);
}

bool MayManage(const Actor& actor, const Feedback& f) {
  return f.sensitive ? actor.Can(Permission::kFeedbackSensitive, f.area_path)
                     : actor.Can(Permission::kFeedbackManage, f.area_path);
}

// Contact details only for those who handle the case.
void Protect(const Actor& actor, Feedback& f) {
  if (!MayManage(actor, f) && f.person_contact) {
    f.person_contact.reset();
    f.contact_hidden = true;
  }
}

Result<Feedback> Visible(UnitOfWork& uow, const Actor& actor, const std::string& id) {
  if (!IsValidId(id)) return Fail(Error::NotFound("feedback"));
  auto f = uow.Feedback().Get(id);
  if (!f || !MaySee(actor, *f)) return Fail(Error::NotFound("feedback"));
  return *f;
}

// What the audit keeps: never the description or the person of a sensitive case (the audit
// log is read by administrators who are not focal points), never a contact.
Snapshot FeedbackSnapshot(const Feedback& f) {
  Snapshot s{{"area_id", f.area_id},
             {"category", f.category},
             {"channel", f.channel},
             {"status", f.status},
             {"received_on", f.received_on},
             {"due_on", f.due_on},
             {"version", std::to_string(f.version)}};
  if (!f.sensitive) {
    s["description"] = f.description;
    s["assigned_to"] = f.assigned_to;
    s["referred_to"] = f.referred_to;
    s["response"] = f.response;
    s["closed_on"] = f.closed_on;
  }
  return s;
}

const FeedbackCategory* FindCategory(const std::vector<FeedbackCategory>& list,
                                     std::string_view code) {
  for (const auto& c : list)
    if (c.code == code) return &c;
  return nullptr;
}

void CheckTags(FieldErrors& errors, const std::vector<std::string>& tags,
               std::vector<std::string>& out) {
  if (tags.size() > 10) errors["tags"] = "at most 10 tags";
  out.clear();
  for (const auto& t : tags) {
    std::string lower = AsciiLower(t);
    const bool ok = !lower.empty() && lower.size() <= 40 &&
                    std::all_of(lower.begin(), lower.end(), [](unsigned char c) {
                      return std::isalnum(c) || c == '_' || c == '-';
                    });
    if (!ok)
      errors["tags"] = "tags are 1-40 of a-z, 0-9, _ and -";
    else if (std::find(out.begin(), out.end(), lower) == out.end())
      out.push_back(lower);
  }
}

void Apply(UnitOfWork& uow, const Actor& actor, const std::vector<FeedbackCategory>& categories,
           Feedback& f, const FeedbackInput& in, bool creating, FieldErrors& errors) {
  if (creating) {
    if (!in.area_id) errors["area_id"] = "is required";
    if (!in.channel) errors["channel"] = "is required";
    if (!in.category) errors["category"] = "is required";
    if (!in.description) errors["description"] = "is required";
  }
  if (in.area_id && (creating || *in.area_id != f.area_id)) {
    auto area = IsValidId(*in.area_id) ? uow.Areas().Get(*in.area_id) : std::nullopt;
    if (!area || !actor.Sees(area->path))
      errors["area_id"] = "no such area in your areas";
    else if (!actor.Can(Permission::kFeedbackWrite, area->path))
      errors["area_id"] = "your role may not log feedback in this area";
    else
      f.area_id = area->id, f.area_path = area->path;
  }
  if (in.received_on)
    CheckPastDate(errors, "received_on", *in.received_on), f.received_on = *in.received_on;
  if (creating && !in.received_on) f.received_on = TodayDate();
  if (in.channel) {
    CheckOneOf(
        errors, "channel", *in.channel,
        {"cefc_walk_in", "hotline", "suggestion_box", "community_meeting", "staff_visit", "other"});
    f.channel = *in.channel;
  }
  if (in.category) {
    const auto* c = FindCategory(categories, *in.category);
    if (!c) {
      errors["category"] = "unknown feedback category";
    } else {
      f.category = c->code;
      f.sensitive = c->sensitive;
    }
  }
  if (const auto* c = FindCategory(categories, f.category))
    if (IsValidDate(f.received_on)) f.due_on = DueOn(f.received_on, c->due_hours);
  if (in.cefc_id) {
    if (in.cefc_id->empty()) {
      f.cefc_id.reset();
    } else {
      auto cefc = IsValidId(*in.cefc_id) ? uow.Institutions().Get(*in.cefc_id) : std::nullopt;
      if (!cefc || !actor.Sees(cefc->area_path) || cefc->type != "CEFC")
        errors["cefc_id"] = "no such feedback centre (CEFC) in your areas";
      else
        f.cefc_id = cefc->id;
    }
  }
  if (in.anonymous) f.anonymous = *in.anonymous;
  if (in.person_name)
    CheckOptionalName(errors, "person_name", *in.person_name),
        f.person_name = NonEmpty(*in.person_name);
  if (in.person_contact) {
    CheckOptionalName(errors, "person_contact", *in.person_contact, 200);
    f.person_contact = NonEmpty(*in.person_contact);
  }
  if (f.anonymous && (f.person_name || f.person_contact))
    errors["anonymous"] = "an anonymous record holds no name or contact";
  if (in.person_sex) {
    if (!in.person_sex->empty()) CheckOneOf(errors, "person_sex", *in.person_sex, {"f", "m", "x"});
    f.person_sex = NonEmpty(*in.person_sex);
  }
  if (in.person_age_band) {
    if (!in.person_age_band->empty())
      CheckOneOf(errors, "person_age_band", *in.person_age_band,
                 {"0-4", "5-11", "12-17", "18-59", "60+"});
    f.person_age_band = NonEmpty(*in.person_age_band);
  }
  if (in.description)
    CheckName(errors, "description", *in.description, 4000), f.description = *in.description;
  if (in.language) {
    if (in.language->size() > 10) errors["language"] = "a language code of at most 10 characters";
    f.language = NonEmpty(*in.language);
  }
  if (in.tags) CheckTags(errors, *in.tags, f.tags);
}

}  // namespace

std::string DueOn(const std::string& received_on, int due_hours) {
  auto t = ParseTimestamp(received_on);
  if (!t) return received_on;
  const int days = (due_hours + 23) / 24;
  return FormatTimestamp(*t + std::chrono::hours(24 * days)).substr(0, 10);
}

std::vector<FeedbackCategory> FeedbackService::Categories() {
  return db_.Begin(false)->Feedback().Categories();
}

namespace {

Result<FeedbackQuery> QueryFor(UnitOfWork& uow, const Actor& actor, const FeedbackFilter& f) {
  FeedbackQuery q;
  q.scope = actor.Scope(Permission::kAreaRead);
  q.sensitive_scope = actor.Scope(Permission::kFeedbackSensitive);
  if (f.area_id) {
    auto area = IsValidId(*f.area_id) ? uow.Areas().Get(*f.area_id) : std::nullopt;
    if (!area || !actor.Sees(area->path))
      return Fail(Error::Field("area", "no such area in your areas"));
    const auto range = SubtreeRange(area->path);
    q.scope = {range};
    // Sensitive records of the area only where the caller is a focal point.
    std::vector<PathRange> narrowed;
    for (const auto& s : q.sensitive_scope) {
      if (PathWithin(area->path, s.lo))
        narrowed = {range};
      else if (PathWithin(s.lo, area->path))
        narrowed.push_back(s);
    }
    q.sensitive_scope = narrowed;
  }
  FieldErrors errors;
  if (f.from) CheckPastDate(errors, "from", *f.from);
  if (f.to && !IsValidDate(*f.to)) errors["to"] = "must be a date YYYY-MM-DD";
  if (!errors.empty()) return Fail(Error::Validation("bad filter", errors));
  q.category = f.category;
  q.channel = f.channel;
  q.status = f.status;
  q.from = f.from;
  q.to = f.to;
  q.text = f.text;
  if (f.overdue) q.overdue_on = TodayDate();
  q.page = f.page;
  return q;
}

}  // namespace

Result<Page<Feedback>> FeedbackService::List(const Actor& actor, const FeedbackFilter& filter) {
  auto uow = db_.Begin(false);
  auto q = QueryFor(*uow, actor, filter);
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
    RecordAudit(w->Audit(), actor, "view_list", "feedback", std::nullopt, std::nullopt,
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
    RecordAudit(w->Audit(), actor, "view", "feedback", id, f->area_path, std::nullopt,
                std::nullopt);
    w->Commit();
  }
  return d;
}

Result<Feedback> FeedbackService::Create(const Actor& actor, const FeedbackInput& in) {
  auto uow = db_.Begin(true);
  const auto categories = uow->Feedback().Categories();
  Feedback f;
  f.id = NewId();
  FieldErrors errors;
  Apply(*uow, actor, categories, f, in, true, errors);
  if (!errors.empty()) return Fail(Error::Validation("the feedback has invalid fields", errors));
  f.status = "open";
  f.created_at = f.updated_at = NowTimestamp();
  f.created_by = f.updated_by = actor.UserId();
  uow->Feedback().Insert(f);
  uow->Feedback().AddEvent(
      {NewId(), f.id, f.created_at, actor.UserId(), std::nullopt, "logged", std::nullopt});
  RecordAudit(uow->Audit(), actor, "create", "feedback", f.id, f.area_path, std::nullopt,
              FeedbackSnapshot(f));
  uow->Commit();
  if (!MaySee(actor, f)) {
    // A receipt: the logger may not read a sensitive case once it is logged.
    Feedback receipt;
    receipt.id = f.id;
    receipt.area_id = f.area_id;
    receipt.received_on = f.received_on;
    receipt.category = f.category;
    receipt.channel = f.channel;
    receipt.sensitive = true;
    receipt.status = f.status;
    receipt.due_on = f.due_on;
    receipt.created_at = f.created_at;
    receipt.updated_at = f.updated_at;
    return receipt;
  }
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
  Apply(*uow, actor, categories, f, in, false, errors);
  if (f.status == "closed") errors["status"] = "a closed record cannot change";
  if (f.sensitive && !actor.Can(Permission::kFeedbackSensitive, f.area_path))
    errors["category"] = "only a feedback focal point of the area may handle a sensitive case";
  if (!errors.empty()) return Fail(Error::Validation("the feedback has invalid fields", errors));
  f.version = found->version + 1;
  f.updated_at = NowTimestamp();
  f.updated_by = actor.UserId();
  if (!uow->Feedback().Update(f, found->version))
    return Fail(Error::Conflict("the record was changed by someone else; reload"));
  uow->Feedback().AddEvent(
      {NewId(), f.id, f.updated_at, actor.UserId(), std::nullopt, "edited", std::nullopt});
  RecordAudit(uow->Audit(), actor, "update", "feedback", f.id, f.area_path,
              FeedbackSnapshot(*found), FeedbackSnapshot(f));
  FeedbackDetail d{*uow->Feedback().Get(id), uow->Feedback().Events(id)};
  uow->Commit();
  Protect(actor, d.feedback);
  return d;
}

Result<FeedbackDetail> FeedbackService::Step(const Actor& actor, const std::string& id,
                                             const std::string& action, std::int64_t version,
                                             const FeedbackStep& s) {
  auto uow = db_.Begin(true);
  auto found = Visible(*uow, actor, id);
  if (!found) return Fail(found.error());
  if (!MayManage(actor, *found)) return Fail(Error::Forbidden());
  if (version != found->version) return Fail(Error::Stale("feedback", found->version));
  Feedback f = *found;
  FieldErrors errors;
  auto from = [&](std::initializer_list<std::string_view> allowed) {
    if (std::find(allowed.begin(), allowed.end(), f.status) == allowed.end())
      errors["status"] = "cannot " + action + " a record that is " + f.status;
  };
  std::string note;
  if (action == "assign") {
    from({"open", "assigned", "referred"});
    if (!s.assigned_to) {
      errors["assigned_to"] = "is required";
    } else {
      auto user = IsValidId(*s.assigned_to) ? uow->Users().Get(*s.assigned_to) : std::nullopt;
      const bool covers =
          user && !user->disabled &&
          std::any_of(user->roles.begin(), user->roles.end(), [&](const RoleAssignment& r) {
            return PathWithin(f.area_path, r.area_path) &&
                   RoleAllows(r.role, f.sensitive ? Permission::kFeedbackSensitive
                                                  : Permission::kFeedbackManage);
          });
      if (!covers)
        errors["assigned_to"] = f.sensitive
                                    ? "must be a feedback focal point of the area"
                                    : "must be a staff member who handles feedback in the area";
      else
        f.assigned_to = user->id, note = user->full_name;
    }
    if (errors.empty() && f.status == "open") f.status = "assigned";
  } else if (action == "refer") {
    from({"open", "assigned"});
    if (!s.referred_to || s.referred_to->empty())
      errors["referred_to"] = "is required: to whom";
    else
      CheckName(errors, "referred_to", *s.referred_to, 200), f.referred_to = *s.referred_to;
    f.status = "referred";
  } else if (action == "respond") {
    from({"open", "assigned", "referred"});
    if (!s.response || s.response->empty())
      errors["response"] = "is required";
    else
      CheckName(errors, "response", *s.response, 4000), f.response = *s.response;
    f.responded_on = s.responded_on.value_or(TodayDate());
    CheckPastDate(errors, "responded_on", *f.responded_on);
    if (*f.responded_on < f.received_on)
      errors["responded_on"] = "is before the feedback was received";
    f.status = "responded";
  } else if (action == "close") {
    from({"responded"});
    f.closed_on = s.closed_on.value_or(TodayDate());
    CheckPastDate(errors, "closed_on", *f.closed_on);
    if (f.responded_on && *f.closed_on < *f.responded_on)
      errors["closed_on"] = "is before the response";
    if (!s.loop_closed_by)
      errors["loop_closed_by"] = "is required: how the response reached the person";
    else
      CheckOneOf(
          errors, "loop_closed_by", *s.loop_closed_by,
          {"in_person", "phone", "sms", "community_meeting", "notice_board", "not_reachable"});
    f.loop_closed_by = s.loop_closed_by;
    if (s.satisfaction) {
      CheckOneOf(errors, "satisfaction", *s.satisfaction, {"satisfied", "neutral", "dissatisfied"});
      if (f.anonymous || s.loop_closed_by == "not_reachable" ||
          s.loop_closed_by == "notice_board" || s.loop_closed_by == "community_meeting")
        errors["satisfaction"] = "is asked of the person, reached in person, by phone or SMS";
      f.satisfaction = s.satisfaction;
    }
    f.status = "closed";
  } else {
    return Fail(Error::NotFound("action"));
  }
  if (s.note) CheckOptionalName(errors, "note", *s.note, 2000);
  if (!errors.empty()) return Fail(Error::Validation("the step is invalid", errors));
  f.version = found->version + 1;
  f.updated_at = NowTimestamp();
  f.updated_by = actor.UserId();
  if (!uow->Feedback().Update(f, found->version))
    return Fail(Error::Conflict("the record was changed by someone else; reload"));
  std::optional<std::string> event_note = s.note;
  if (!event_note && !note.empty()) event_note = note;
  if (!event_note && action == "refer") event_note = f.referred_to;
  uow->Feedback().AddEvent(
      {NewId(), f.id, f.updated_at, actor.UserId(), std::nullopt, action, event_note});
  RecordAudit(uow->Audit(), actor, action, "feedback", f.id, f.area_path, FeedbackSnapshot(*found),
              FeedbackSnapshot(f));
  FeedbackDetail d{*uow->Feedback().Get(id), uow->Feedback().Events(id)};
  uow->Commit();
  Protect(actor, d.feedback);
  return d;
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
  auto q = QueryFor(*uow, actor, filter);
  if (!q) return Fail(q.error());
  FeedbackSummary s;
  s.counts = uow->Feedback().Counts(*q, TodayDate());
  for (const auto& c : s.counts) {
    s.received += c.received;
    s.closed += c.closed;
    s.closed_on_time += c.closed_on_time;
    s.open_overdue += c.open_overdue;
  }
  std::map<std::string, std::int64_t> tags;
  for (const auto& text : uow->Feedback().Tags(*q)) {
    std::string t;
    for (char c : text + " ") {
      if (c == ' ') {
        if (!t.empty()) ++tags[t];
        t.clear();
      } else {
        t += c;
      }
    }
  }
  for (auto& [t, n] : tags) s.top_tags.emplace_back(t, n);
  std::sort(s.top_tags.begin(), s.top_tags.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (s.top_tags.size() > 15) s.top_tags.resize(15);
  return s;
}

}  // namespace mobilise::domain
