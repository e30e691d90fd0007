// /areas/{id}/profile (a community profile as of a date, a new version, the PDF sheet) and
// /risks (the risk register, its alerts for supervisors).
#include "api/profile_json.hpp"
#include "api/record_handlers.hpp"
#include "api/report_export.hpp"
#include "api/routes.hpp"
#include "domain/languages.hpp"
#include "reports/profile_sheet.hpp"
#include "reports/profile_words.hpp"

namespace mobilise::api {

namespace {

using R = domain::RiskService;

std::string SheetLang(const http::Request& r) { return domain::ExportLanguage(r.Query("lang")); }

// ---- profiles ----

http::Response GetProfile(Services& s, Call& c) {
  auto as_of = QueryDates(c.request, {"as_of"});
  if (!as_of) return ErrorResponse(as_of.error());
  return Reply(s.profiles.Get(c.actor(), c.param("id"), as_of->front()), 200, ProfileViewJson);
}

http::Response SaveProfile(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadProfile);
  if (!in) return ErrorResponse(in.error());
  return Reply(s.profiles.Save(c.actor(), c.param("id"), *in), 201, ProfileViewJson);
}

http::Response ExportProfile(Services& s, Call& c) {
  auto as_of = QueryDates(c.request, {"as_of"});
  if (!as_of) return ErrorResponse(as_of.error());
  auto view = s.profiles.Get(c.actor(), c.param("id"), as_of->front());
  if (!view) return ErrorResponse(view.error());
  const auto lang = SheetLang(c.request);
  std::map<std::string, std::string> types;
  for (const auto& o : s.registry_config.Get().facility_types) {
    const char* shipped = lang == "en" ? nullptr : reports::BuiltInFacilityType(o.code, lang);
    types[o.code] = lang != "en" && o.name_local ? *o.name_local : shipped ? shipped : o.name;
  }
  reports::Exportable what;
  what.name = "profile-" + view->area_name + "-" + view->as_of;
  what.formats = {reports::ExportFormat::kPdf, reports::ExportFormat::kXlsx,
                  reports::ExportFormat::kCsv};
  what.document = [&](const reports::PhotoPaths&) {
    return reports::ProfileSheet(*view, lang, types, s.clock.Timestamp());
  };
  return ExportResponse(reports::Export(what, QueryText(c.request, "format").value_or("pdf")));
}

// ---- risks ----

Result<domain::RiskFilter> ReadRiskFilter(const http::Request& request) {
  auto f = ReadListFilter<domain::RiskFilter>(
      request, {std::pair{"area", &domain::RiskFilter::area_id},
                std::pair{"category", &domain::RiskFilter::category}});
  if (!f) return f;
  auto overdue = ParseBool(QueryText(request, "overdue"), "overdue");
  if (!overdue) return Fail(overdue.error());
  f->overdue = overdue->value_or(false);
  return f;
}

constexpr auto ListRisks = ListByFilter<ReadRiskFilter, &R::List, RiskJson>;
constexpr auto CreateRisk = CreateFromBody<ReadNewRisk, &R::Create, RiskDetailJson>;
constexpr auto GetRisk = GetById<&R::Get, RiskDetailJson>;
constexpr auto UpdateRisk = PatchById<ReadRiskPatch, &R::Update, &R::Get, RiskDetailJson>;

http::Response RiskAlerts(Services& s, Call& c) {
  return Json(200, RiskAlertsJson(s.risks.Alerts(c.actor())));
}

}  // namespace

void AddProfileRoutes(RouteTable& t, Services& s) {
  static constexpr AuthedRoute<Services> kRoutes[] = {
      {"GET", "/api/v1/areas/{id}/profile", GetProfile},
      {"POST", "/api/v1/areas/{id}/profile", SaveProfile, Create::kJson},
      {"GET", "/api/v1/areas/{id}/profile/export", ExportProfile},
      {"GET", "/api/v1/risks", ListRisks},
      {"POST", "/api/v1/risks", CreateRisk, Create::kJson, GetRisk},
      {"GET", "/api/v1/risks/alerts", RiskAlerts},
      {"GET", "/api/v1/risks/{id}", GetRisk},
      {"PATCH", "/api/v1/risks/{id}", UpdateRisk},
  };
  t.Authed(s, kRoutes);
}

}  // namespace mobilise::api
