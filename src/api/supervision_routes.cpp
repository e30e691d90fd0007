// /supervision-visits and /review-meetings (with their actions), /supervision-actions (follow-up:
// done, close, reopen) and /supervision-report.
#include "api/record_handlers.hpp"
#include "api/report_export.hpp"
#include "api/routes.hpp"
#include "api/supervision_json.hpp"
#include "domain/supervision/supervision_service.hpp"
#include "reports/supervision_document.hpp"

namespace mobilise::api {

namespace {

using S = domain::SupervisionService;

Result<std::optional<bool>> QueryFlag(const http::Request& request, const char* key) {
  return ParseBool(QueryText(request, key), key);
}

Result<domain::VisitQuery> ReadVisitQuery(const http::Request& request) {
  using F = domain::VisitQuery;
  static constexpr QueryTextField<F> kTexts[] = {{"area", &F::area_id}};
  static constexpr QueryTextField<F> kDates[] = {{"from", &F::from}, {"to", &F::to}};
  return ReadListFilter<F>(request, kTexts, kDates);
}

Result<domain::ActionQuery> ReadActionQuery(const http::Request& request) {
  using F = domain::ActionQuery;
  static constexpr QueryTextField<F> kTexts[] = {{"area", &F::area_id},
                                                 {"visit", &F::visit_id},
                                                 {"meeting", &F::meeting_id},
                                                 {"status", &F::status}};
  auto f = ReadListFilter<F>(request, kTexts);
  if (!f) return f;
  for (auto [key, member] : {std::pair{"mine", &F::mine}, std::pair{"overdue", &F::overdue}}) {
    auto flag = QueryFlag(request, key);
    if (!flag) return Fail(flag.error());
    (*f).*member = flag->value_or(false);
  }
  return f;
}

Result<domain::SupervisionReportQuery> ReadReportQuery(const http::Request& request) {
  using F = domain::SupervisionReportQuery;
  auto dates = QueryDates(request, {"from", "to"});
  if (!dates) return Fail(dates.error());
  return F{QueryText(request, "area"), (*dates)[0], (*dates)[1]};
}

http::Response Report(Services& s, Call& c) {
  auto q = ReadReportQuery(c.request);
  if (!q) return ErrorResponse(q.error());
  return Reply(s.supervision.Report(c.actor(), *q), 200, SupervisionReportJson);
}

// The report as a file: ?format=csv|xlsx|pdf.
http::Response ExportSupervisionReport(Services& s, Call& c) {
  auto q = ReadReportQuery(c.request);
  if (!q) return ErrorResponse(q.error());
  auto report = s.supervision.Report(c.actor(), *q);
  if (!report) return ErrorResponse(report.error());
  return ExportResponse(reports::Export(reports::SupervisionExport(*report),
                                        QueryText(c.request, "format").value_or("xlsx")));
}

constexpr auto ListVisits = ListByFilter<ReadVisitQuery, &S::Visits, VisitJson>;
constexpr auto CreateVisit = CreateFromBody<ReadNewVisit, &S::CreateVisit, VisitJson>;
constexpr auto GetVisit = GetById<&S::GetVisit, VisitJson>;
constexpr auto UpdateVisit = PatchById<ReadVisitPatch, &S::UpdateVisit, &S::GetVisit, VisitJson>;
constexpr auto ListActions = ListByFilter<ReadActionQuery, &S::Actions, ActionJson>;
constexpr auto GetAction = GetById<&S::GetAction, ActionJson>;
constexpr auto UpdateAction =
    PatchById<ReadActionPatch, &S::UpdateAction, &S::GetAction, ActionJson>;

constexpr auto ListMeetings = ListByFilter<ReadVisitQuery, &S::Meetings, MeetingJson>;
constexpr auto CreateMeeting = CreateFromBody<ReadNewMeeting, &S::CreateMeeting, MeetingJson>;
constexpr auto GetMeeting = GetById<&S::GetMeeting, MeetingJson>;
constexpr auto UpdateMeeting =
    PatchById<ReadMeetingPatch, &S::UpdateMeeting, &S::GetMeeting, MeetingJson>;

// POST /supervision-visits/{id}/actions or /review-meetings/{id}/actions.
template <auto Add>
http::Response AddActionTo(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadNewAction);
  if (!in) return ErrorResponse(in.error());
  return Reply((s.supervision.*Add)(c.actor(), c.param("id"), *in), 201, ActionJson);
}
constexpr auto AddAction = AddActionTo<&S::AddAction>;
constexpr auto AddMeetingAction = AddActionTo<&S::AddMeetingAction>;

// POST /supervision-actions/{id}/{step}: done, close or reopen.
http::Response StepAction(Services& s, Call& c, const std::string& step) {
  auto in = ReadBody(c.request, ReadActionStep);
  if (!in) return ErrorResponse(in.error());
  const auto& id = c.param("id");
  return Updated(
      s.supervision.StepAction(c.actor(), id, step, in->version, in->note),
      [&] { return s.supervision.GetAction(c.actor(), id); }, ActionJson);
}

http::Response MarkDone(Services& s, Call& c) { return StepAction(s, c, "done"); }
http::Response Close(Services& s, Call& c) { return StepAction(s, c, "close"); }
http::Response Reopen(Services& s, Call& c) { return StepAction(s, c, "reopen"); }

}  // namespace

void AddSupervisionRoutes(RouteTable& t, Services& s) {
  static constexpr AuthedRoute<Services> kRoutes[] = {
      {"GET", "/api/v1/supervision-visits", ListVisits},
      {"POST", "/api/v1/supervision-visits", CreateVisit, Create::kJson, GetVisit},
      {"GET", "/api/v1/supervision-visits/{id}", GetVisit},
      {"PATCH", "/api/v1/supervision-visits/{id}", UpdateVisit},
      {"POST", "/api/v1/supervision-visits/{id}/actions", AddAction, Create::kJson},
      {"GET", "/api/v1/review-meetings", ListMeetings},
      {"POST", "/api/v1/review-meetings", CreateMeeting, Create::kJson, GetMeeting},
      {"GET", "/api/v1/review-meetings/{id}", GetMeeting},
      {"PATCH", "/api/v1/review-meetings/{id}", UpdateMeeting},
      {"POST", "/api/v1/review-meetings/{id}/actions", AddMeetingAction, Create::kJson},
      {"GET", "/api/v1/supervision-actions", ListActions},
      {"GET", "/api/v1/supervision-actions/{id}", GetAction},
      {"PATCH", "/api/v1/supervision-actions/{id}", UpdateAction},
      {"POST", "/api/v1/supervision-actions/{id}/done", MarkDone},
      {"POST", "/api/v1/supervision-actions/{id}/close", Close},
      {"POST", "/api/v1/supervision-actions/{id}/reopen", Reopen},
      {"GET", "/api/v1/supervision-report", Report},
      {"GET", "/api/v1/supervision-report/export", ExportSupervisionReport},
  };
  t.Authed(s, kRoutes);
}

}  // namespace mobilise::api
