// The operation table's rows for supervision visits, review meetings and the follow-up of their
// actions.
#include "api/openapi_table.hpp"
#include "api/supervision_json.hpp"

namespace mobilise::api::openapi_table {

std::vector<OperationSchema> SupervisionOperations() {
  const Schema none;
  return {
      {"GET", "/api/v1/supervision-visits", 200, PageOf(&VisitShape), none},
      {"POST", "/api/v1/supervision-visits", 201, One(&VisitShape), Reads(ReadNewVisit)},
      {"GET", "/api/v1/supervision-visits/{id}", 200, One(&VisitShape), none},
      {"PATCH", "/api/v1/supervision-visits/{id}", 200, One(&VisitShape),
       Versioned(ReadVisitPatch)},
      {"POST", "/api/v1/supervision-visits/{id}/actions", 201, One(&ActionShape),
       Reads(ReadNewAction)},
      {"GET", "/api/v1/review-meetings", 200, PageOf(&MeetingShape), none},
      {"POST", "/api/v1/review-meetings", 201, One(&MeetingShape), Reads(ReadNewMeeting)},
      {"GET", "/api/v1/review-meetings/{id}", 200, One(&MeetingShape), none},
      {"PATCH", "/api/v1/review-meetings/{id}", 200, One(&MeetingShape),
       Versioned(ReadMeetingPatch)},
      {"POST", "/api/v1/review-meetings/{id}/actions", 201, One(&ActionShape),
       Reads(ReadNewAction)},
      {"GET", "/api/v1/supervision-actions", 200, PageOf(&ActionShape), none},
      {"GET", "/api/v1/supervision-actions/{id}", 200, One(&ActionShape), none},
      {"PATCH", "/api/v1/supervision-actions/{id}", 200, One(&ActionShape),
       Versioned(ReadActionPatch)},
      {"POST", "/api/v1/supervision-actions/{id}/done", 200, One(&ActionShape),
       Reads(ReadActionStep)},
      {"POST", "/api/v1/supervision-actions/{id}/close", 200, One(&ActionShape),
       Reads(ReadActionStep)},
      {"POST", "/api/v1/supervision-actions/{id}/reopen", 200, One(&ActionShape),
       Reads(ReadActionStep)},
      {"GET", "/api/v1/supervision-report", 200, One(&SupervisionReportShape), none},
      // The file itself (?format=csv|xlsx|pdf).
      {"GET", "/api/v1/supervision-report/export", 200, none, none},
  };
}

std::vector<const ShapeBase*> SupervisionShapes() {
  return {&VisitShape(), &MeetingShape(), &ActionShape(), &SupervisionReportShape()};
}

}  // namespace mobilise::api::openapi_table
