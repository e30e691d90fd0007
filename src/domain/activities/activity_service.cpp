#include "domain/activities/activity_service.hpp"

#include <algorithm>
#include <set>

#include "core/clock.hpp"
#include "core/id.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {
namespace {

bool IsTime(std::string_view t) {
  return t.size() == 5 && t[2] == ':' && std::isdigit(t[0]) && std::isdigit(t[1]) &&
         std::isdigit(t[3]) && std::isdigit(t[4]) && t.substr(0, 2) <= "23" && t.substr(3) <= "59";
}

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

bool IsAuthor(const Actor& actor, const Activity& a) {
  return a.author_id && *a.author_id == actor.user_id;
}

Snapshot ActivitySnapshot(const Activity& a) {
  std::string topics;
  for (const auto& t : a.topics) topics += (topics.empty() ? "" : " ") + t;
  return Snapshot{{"type", a.type},
                  {"title", a.title},
                  {"held_on", a.held_on},
                  {"area_id", a.area_id},
                  {"place", a.place},
                  {"status", a.status},
                  {"topics", topics},
                  {"counted_total", std::to_string(a.counted_total)},
                  {"named_total", std::to_string(a.named_total)},
                  {"decisions", a.decisions},
                  {"follow_up", a.follow_up},
                  {"return_comment", a.return_comment},
                  {"version", std::to_string(a.version)}};
}

void Apply(UnitOfWork& uow, const Actor& actor, const RegistryConfig& config, Activity& a,
           const ActivityInput& in, bool creating, FieldErrors& errors) {
  auto has = [](const std::vector<RegistryOption>& list, const std::string& code) {
    return std::any_of(list.begin(), list.end(),
                       [&](const RegistryOption& o) { return o.code == code; });
  };
  if (creating) {
    if (!in.type) errors["type"] = "is required";
    if (!in.held_on) errors["held_on"] = "is required";
    if (!in.area_id) errors["area_id"] = "is required";
  }
  if (in.type) {
    if (!has(config.activity_types, *in.type)) errors["type"] = "unknown activity type";
    a.type = *in.type;
  }
  if (in.course_id) a.course_id = NonEmpty(*in.course_id);
  if (a.type == "training") {
    // A training event teaches a course; trainees' test scores stay within its maximum.
    auto course = a.course_id ? uow.Trainings().GetCourse(*a.course_id) : std::nullopt;
    if (!a.course_id)
      errors["course_id"] = "is required for a training";
    else if (!course)
      errors["course_id"] = "no such course";
    else if (in.attendance)
      for (std::size_t i = 0; i < in.attendance->size(); ++i) {
        const auto& x = (*in.attendance)[i];
        const std::string f = "attendance[" + std::to_string(i) + "]";
        for (const auto& [name, score] :
             {std::pair{".pre_score", x.pre_score}, std::pair{".post_score", x.post_score}}) {
          if (!score) continue;
          if (!course->test_max)
            errors[f + name] = "the course has no test";
          else if (*score < 0 || *score > *course->test_max)
            errors[f + name] = "must be between 0 and the test maximum " +
                               std::to_string(static_cast<int>(*course->test_max));
        }
      }
  } else if (a.course_id) {
    errors["course_id"] = "only a training has a course";
  }
  if (in.title) CheckOptionalName(errors, "title", *in.title), a.title = NonEmpty(*in.title);
  if (in.held_on) CheckPastDate(errors, "held_on", *in.held_on), a.held_on = *in.held_on;
  if (in.start_time) {
    if (!in.start_time->empty() && !IsTime(*in.start_time)) errors["start_time"] = "must be HH:MM";
    a.start_time = NonEmpty(*in.start_time);
  }
  if (in.end_time) {
    if (!in.end_time->empty() && !IsTime(*in.end_time)) errors["end_time"] = "must be HH:MM";
    a.end_time = NonEmpty(*in.end_time);
  }
  if (a.start_time && a.end_time && *a.end_time <= *a.start_time)
    errors["end_time"] = "must be after the start time";
  if (in.area_id && (creating || *in.area_id != a.area_id)) {
    auto area = IsValidId(*in.area_id) ? uow.Areas().Get(*in.area_id) : std::nullopt;
    if (!area || !actor.Sees(area->path))
      errors["area_id"] = "no such area in your areas";
    else if (!actor.Can(Permission::kActivityWrite, area->path))
      errors["area_id"] = "your role may not record activities in this area";
    else
      a.area_id = area->id, a.area_path = area->path, a.area_name = area->name;
  }
  if (in.place) CheckOptionalName(errors, "place", *in.place), a.place = NonEmpty(*in.place);
  if (in.decisions)
    CheckOptionalName(errors, "decisions", *in.decisions, 4000),
        a.decisions = NonEmpty(*in.decisions);
  if (in.follow_up)
    CheckOptionalName(errors, "follow_up", *in.follow_up, 4000),
        a.follow_up = NonEmpty(*in.follow_up);
  if (in.notes) CheckOptionalName(errors, "notes", *in.notes, 4000), a.notes = NonEmpty(*in.notes);
  if (in.topics) {
    a.topics.clear();
    for (const auto& t : *in.topics) {
      if (!has(config.topics, t))
        errors["topics"] = "unknown topic " + t;
      else if (std::find(a.topics.begin(), a.topics.end(), t) == a.topics.end())
        a.topics.push_back(t);
    }
  }
  if (in.institution_ids) {
    a.institution_ids.clear();
    for (std::size_t i = 0; i < in.institution_ids->size(); ++i) {
      const auto& id = (*in.institution_ids)[i];
      auto inst = IsValidId(id) ? uow.Institutions().Get(id) : std::nullopt;
      if (!inst || !actor.Sees(inst->area_path))
        errors["institution_ids[" + std::to_string(i) + "]"] = "no such institution in your areas";
      else if (std::find(a.institution_ids.begin(), a.institution_ids.end(), id) ==
               a.institution_ids.end())
        a.institution_ids.push_back(id);
    }
  }
  if (in.facilitators) {
    a.facilitators.clear();
    for (std::size_t i = 0; i < in.facilitators->size(); ++i) {
      const auto& f = (*in.facilitators)[i];
      const std::string field = "facilitators[" + std::to_string(i) + "]";
      if (f.user_id.has_value() == f.name.has_value()) {
        errors[field] = "give either user_id (staff) or name (an outside facilitator)";
      } else if (f.user_id) {
        auto user = IsValidId(*f.user_id) ? uow.Users().Get(*f.user_id) : std::nullopt;
        if (!user)
          errors[field + ".user_id"] = "no such user";
        else
          a.facilitators.push_back({user->id, std::nullopt});
      } else {
        CheckName(errors, field + ".name", *f.name);
        a.facilitators.push_back(f);
      }
    }
  }
  if (in.counts) {
    a.counts.clear();
    std::set<std::tuple<std::string, std::string, bool>> seen;
    for (std::size_t i = 0; i < in.counts->size(); ++i) {
      const auto& c = (*in.counts)[i];
      const std::string f = "counts[" + std::to_string(i) + "]";
      CheckOneOf(errors, f + ".sex", c.sex, {"f", "m", "x"});
      CheckOneOf(errors, f + ".age_band", c.age_band, {"0-4", "5-11", "12-17", "18-59", "60+"});
      if (c.count < 0 || c.count > 100000) errors[f + ".count"] = "must be between 0 and 100000";
      if (!seen.insert({c.sex, c.age_band, c.disability}).second)
        errors[f] = "the same sex, age band and disability twice";
      if (c.count > 0) a.counts.push_back(c);
    }
  }
  if (in.attendance) {
    a.attendance.clear();
    std::set<std::string> seen;
    for (std::size_t i = 0; i < in.attendance->size(); ++i) {
      const auto& x = (*in.attendance)[i];
      const std::string f = "attendance[" + std::to_string(i) + "]";
      auto person = IsValidId(x.person_id) ? uow.Households().GetPerson(x.person_id) : std::nullopt;
      if (!person || !actor.Sees(person->area_path))
        errors[f + ".person_id"] = "no such person in your areas";
      if (!seen.insert(x.person_id).second) errors[f + ".person_id"] = "listed twice";
      if (a.type != "training") {
        if (x.pre_score) CheckRange(errors, f + ".pre_score", *x.pre_score, 0, 100);
        if (x.post_score) CheckRange(errors, f + ".post_score", *x.post_score, 0, 100);
      }
      a.attendance.push_back(x);
    }
  }
  if (a.attendance.size() > 2000) errors["attendance"] = "at most 2000 named participants";
  a.counted_total = 0;
  for (const auto& c : a.counts) a.counted_total += c.count;
  a.named_total = 0;
  for (const auto& x : a.attendance) a.named_total += x.attended ? 1 : 0;
  if (in.participants_total && *in.participants_total != a.counted_total)
    errors["participants_total"] = "is " + std::to_string(*in.participants_total) +
                                   " but the counts add up to " + std::to_string(a.counted_total);
  if (!a.counts.empty() && a.named_total > a.counted_total)
    errors["counts"] = "count fewer participants (" + std::to_string(a.counted_total) +
                       ") than named attendees (" + std::to_string(a.named_total) + ")";
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
    auto area = IsValidId(*f.area_id) ? uow->Areas().Get(*f.area_id) : std::nullopt;
    if (!area || !actor.Sees(area->path))
      return Fail(Error::Field("area", "no such area in your areas"));
    const auto range = SubtreeRange(area->path);
    std::vector<PathRange> narrowed;
    for (const auto& s : q.scope) {
      if (PathWithin(area->path, s.lo))
        narrowed = {range};
      else if (PathWithin(s.lo, area->path))
        narrowed.push_back(s);
    }
    q.scope = narrowed;
  }
  q.status = f.queue ? std::optional<std::string>("submitted") : f.status;
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
  const auto config = uow->RegistryConfig().Load();
  Activity a;
  a.id = NewId();
  FieldErrors errors;
  Apply(*uow, actor, config, a, in, true, errors);
  if (in.correction_reason) errors["correction_reason"] = "only for changing a verified record";
  if (!errors.empty()) return Fail(Error::Validation("the activity has invalid fields", errors));
  a.status = "draft";
  a.author_id = actor.UserId();
  a.created_at = a.updated_at = NowTimestamp();
  a.created_by = a.updated_by = actor.UserId();
  uow->Activities().Insert(a);
  RecordAudit(uow->Audit(), actor, "create", "activity", a.id, a.area_path, std::nullopt,
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
  // Drafts and returned records are the author's to change; submitted ones wait for the
  // supervisor; verified ones change only through a correction by a supervisor, with a reason.
  std::string action = "update";
  if (before.status == "verified") {
    if (!actor.Can(Permission::kActivityVerify, before.area_path) || IsAuthor(actor, before))
      return Fail(Error::Forbidden(
          "a verified activity is changed only through a correction by a supervisor"));
    if (!in.correction_reason || in.correction_reason->empty())
      return Fail(Error::Field("correction_reason", "is required to correct a verified activity"));
    action = "correct";
  } else if (before.status == "submitted") {
    return Fail(Error::Conflict("the activity is submitted: wait for verification or its return"));
  } else if (!IsAuthor(actor, before) &&
             !actor.Can(Permission::kActivityVerify, before.area_path)) {
    return Fail(Error::Forbidden("only the author (or their supervisor) edits a draft"));
  }
  if (version != before.version) return Fail(Error::Stale("activity", before.version));
  const auto config = uow->RegistryConfig().Load();
  Activity a = before;
  FieldErrors errors;
  Apply(*uow, actor, config, a, in, false, errors);
  if (in.correction_reason && action != "correct")
    errors["correction_reason"] = "only for changing a verified record";
  if (in.correction_reason)
    CheckOptionalName(errors, "correction_reason", *in.correction_reason, 1000);
  if (!errors.empty()) return Fail(Error::Validation("the activity has invalid fields", errors));
  a.version = before.version + 1;
  a.updated_at = NowTimestamp();
  a.updated_by = actor.UserId();
  if (!uow->Activities().Update(a, before.version))
    return Fail(Error::Conflict("the activity was changed by someone else; reload"));
  auto after = ActivitySnapshot(a);
  if (in.correction_reason) after["correction_reason"] = *in.correction_reason;
  RecordAudit(uow->Audit(), actor, action, "activity", a.id, a.area_path, ActivitySnapshot(before),
              after);
  auto stored = uow->Activities().Get(a.id);
  if (stored) AddCorrections(*uow, *stored);
  uow->Commit();
  return stored.value_or(a);
}

Status ActivityService::Delete(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(true);
  auto found = Visible(*uow, actor, id);
  if (!found) return Fail(found.error());
  if (!IsAuthor(actor, *found)) return Fail(Error::Forbidden("only the author deletes a draft"));
  if (found->status != "draft" && found->status != "returned")
    return Fail(Error::Conflict("only a draft or returned activity can be deleted"));
  if (found->file_count > 0)
    return Fail(Error::Conflict("the activity has files as means of verification"));
  uow->Activities().Delete(id);
  RecordAudit(uow->Audit(), actor, "delete", "activity", id, found->area_path,
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
  Activity a = *found;
  if (action == "submit") {
    if (!IsAuthor(actor, a)) return Fail(Error::Forbidden("only the author submits an activity"));
    if (a.status != "draft" && a.status != "returned")
      return Fail(Error::Conflict("the activity is " + a.status +
                                  "; only a draft or returned one is submitted"));
    if (a.counted_total == 0 && a.named_total == 0)
      return Fail(
          Error::Field("counts", "record the participants (counted or named) before submitting"));
    a.status = "submitted";
    a.submitted_at = NowTimestamp();
  } else if (action == "verify" || action == "return") {
    if (IsAuthor(actor, a))
      return Fail(Error::Forbidden("an activity is verified by a supervisor, not its author"));
    if (!actor.Can(Permission::kActivityVerify, a.area_path))
      return Fail(Error::Forbidden("only an officer or manager over the area verifies activities"));
    if (a.status != "submitted")
      return Fail(Error::Conflict("the activity is " + a.status + ", not submitted"));
    if (action == "verify") {
      a.status = "verified";
      a.verified_by = actor.UserId();
      a.verified_at = NowTimestamp();
      a.return_comment.reset();
    } else {
      if (!comment || comment->empty())
        return Fail(Error::Field("comment", "is required: say what to fix"));
      FieldErrors errors;
      CheckName(errors, "comment", *comment, 2000);
      if (!errors.empty()) return Fail(Error::Validation("the comment is invalid", errors));
      a.status = "returned";
      a.return_comment = *comment;
    }
  } else {
    return Fail(Error::NotFound("action"));
  }
  if (version != found->version) return Fail(Error::Stale("activity", found->version));
  a.version = found->version + 1;
  a.updated_at = NowTimestamp();
  a.updated_by = actor.UserId();
  if (!uow->Activities().Update(a, found->version))
    return Fail(Error::Conflict("the activity was changed by someone else; reload"));
  RecordAudit(uow->Audit(), actor, action, "activity", a.id, a.area_path, ActivitySnapshot(*found),
              ActivitySnapshot(a));
  auto stored = uow->Activities().Get(a.id);
  if (stored) AddCorrections(*uow, *stored);
  uow->Commit();
  return stored.value_or(a);
}

Result<std::vector<ActivityMonthCount>> ActivityService::MonthlyCounts(
    const Actor& actor, std::optional<std::string> area_id, std::optional<std::string> from,
    std::optional<std::string> to, bool include_unverified) {
  auto uow = db_.Begin(false);
  std::vector<PathRange> scope = actor.Scope(Permission::kAreaRead);
  if (area_id) {
    auto area = IsValidId(*area_id) ? uow->Areas().Get(*area_id) : std::nullopt;
    if (!area || !actor.Sees(area->path))
      return Fail(Error::Field("area", "no such area in your areas"));
    scope = {SubtreeRange(area->path)};
  }
  FieldErrors errors;
  if (from && !IsValidDate(*from)) errors["from"] = "must be a date YYYY-MM-DD";
  if (to && !IsValidDate(*to)) errors["to"] = "must be a date YYYY-MM-DD";
  if (!errors.empty()) return Fail(Error::Validation("bad period", errors));
  const auto today = TodayDate();
  const std::string start =
      from.value_or(std::to_string(std::stoi(today.substr(0, 4)) - 1) + today.substr(4));
  std::vector<std::string> statuses{"verified"};
  if (include_unverified) statuses.push_back("submitted");
  if (scope.empty()) return std::vector<ActivityMonthCount>{};
  return uow->Activities().MonthlyCounts(scope, start, to.value_or(today), statuses);
}

Result<std::vector<StoredFile>> ActivityService::Files(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(false);
  auto a = Visible(*uow, actor, id);
  if (!a) return Fail(a.error());
  return uow->Activities().Files("activity", id);
}

Result<StoredFile> ActivityService::AddFile(const Actor& actor, const std::string& id,
                                            const std::string& name, const std::string& declared,
                                            std::string_view bytes) {
  FieldErrors errors;
  CheckName(errors, "filename", name, 200);
  const auto mime = SniffMime(bytes);
  if (mime.empty())
    errors["file"] = "must be a JPEG or PNG photo or a PDF document";
  else if (!declared.empty() && declared != "application/octet-stream" && declared != mime)
    errors["file"] = "is a " + mime + " file sent as " + declared;
  if (static_cast<std::int64_t>(bytes.size()) > limits_.max_bytes)
    return Fail(
        Error::TooLarge("files are limited to " + std::to_string(limits_.max_bytes >> 20) + " MB"));
  if (bytes.empty()) errors["file"] = "is empty";
  if (!errors.empty()) return Fail(Error::Validation("the file is not accepted", errors));
  {
    auto uow = db_.Begin(false);
    auto a = Visible(*uow, actor, id);
    if (!a) return Fail(a.error());
    const bool may = (IsAuthor(actor, *a) && a->status != "verified") ||
                     actor.Can(Permission::kActivityVerify, a->area_path);
    if (!may) return Fail(Error::Forbidden("only the author, or a supervisor, adds files"));
  }
  // The bytes go to the store first (outside the transaction); a failure after it leaves an
  // unreferenced blob, never a row without its file.
  const auto sha = blobs_.Put(bytes);
  auto uow = db_.Begin(true);
  auto a = Visible(*uow, actor, id);
  if (!a) return Fail(a.error());
  StoredFile f{NewId(),       sha, mime,           name,
               "activity",    id,  NowTimestamp(), static_cast<std::int64_t>(bytes.size()),
               actor.UserId()};
  uow->Activities().InsertFile(f);
  RecordAudit(uow->Audit(), actor, "create", "file", f.id, a->area_path, std::nullopt,
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
