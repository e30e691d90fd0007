// /report-templates, /reports (+ submit, approve, return) and /reports/{id}/export.
#include "api/report_export.hpp"
#include "api/report_json.hpp"
#include "api/routes.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {

// The handlers below still say SummaryJson; ReportSummaryJson (api/report_json) is the writer.
constexpr auto* SummaryJson = &ReportSummaryJson;

std::string Lang(const http::Request& r) {
  auto l = r.Query("lang");
  return l && (*l == "ps" || *l == "uk" || *l == "mr") ? std::string(*l) : "en";
}

}  // namespace

void AddReportRoutes(RouteTable& t, Services& s) {
  t.Authed("GET", "/api/v1/report-templates", [&s](Call&) {
    json::array items;
    for (const auto& x : s.reports.Templates()) items.push_back(TemplateJson(x));
    return Json(200, json::object{{"items", std::move(items)}});
  });

  t.Authed("POST", "/api/v1/report-templates", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    auto in = ReadTemplate(r);
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    return Reply(s.reports.CreateTemplate(c.actor(), in), 201, TemplateJson);
  });

  t.Authed("PUT", "/api/v1/report-templates/{code}", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    auto in = ReadTemplate(r);
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    return Reply(s.reports.SaveTemplate(c.actor(), c.request.path_params["code"], in), 200,
                 TemplateJson);
  });

  t.Authed("DELETE", "/api/v1/report-templates/{code}", [&s](Call& c) {
    auto done = s.reports.DeleteTemplate(c.actor(), c.request.path_params["code"]);
    if (!done) return ErrorResponse(done.error());
    return NoContent();
  });

  t.Authed("GET", "/api/v1/reports", [&s](Call& c) {
    auto page = ParsePage(c.request);
    if (!page) return ErrorResponse(page.error());
    return Reply(
        s.reports.List(c.actor(), QueryText(c.request, "area"), QueryText(c.request, "template"),
                       QueryText(c.request, "status"), *page),
        200,
        [&](const domain::Page<domain::Report>& p) { return PageJson(p, *page, SummaryJson); });
  });

  t.Authed("POST", "/api/v1/reports", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    domain::ReportInput in;
    in.template_code = r.RequiredString("template_code");
    in.area_id = r.RequiredString("area_id");
    in.period = r.RequiredString("period");
    in.include_unverified = r.OptionalBool("include_unverified").value_or(false);
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    return Reply(s.reports.Create(c.actor(), in, Lang(c.request)), 201, ReportJson);
  });

  t.Authed("GET", "/api/v1/reports/{id}", [&s](Call& c) {
    return Reply(s.reports.Get(c.actor(), c.request.path_params["id"], Lang(c.request)), 200,
                 ReportJson);
  });

  t.Authed("PATCH", "/api/v1/reports/{id}", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    const auto version = r.RequiredInt("version");
    domain::ReportPatch p;
    p.achievements = r.ClearableString("achievements");
    p.challenges = r.ClearableString("challenges");
    p.lessons = r.ClearableString("lessons");
    p.recommendations = r.ClearableString("recommendations");
    p.next_plan = r.ClearableString("next_plan");
    p.include_unverified = r.OptionalBool("include_unverified");
    p.stories =
        ReadObjects<domain::Story>(r, "stories", r.OptionalArray("stories"), [](ObjectReader& i) {
          domain::Story x;
          x.title = i.RequiredString("title");
          x.body = i.RequiredString("body");
          x.file_ids = i.OptionalStrings("file_ids").value_or(std::vector<std::string>{});
          return x;
        });
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    return Reply(
        s.reports.Update(c.actor(), c.request.path_params["id"], version, p, Lang(c.request)), 200,
        ReportJson);
  });

  for (const char* action : {"submit", "approve", "return"}) {
    t.Authed("POST", std::string("/api/v1/reports/{id}/") + action,
             [&s, action = std::string(action)](Call& c) {
               auto body = ParseObject(c.request);
               if (!body) return ErrorResponse(body.error());
               ObjectReader r(*body);
               const auto version = r.RequiredInt("version");
               std::optional<std::string> comment;
               if (action == "return") comment = r.RequiredString("comment");
               if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
               const auto& id = c.request.path_params["id"];
               const auto lang = Lang(c.request);
               if (action == "submit")
                 return Reply(s.reports.Submit(c.actor(), id, version, lang), 200, ReportJson);
               if (action == "approve")
                 return Reply(s.reports.Approve(c.actor(), id, version, lang), 200, ReportJson);
               return Reply(s.reports.Return(c.actor(), id, version, *comment, lang), 200,
                            ReportJson);
             });
  }

  t.Authed("GET", "/api/v1/dhis2-mapping",
           [&s](Call&) { return Json(200, Dhis2Json(s.reports.Dhis2())); });

  t.Authed("PUT", "/api/v1/dhis2-mapping", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    domain::ReportService::Dhis2Config in;
    auto units = ReadObjects<std::pair<std::string, std::string>>(
        r, "org_units", r.RequiredArray("org_units"), [](ObjectReader& i) {
          auto area = i.RequiredString("area_id");
          return std::make_pair(area, i.RequiredString("org_unit"));
        });
    auto mappings = ReadObjects<domain::Dhis2Mapping>(
        r, "mappings", r.RequiredArray("mappings"), [](ObjectReader& i) {
          domain::Dhis2Mapping m;
          m.indicator_code = i.RequiredString("indicator_code");
          m.disaggregation = i.OptionalString("disaggregation").value_or("");
          m.data_element = i.RequiredString("data_element");
          m.category_option_combo = i.OptionalString("category_option_combo").value_or("");
          return m;
        });
    auto categories = ReadObjects<domain::Dhis2Category>(
        r, "categories", r.OptionalArray("categories"), [](ObjectReader& i) {
          domain::Dhis2Category k;
          k.dim = i.RequiredString("dim");
          k.value = i.RequiredString("value");
          k.category = i.RequiredString("category");
          k.option_code = i.RequiredString("option_code");
          return k;
        });
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    in.org_units = units.value_or(decltype(in.org_units){});
    in.mappings = mappings.value_or(decltype(in.mappings){});
    in.categories = categories.value_or(decltype(in.categories){});
    return Reply(s.reports.SaveDhis2(c.actor(), in), 200, Dhis2Json);
  });

  t.Authed("GET", "/api/v1/reports/{id}/export", [&s](Call& c) {
    auto content = s.reports.Get(c.actor(), c.request.path_params["id"], Lang(c.request));
    if (!content) return ErrorResponse(content.error());
    return ExportReport(s, c.actor(), *content, QueryText(c.request, "format").value_or("csv"));
  });
}

}  // namespace mobilise::api
