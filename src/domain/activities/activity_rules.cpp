#include "domain/activities/activity_rules.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>
#include <tuple>

#include "core/enum_text.hpp"
#include "domain/demographics.hpp"

namespace mobilise::domain {
namespace {

constexpr std::array<std::string_view, 4> kStatusTexts = {"draft", "submitted", "verified",
                                                          "returned"};
constexpr std::array<std::string_view, 3> kActionTexts = {"submit", "verify", "return"};

bool Has(const std::vector<RegistryOption>& list, const std::string& code) {
  return std::any_of(list.begin(), list.end(),
                     [&](const RegistryOption& o) { return o.code == code; });
}

// An optional text of at most `max` code points: "" clears it.
void SetText(FieldErrors& errors, const char* field, const std::optional<std::string>& in,
             std::optional<std::string>& out, std::size_t max = 200) {
  if (!in) return;
  CheckOptionalName(errors, field, *in, max);
  out = NonEmpty(*in);
}

void SetTime(FieldErrors& errors, const char* field, const std::optional<std::string>& in,
             std::optional<std::string>& out) {
  if (!in) return;
  if (!in->empty() && !IsClockTime(*in)) errors[field] = problem::NotAClockTime();
  out = NonEmpty(*in);
}

void ApplyCounts(Activity& a, const std::vector<ParticipantCount>& in, FieldErrors& errors) {
  a.counts.clear();
  std::set<std::tuple<std::string, std::string, bool>> seen;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const auto& c = in[i];
    const std::string f = "counts[" + std::to_string(i) + "]";
    CheckOneOf(errors, f + ".sex", c.sex, kSexes);
    CheckOneOf(errors, f + ".age_band", c.age_band, kAgeBandCodes);
    if (c.count < 0 || c.count > 100000) errors[f + ".count"] = problem::OutOfRange(0, 100000);
    if (!seen.insert({c.sex, c.age_band, c.disability}).second)
      errors[f] = problem::SameCountTwice();
    if (c.count > 0) a.counts.push_back(c);
  }
}

}  // namespace

std::string_view ToString(ActivityStatus status) { return EnumText(kStatusTexts, status); }

std::optional<ActivityStatus> ParseActivityStatus(std::string_view text) {
  return ParseEnumText<ActivityStatus>(kStatusTexts, text);
}

ActivityStatus StatusOf(const Activity& a) {
  auto status = ParseActivityStatus(a.status);
  if (!status) throw std::runtime_error("activity " + a.id + " has an unknown status");
  return *status;
}

std::string_view ToString(ActivityAction action) { return EnumText(kActionTexts, action); }

std::optional<ActivityAction> ParseActivityAction(std::string_view text) {
  return ParseEnumText<ActivityAction>(kActionTexts, text);
}

ActivityParty PartyOf(const Actor& actor, const Activity& a) {
  return {a.author_id && *a.author_id == actor.user_id,
          actor.Can(Permission::kActivityVerify, a.area_path)};
}

Result<ActivityStatus> NextStatus(ActivityStatus from, ActivityAction action, ActivityParty party) {
  const ActivityTransition* row = nullptr;
  ActivityStepTaker who = ActivityStepTaker::kAuthor;
  for (const auto& t : kActivityTransitions) {
    if (t.action != action) continue;
    who = t.who;
    if (t.from == from) row = &t;
  }
  if (who == ActivityStepTaker::kAuthor && !party.author)
    return Fail(Error::Forbidden("only the author submits an activity"));
  if (who == ActivityStepTaker::kSupervisor && party.author)
    return Fail(Error::Forbidden("an activity is verified by a supervisor, not its author"));
  if (who == ActivityStepTaker::kSupervisor && !party.supervisor)
    return Fail(Error::Forbidden("only an officer or manager over the area verifies activities"));
  if (!row) {
    const std::string is = "the activity is " + std::string(ToString(from));
    return Fail(Error::Conflict(action == ActivityAction::kSubmit
                                    ? is + "; only a draft or returned one is submitted"
                                    : is + ", not submitted"));
  }
  return row->to;
}

Status TakeStep(Activity& a, ActivityAction action, ActivityStatus to,
                const std::optional<std::string>& comment, const std::optional<std::string>& by,
                const std::string& now) {
  switch (action) {
    case ActivityAction::kSubmit:
      if (a.counted_total == 0 && a.named_total == 0)
        return Fail(Error::Field("counts", problem::ParticipantsBeforeSubmit()));
      a.submitted_at = now;
      break;
    case ActivityAction::kVerify:
      a.verified_by = by;
      a.verified_at = now;
      a.return_comment.reset();
      break;
    case ActivityAction::kReturn: {
      if (!comment || comment->empty())
        return Fail(Error::Field("comment", problem::RequiredWhatToFix()));
      FieldErrors errors;
      CheckName(errors, "comment", *comment, 2000);
      if (!errors.empty()) return Fail(Error::Validation("the comment is invalid", errors));
      a.return_comment = *comment;
      break;
    }
  }
  a.status = ToString(to);
  return {};
}

Result<ActivityEdit> CheckEdit(ActivityStatus status, ActivityParty party, bool has_reason) {
  if (status == ActivityStatus::kVerified) {
    if (!party.supervisor || party.author)
      return Fail(Error::Forbidden(
          "a verified activity is changed only through a correction by a supervisor"));
    if (!has_reason)
      return Fail(Error::Field("correction_reason", problem::RequiredToCorrectActivity()));
    return ActivityEdit::kCorrect;
  }
  if (status == ActivityStatus::kSubmitted)
    return Fail(Error::Conflict("the activity is submitted: wait for verification or its return"));
  if (!party.author && !party.supervisor)
    return Fail(Error::Forbidden("only the author (or their supervisor) edits a draft"));
  return ActivityEdit::kUpdate;
}

Status CheckDelete(ActivityStatus status, ActivityParty party, std::int64_t file_count) {
  if (!party.author) return Fail(Error::Forbidden("only the author deletes a draft"));
  if (status != ActivityStatus::kDraft && status != ActivityStatus::kReturned)
    return Fail(Error::Conflict("only a draft or returned activity can be deleted"));
  if (file_count > 0)
    return Fail(Error::Conflict("the activity has files as means of verification"));
  return {};
}

bool MayAddFiles(ActivityStatus status, ActivityParty party) {
  return (party.author && status != ActivityStatus::kVerified) || party.supervisor;
}

bool IsClockTime(std::string_view t) {
  return t.size() == 5 && t[2] == ':' && std::isdigit(t[0]) && std::isdigit(t[1]) &&
         std::isdigit(t[3]) && std::isdigit(t[4]) && t.substr(0, 2) <= "23" && t.substr(3) <= "59";
}

void ApplyActivityFields(const RegistryConfig& config, Activity& a, const ActivityInput& in,
                         bool creating, std::string_view today, FieldErrors& errors) {
  if (creating) {
    if (!in.type) errors["type"] = problem::Required();
    if (!in.held_on) errors["held_on"] = problem::Required();
    if (!in.area_id) errors["area_id"] = problem::Required();
  }
  if (in.type) {
    if (!Has(config.activity_types, *in.type)) errors["type"] = problem::Unknown("activity_type");
    a.type = *in.type;
  }
  if (in.course_id) a.course_id = NonEmpty(*in.course_id);
  SetText(errors, "title", in.title, a.title);
  if (in.held_on) CheckPastDate(errors, "held_on", *in.held_on, today), a.held_on = *in.held_on;
  SetTime(errors, "start_time", in.start_time, a.start_time);
  SetTime(errors, "end_time", in.end_time, a.end_time);
  if (a.start_time && a.end_time && *a.end_time <= *a.start_time)
    errors["end_time"] = problem::EndBeforeStart();
  SetText(errors, "place", in.place, a.place);
  SetText(errors, "decisions", in.decisions, a.decisions, 4000);
  SetText(errors, "follow_up", in.follow_up, a.follow_up, 4000);
  SetText(errors, "notes", in.notes, a.notes, 4000);
  if (in.topics) {
    a.topics.clear();
    for (const auto& t : *in.topics) {
      if (!Has(config.topics, t))
        errors["topics"] = problem::UnknownNamed("topic", t);
      else if (std::find(a.topics.begin(), a.topics.end(), t) == a.topics.end())
        a.topics.push_back(t);
    }
  }
  if (in.counts) ApplyCounts(a, *in.counts, errors);
}

void CheckTestScores(FieldErrors& errors, const std::string& field, std::optional<double> pre,
                     std::optional<double> post, std::optional<double> test_max,
                     const std::string& max_text) {
  for (const auto& [name, score] : {std::pair{".pre_score", pre}, std::pair{".post_score", post}}) {
    if (!score) continue;
    if (!test_max)
      errors[field + name] = problem::CourseHasNoTest();
    else if (*score < 0 || *score > *test_max)
      errors[field + name] = problem::OutOfRangeTestMax(0, max_text);
  }
}

void ApplyAttendance(Activity& a, const std::vector<Attendance>& in, FieldErrors& errors) {
  a.attendance.clear();
  std::set<std::string> seen;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const auto& x = in[i];
    const std::string f = "attendance[" + std::to_string(i) + "]";
    if (!seen.insert(x.person_id).second) errors[f + ".person_id"] = problem::ListedTwice();
    if (a.type != "training") {
      if (x.pre_score) CheckRange(errors, f + ".pre_score", *x.pre_score, 0, 100);
      if (x.post_score) CheckRange(errors, f + ".post_score", *x.post_score, 0, 100);
    }
    a.attendance.push_back(x);
  }
}

void CountParticipants(Activity& a, std::optional<std::int64_t> participants_total,
                       FieldErrors& errors) {
  if (a.attendance.size() > 2000)
    errors["attendance"] = problem::AtMost(2000, "named_participants");
  a.counted_total = 0;
  for (const auto& c : a.counts) a.counted_total += c.count;
  a.named_total = 0;
  for (const auto& x : a.attendance) a.named_total += x.attended ? 1 : 0;
  if (participants_total && *participants_total != a.counted_total)
    errors["participants_total"] = problem::TotalMismatch(*participants_total, a.counted_total);
  if (!a.counts.empty() && a.named_total > a.counted_total)
    errors["counts"] = problem::NamedAboveCounted(a.counted_total, a.named_total);
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

std::string YearBefore(std::string_view today) {
  return std::to_string(std::stoi(std::string(today.substr(0, 4))) - 1) +
         std::string(today.substr(4));
}

}  // namespace mobilise::domain
