// /report-templates, /reports (+ submit, approve, return) and /reports/{id}/export.
#include "api/report_export.hpp"
#include "api/report_json.hpp"
#include "api/routes.hpp"
#include "domain/languages.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {

std::string Lang(const http::Request& r) { return domain::ExportLanguage(r.Query("lang")); }

// The body of submit, approve and return (only return takes a comment, and requires it).
std::optional<std::string> ReadComment(ObjectReader& r, const std::string& action) {
  if (action == "return") return r.RequiredString("comment");
  return std::nullopt;
}

json::object TemplatesJson(const std::vector<domain::ReportTemplate>& v) {
  return ItemsJson(v, TemplateJson);
}

}  // namespace

// The handlers: request -> service call -> reply.
namespace {

http::Response ListTemplates(Services& s, Call&) {
  return Json(200, TemplatesJson(s.reports.Templates()));
}

http::Response CreateTemplate(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadCodeCreate<ReadTemplate>);
  if (!in) return ErrorResponse(in.error());
  return Reply(s.reports.CreateTemplate(c.actor(), *in), 201, TemplateJson);
}

http::Response SaveTemplate(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadTemplate);
  if (!in) return ErrorResponse(in.error());
  return Reply(s.reports.SaveTemplate(c.actor(), c.param("code"), *in), 200, TemplateJson);
}

http::Response DeleteTemplate(Services& s, Call& c) {
  return NoContent(s.reports.DeleteTemplate(c.actor(), c.param("code")));
}

http::Response ListReports(Services& s, Call& c) {
  auto page = ParsePage(c.request);
  if (!page) return ErrorResponse(page.error());
  return ReplyPage(
      s.reports.List(c.actor(), QueryText(c.request, "area"), QueryText(c.request, "template"),
                     QueryText(c.request, "status"), *page),
      *page, ReportSummaryJson);
}

http::Response CreateReport(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadNewReport);
  if (!in) return ErrorResponse(in.error());
  return Reply(s.reports.Create(c.actor(), *in, Lang(c.request)), 201, ReportJson);
}

http::Response GetReport(Services& s, Call& c) {
  return Reply(s.reports.Get(c.actor(), c.param("id"), Lang(c.request)), 200, ReportJson);
}

http::Response UpdateReport(Services& s, Call& c) {
  auto in = ReadVersioned(c.request, ReadReportPatch);
  if (!in) return ErrorResponse(in.error());
  const auto& id = c.param("id");
  const auto lang = Lang(c.request);
  return Updated(
      s.reports.Update(c.actor(), id, in->version, in->input, lang),
      [&] { return s.reports.Get(c.actor(), id, lang); }, ReportJson);
}

http::Response Transition(Services& s, Call& c, const std::string& action) {
  auto in = ReadVersioned(c.request, [&](ObjectReader& r) { return ReadComment(r, action); });
  if (!in) return ErrorResponse(in.error());
  const auto& id = c.param("id");
  const auto lang = Lang(c.request);
  if (action == "submit")
    return Reply(s.reports.Submit(c.actor(), id, in->version, lang), 200, ReportJson);
  if (action == "approve")
    return Reply(s.reports.Approve(c.actor(), id, in->version, lang), 200, ReportJson);
  return Reply(s.reports.Return(c.actor(), id, in->version, *in->input, lang), 200, ReportJson);
}

http::Response Submit(Services& s, Call& c) { return Transition(s, c, "submit"); }
http::Response Approve(Services& s, Call& c) { return Transition(s, c, "approve"); }
http::Response Return(Services& s, Call& c) { return Transition(s, c, "return"); }

http::Response GetDhis2(Services& s, Call&) { return Json(200, Dhis2Json(s.reports.Dhis2())); }

http::Response SaveDhis2(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadDhis2);
  if (!in) return ErrorResponse(in.error());
  return Reply(s.reports.SaveDhis2(c.actor(), *in), 200, Dhis2Json);
}

http::Response Export(Services& s, Call& c) {
  auto content = s.reports.Get(c.actor(), c.param("id"), Lang(c.request));
  if (!content) return ErrorResponse(content.error());
  return ExportReport(s, c.actor(), *content, QueryText(c.request, "format").value_or("csv"));
}

}  // namespace

void AddReportRoutes(RouteTable& t, Services& s) {
  static constexpr AuthedRoute<Services> kRoutes[] = {
      {"GET", "/api/v1/report-templates", ListTemplates},
      {"POST", "/api/v1/report-templates", CreateTemplate, Create::kJson},
      {"PUT", "/api/v1/report-templates/{code}", SaveTemplate},
      {"DELETE", "/api/v1/report-templates/{code}", DeleteTemplate},
      {"GET", "/api/v1/reports", ListReports},
      {"POST", "/api/v1/reports", CreateReport, Create::kJson, GetReport},
      {"GET", "/api/v1/reports/{id}", GetReport},
      {"PATCH", "/api/v1/reports/{id}", UpdateReport},
      {"POST", "/api/v1/reports/{id}/submit", Submit},
      {"POST", "/api/v1/reports/{id}/approve", Approve},
      {"POST", "/api/v1/reports/{id}/return", Return},
      {"GET", "/api/v1/dhis2-mapping", GetDhis2},
      {"PUT", "/api/v1/dhis2-mapping", SaveDhis2},
      {"GET", "/api/v1/reports/{id}/export", Export},
  };
  t.Authed(s, kRoutes);
}

}  // namespace mobilise::api
