#include "domain/supervision/supervision_rules.hpp"

#include <set>

#include "core/clock.hpp"

namespace mobilise::domain {
namespace {

struct StepRow {
  std::string_view from;
  ActionStep step;
  std::string_view to;
};

// The action status table.
constexpr StepRow kSteps[] = {
    {"open", ActionStep::kDone, "done"},
    {"done", ActionStep::kClose, "closed"},
    {"done", ActionStep::kReopen, "open"},
    {"closed", ActionStep::kReopen, "open"},
};

constexpr std::string_view kStepIds[] = {"done", "close", "reopen"};

std::string_view StepTarget(ActionStep step) {
  return step == ActionStep::kDone ? "done" : step == ActionStep::kClose ? "closed" : "open";
}

}  // namespace

std::optional<ActionStep> ParseActionStep(std::string_view text) {
  for (auto s : {ActionStep::kDone, ActionStep::kClose, ActionStep::kReopen})
    if (kStepIds[static_cast<int>(s)] == text) return s;
  return std::nullopt;
}

std::optional<std::string> NextActionStatus(std::string_view status, ActionStep step) {
  for (const auto& row : kSteps)
    if (row.from == status && row.step == step) return std::string(row.to);
  return std::nullopt;
}

void ApplyActionStep(SupervisionAction& a, ActionStep step, const std::optional<std::string>& note,
                     std::string_view today, FieldErrors& errors) {
  auto next = NextActionStatus(a.status, step);
  if (!next) {
    errors["status"] = problem::CannotGoFromTo(a.status, std::string(StepTarget(step)));
    return;
  }
  const bool needs_note = step != ActionStep::kClose;
  if (needs_note && (!note || note->empty()))
    errors["note"] = problem::Required();
  else if (needs_note)
    CheckName(errors, "note", *note, 2000);
  else if (note && !note->empty())
    errors["note"] = problem::OnlyForKind("done_or_reopen");
  if (!errors.empty()) return;
  a.status = *next;
  if (step == ActionStep::kDone) {
    a.done_on = std::string(today), a.done_note = note;
  } else if (step == ActionStep::kClose) {
    a.closed_on = std::string(today);
  } else {
    a.reopen_reason = note, a.reopened += 1;
    a.done_on.reset(), a.done_note.reset(), a.closed_on.reset();
  }
}

bool IsOverdue(const SupervisionAction& a, std::string_view today) {
  return a.status == "open" && a.due_on < today;
}

bool ClosedOnTime(const SupervisionAction& a) {
  return a.status == "closed" && a.closed_on && *a.closed_on <= a.due_on;
}

void CheckActionFields(const SupervisionAction& a, const std::string& prefix, FieldErrors& errors) {
  CheckName(errors, prefix + "what", a.what, 500);
  if (a.assignee_id.empty()) errors[prefix + "assignee_id"] = problem::Required();
  if (!IsValidDate(a.due_on)) errors[prefix + "due_on"] = problem::NotADate();
}

void CheckVisitFields(const SupervisionVisit& v, std::string_view today, FieldErrors& errors) {
  CheckPastDate(errors, "visited_on", v.visited_on, today);
  for (auto [field, text] :
       {std::pair{"observations", &v.observations}, std::pair{"strengths", &v.strengths},
        std::pair{"feedback", &v.feedback}})
    if (*text) CheckOptionalName(errors, field, **text, 4000);
}

void CheckMeetingFields(const ReviewMeeting& m, std::string_view today, FieldErrors& errors) {
  CheckPastDate(errors, "held_on", m.held_on, today);
  CheckOneOf(errors, "kind", m.kind, {"weekly", "monthly"});
  for (auto [field, text] : {std::pair{"agenda", &m.agenda}, std::pair{"minutes", &m.minutes},
                             std::pair{"decisions", &m.decisions}})
    if (*text) CheckOptionalName(errors, field, **text, 4000);
  if (m.attendee_ids.size() > 200) errors["attendee_ids"] = problem::AtMost(200, "attendees");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < m.attendee_ids.size(); ++i)
    if (!seen.insert(m.attendee_ids[i]).second)
      errors["attendee_ids[" + std::to_string(i) + "]"] = problem::UsedTwice();
}

bool MaySupervise(const Actor& actor, std::string_view area_path) {
  return actor.Can(Permission::kSupervisionWrite, area_path);
}

Snapshot VisitSnapshot(const SupervisionVisit& v) {
  Snapshot s{{"area_id", v.area_id},           {"visited_on", v.visited_on},
             {"staff_id", v.staff_id},         {"institution_id", v.institution_id},
             {"checklist", v.checklist},       {"grade", v.grade},
             {"observations", v.observations}, {"strengths", v.strengths},
             {"feedback", v.feedback},         {"version", std::to_string(v.version)}};
  for (const auto& [item, points] : v.answers) s["answer." + item] = std::to_string(points);
  return s;
}

Snapshot MeetingSnapshot(const ReviewMeeting& m) {
  Snapshot s{{"area_id", m.area_id},
             {"held_on", m.held_on},
             {"kind", m.kind},
             {"agenda", m.agenda},
             {"minutes", m.minutes},
             {"decisions", m.decisions},
             {"version", std::to_string(m.version)}};
  for (std::size_t i = 0; i < m.attendee_ids.size(); ++i)
    s["attendee." + std::to_string(i)] = m.attendee_ids[i];
  return s;
}

Snapshot ActionSnapshot(const SupervisionAction& a) {
  return Snapshot{{"visit_id", a.visit_id},
                  {"meeting_id", a.meeting_id},
                  {"what", a.what},
                  {"assignee_id", a.assignee_id},
                  {"due_on", a.due_on},
                  {"status", a.status},
                  {"done_on", a.done_on},
                  {"done_note", a.done_note},
                  {"closed_on", a.closed_on},
                  {"reopen_reason", a.reopen_reason},
                  {"version", std::to_string(a.version)}};
}

}  // namespace mobilise::domain
