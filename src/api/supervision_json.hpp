// Supervision visits, review meetings and actions as JSON (each writer is its Shape, see
// api/schema.hpp), and the readers of their request bodies.
#pragma once

#include <boost/json/object.hpp>

#include "api/json_io.hpp"
#include "api/schema.hpp"
#include "domain/supervision/supervision_service.hpp"

namespace mobilise::api {

const Shape<domain::SupervisionVisit>& VisitShape();
const Shape<domain::SupervisionAction>& ActionShape();
const Shape<domain::ReviewMeeting>& MeetingShape();
const Shape<domain::SupervisionReport>& SupervisionReportShape();

boost::json::object VisitJson(const domain::SupervisionVisit& visit);
boost::json::object ActionJson(const domain::SupervisionAction& action);
boost::json::object MeetingJson(const domain::ReviewMeeting& meeting);
boost::json::object SupervisionReportJson(const domain::SupervisionReport& report);

// POST /supervision-visits (with its actions).
domain::VisitInput ReadNewVisit(ObjectReader& r);
// PATCH /supervision-visits/{id}, after its version.
domain::VisitPatch ReadVisitPatch(ObjectReader& r);
// POST /review-meetings (with its action points).
domain::ReviewMeetingInput ReadNewMeeting(ObjectReader& r);
// PATCH /review-meetings/{id}, after its version.
domain::MeetingPatch ReadMeetingPatch(ObjectReader& r);
// POST /supervision-visits/{id}/actions and /review-meetings/{id}/actions.
domain::ActionInput ReadNewAction(ObjectReader& r);
// PATCH /supervision-actions/{id}, after its version.
domain::ActionPatch ReadActionPatch(ObjectReader& r);
// POST /supervision-actions/{id}/{done|close|reopen}: the version and the note (done: what was
// done; reopen: why).
struct ActionStepInput {
  std::int64_t version = 0;
  std::optional<std::string> note;
};
ActionStepInput ReadActionStep(ObjectReader& r);

}  // namespace mobilise::api
