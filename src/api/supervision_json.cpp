#include "api/supervision_json.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {

// Checklist answers: {item code: whole points}.
std::map<std::string, std::int64_t> ReadAnswers(ObjectReader& r, const json::object& answers) {
  std::map<std::string, std::int64_t> out;
  for (const auto& [k, v] : answers) {
    if (!v.is_int64())
      r.Invalid("answers." + std::string(k), problem::WholeNumber());
    else
      out[std::string(k)] = v.as_int64();
  }
  return out;
}

}  // namespace

const Shape<domain::SupervisionAction>& ActionShape() {
  using A = domain::SupervisionAction;
  static constexpr std::string_view kStatuses[] = {"open", "done", "closed"};
  static const auto shape = Shape<A>("SupervisionAction")
                                .Field("id", &A::id)
                                .Field("visit_id", &A::visit_id)
                                .Field("meeting_id", &A::meeting_id)
                                .Field("what", &A::what)
                                .Field("assignee_id", &A::assignee_id)
                                .Field("assignee_name", &A::assignee_name)
                                .Field("supervisor_id", &A::created_by)
                                .Field("supervisor_name", &A::supervisor_name)
                                .Field("due_on", &A::due_on)
                                .Computed(
                                    "status", [](const A& a) { return a.status; }, kStatuses)
                                .Field("overdue", &A::overdue)
                                .Field("done_on", &A::done_on)
                                .Field("done_note", &A::done_note)
                                .Field("closed_on", &A::closed_on)
                                .Field("reopen_reason", &A::reopen_reason)
                                .Field("reopened", &A::reopened)
                                .Field("version", &A::version);
  return shape;
}

const Shape<domain::SupervisionVisit>& VisitShape() {
  using V = domain::SupervisionVisit;
  static const auto shape =
      Shape<V>("SupervisionVisit")
          .Field("id", &V::id)
          .Field("area_id", &V::area_id)
          .Field("area_name", &V::area_name)
          .Field("visited_on", &V::visited_on)
          .Field("supervisor_id", &V::supervisor_id)
          .Field("supervisor_name", &V::supervisor_name)
          .Field("staff_id", &V::staff_id)
          .Field("staff_name", &V::staff_name)
          .Field("institution_id", &V::institution_id)
          .Field("institution_name", &V::institution_name)
          .Field("checklist", &V::checklist)
          .Field("score", &V::score)
          .Field("grade", &V::grade)
          .Field("answers", &V::answers)
          .Field("observations", &V::observations)
          .Field("strengths", &V::strengths)
          .Field("feedback", &V::feedback)
          .Nested("actions", ActionShape(), [](const V& v) { return v.actions; })
          .Field("version", &V::version);
  return shape;
}

const Shape<domain::ReviewMeeting>& MeetingShape() {
  using M = domain::ReviewMeeting;
  static constexpr std::string_view kKinds[] = {"weekly", "monthly"};
  static const auto shape =
      Shape<M>("ReviewMeeting")
          .Field("id", &M::id)
          .Field("area_id", &M::area_id)
          .Field("area_name", &M::area_name)
          .Field("held_on", &M::held_on)
          .Computed(
              "kind", [](const M& m) { return m.kind; }, kKinds)
          .Field("chair_id", &M::created_by)
          .Field("chair_name", &M::chair_name)
          .Field("attendee_ids", &M::attendee_ids)
          .Field("attendee_names", &M::attendee_names)
          .Field("agenda", &M::agenda)
          .Field("minutes", &M::minutes)
          .Field("decisions", &M::decisions)
          .Nested("actions", ActionShape(), [](const M& m) { return m.actions; })
          .Field("version", &M::version);
  return shape;
}

json::object VisitJson(const domain::SupervisionVisit& v) { return VisitShape().Write(v); }
json::object MeetingJson(const domain::ReviewMeeting& m) { return MeetingShape().Write(m); }
json::object ActionJson(const domain::SupervisionAction& a) { return ActionShape().Write(a); }

domain::ActionInput ReadNewAction(ObjectReader& r) {
  domain::ActionInput in;
  in.what = r.RequiredString("what");
  in.assignee_id = r.RequiredString("assignee_id");
  in.due_on = r.RequiredString("due_on");
  in.id = ReadClientId(r);
  return in;
}

namespace {

// The actions agreed in one go with a visit or meeting.
std::vector<domain::ActionInput> ReadActions(ObjectReader& r) {
  const auto* actions = r.OptionalArray("actions");
  if (!actions) return {};
  return ReadObjects<domain::ActionInput>(r, "actions", actions, ReadNewAction)
      .value_or(std::vector<domain::ActionInput>{});
}

}  // namespace

domain::VisitInput ReadNewVisit(ObjectReader& r) {
  domain::VisitInput in;
  in.area_id = r.RequiredString("area_id");
  in.visited_on = r.RequiredString("visited_on");
  in.staff_id = r.OptionalString("staff_id");
  in.institution_id = r.OptionalString("institution_id");
  in.checklist = r.OptionalString("checklist");
  if (const auto* answers = r.NullableObject("answers"); answers && *answers)
    in.answers = ReadAnswers(r, **answers);
  in.observations = r.OptionalString("observations");
  in.strengths = r.OptionalString("strengths");
  in.feedback = r.OptionalString("feedback");
  in.actions = ReadActions(r);
  in.id = ReadClientId(r);
  return in;
}

domain::ReviewMeetingInput ReadNewMeeting(ObjectReader& r) {
  domain::ReviewMeetingInput in;
  in.area_id = r.RequiredString("area_id");
  in.held_on = r.RequiredString("held_on");
  in.kind = r.RequiredString("kind");
  in.attendee_ids = r.OptionalStrings("attendee_ids").value_or(std::vector<std::string>{});
  in.agenda = r.OptionalString("agenda");
  in.minutes = r.OptionalString("minutes");
  in.decisions = r.OptionalString("decisions");
  in.actions = ReadActions(r);
  in.id = ReadClientId(r);
  return in;
}

domain::MeetingPatch ReadMeetingPatch(ObjectReader& r) {
  domain::MeetingPatch in;
  in.held_on = r.OptionalString("held_on");
  in.kind = r.OptionalString("kind");
  in.attendee_ids = r.OptionalStrings("attendee_ids");
  in.agenda = r.ClearableString("agenda");
  in.minutes = r.ClearableString("minutes");
  in.decisions = r.ClearableString("decisions");
  return in;
}

domain::VisitPatch ReadVisitPatch(ObjectReader& r) {
  domain::VisitPatch in;
  in.visited_on = r.OptionalString("visited_on");
  in.observations = r.ClearableString("observations");
  in.strengths = r.ClearableString("strengths");
  in.feedback = r.ClearableString("feedback");
  if (const auto* answers = r.NullableObject("answers"); answers && *answers)
    in.answers = ReadAnswers(r, **answers);
  return in;
}

domain::ActionPatch ReadActionPatch(ObjectReader& r) {
  domain::ActionPatch in;
  in.what = r.OptionalString("what");
  in.assignee_id = r.OptionalString("assignee_id");
  in.due_on = r.OptionalString("due_on");
  return in;
}

ActionStepInput ReadActionStep(ObjectReader& r) {
  ActionStepInput in;
  in.version = r.RequiredInt("version");
  in.note = r.OptionalString("note");
  return in;
}

}  // namespace mobilise::api

namespace mobilise::api {

const Shape<domain::SupervisionReport>& SupervisionReportShape() {
  using R = domain::SupervisionReport;
  using I = R::Item;
  using P = R::Person;
  static const auto item = Shape<I>("")
                               .Field("checklist", &I::checklist)
                               .Field("item", &I::item)
                               .Field("name", &I::name)
                               .Field("section", &I::section)
                               .Field("max_score", &I::max_score)
                               .Field("visits", &I::visits)
                               .Field("average", &I::average)
                               .Field("average_percent", &I::average_percent);
  static const auto person = Shape<P>("")
                                 .Field("staff_id", &P::staff_id)
                                 .Field("staff_name", &P::staff_name)
                                 .Field("visits", &P::visits)
                                 .Field("average_score", &P::average_score);
  static const auto shape = Shape<R>("SupervisionReport")
                                .Field("area_id", &R::area_id)
                                .Field("area_name", &R::area_name)
                                .Field("from", &R::from)
                                .Field("to", &R::to)
                                .Field("visits", &R::visits)
                                .Field("meetings", &R::meetings)
                                .Nested("items", item, [](const R& r) { return r.items; })
                                .Nested("people", person, [](const R& r) { return r.people; })
                                .Field("actions_agreed", &R::actions_agreed)
                                .Field("actions_closed", &R::actions_closed)
                                .Field("actions_closed_on_time", &R::actions_closed_on_time)
                                .Field("actions_overdue", &R::actions_overdue)
                                .Field("actions_reopened", &R::actions_reopened);
  return shape;
}

boost::json::object SupervisionReportJson(const domain::SupervisionReport& r) {
  return SupervisionReportShape().Write(r);
}

}  // namespace mobilise::api
