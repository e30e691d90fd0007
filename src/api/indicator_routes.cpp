// /indicators (+ /{code}/values and /{code}/records), /record-kinds, /programme-settings and
// /targets.
#include <sstream>

#include "api/indicator_json.hpp"
#include "api/record_handlers.hpp"
#include "api/routes.hpp"
#include "domain/indicators/record_kinds.hpp"
#include "domain/languages.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {

std::vector<std::string> SplitList(const std::string& s, char sep = ',') {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string x; std::getline(in, x, sep);)
    if (!x.empty()) out.push_back(x);
  return out;
}

// What a value and its records are asked for: ?area=&period=[&include_unverified=true].
struct ValuesQuery {
  std::string area, period;
  bool include_unverified = false;
};

Result<ValuesQuery> ReadValuesQuery(const http::Request& r) {
  auto area = QueryText(r, "area");
  auto period = QueryText(r, "period");
  if (!area) return Fail(Error::Field("area", problem::Required()));
  if (!period) return Fail(Error::Field("period", problem::Required()));
  auto unverified = r.Query("include_unverified");
  if (unverified && *unverified != "true" && *unverified != "false")
    return Fail(Error::Field("include_unverified", problem::NotABoolean()));
  return ValuesQuery{*area, *period, unverified && *unverified == "true"};
}

std::string Lang(const http::Request& r) { return domain::ExportLanguage(r.Query("lang")); }

// ?group=dim:value,dim:value (the cell whose records are asked for).
Result<std::vector<std::pair<std::string, std::string>>> ReadGroup(const http::Request& request) {
  std::vector<std::pair<std::string, std::string>> group;
  for (const auto& g : SplitList(QueryText(request, "group").value_or(""))) {
    const auto colon = g.find(':');
    if (colon == std::string::npos) return Fail(Error::Field("group", problem::GroupForm()));
    group.emplace_back(g.substr(0, colon), g.substr(colon + 1));
  }
  return group;
}

json::object IndicatorsJson(const std::vector<domain::Indicator>& v) {
  return ItemsJson(v, IndicatorJson);
}

}  // namespace

// The handlers: request -> service call -> reply. Those that pass the record to one service
// method are named with record_handlers.hpp.
namespace {

http::Response ListRecordKinds(Services&, Call&) {
  return Json(200, ItemsJson(domain::RecordKinds(), RecordKindJson));
}

http::Response GetSettings(Services& s, Call&) {
  return Json(200, SettingsJson(s.indicators.Settings()));
}

http::Response SaveSettings(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadSettings);
  if (!in) return ErrorResponse(in.error());
  return Reply(s.indicators.SaveSettings(c.actor(), *in), 200, SettingsJson);
}

http::Response ListIndicators(Services& s, Call&) {
  return Json(200, IndicatorsJson(s.indicators.List()));
}

constexpr auto CreateIndicator =
    CreateFromBody<ReadCodeCreate<ReadIndicator>, &domain::IndicatorService::Create, IndicatorJson>;

http::Response GetIndicator(Services& s, Call& c) {
  return Reply(s.indicators.Get(c.param("code")), 200, IndicatorJson);
}

http::Response UpdateIndicator(Services& s, Call& c) {
  auto in = ReadVersioned(c.request, ReadIndicator);
  if (!in) return ErrorResponse(in.error());
  const auto& code = c.param("code");
  return Updated(
      s.indicators.Update(c.actor(), code, in->version, in->input),
      [&] { return s.indicators.Get(code); }, IndicatorJson);
}

http::Response DeleteIndicator(Services& s, Call& c) {
  return NoContent(s.indicators.Delete(c.actor(), c.param("code")));
}

http::Response IndicatorValues(Services& s, Call& c) {
  auto q = ReadValuesQuery(c.request);
  if (!q) return ErrorResponse(q.error());
  const auto by = SplitList(QueryText(c.request, "by").value_or(""));
  auto v = s.indicators.Values(c.actor(), c.param("code"), q->area, q->period, by,
                               q->include_unverified, Lang(c.request));
  if (!v) return ErrorResponse(v.error());
  return Json(200, ValuesJson(v->first, v->second));
}

http::Response IndicatorRecords(Services& s, Call& c) {
  auto q = ReadValuesQuery(c.request);
  if (!q) return ErrorResponse(q.error());
  auto page = ParsePage(c.request);
  if (!page) return ErrorResponse(page.error());
  auto group = ReadGroup(c.request);
  if (!group) return ErrorResponse(group.error());
  auto rows = s.indicators.Records(c.actor(), c.param("code"), q->area, q->period,
                                   QueryText(c.request, "column").value_or("period"), *group,
                                   q->include_unverified, *page);
  if (!rows) return ErrorResponse(rows.error());
  auto out = ItemsJson(*rows, IndicatorRecordJson);
  out["limit"] = page->limit;
  out["offset"] = page->offset;
  return Json(200, out);
}

http::Response ListTargets(Services& s, Call& c) {
  auto page = ParsePage(c.request);
  if (!page) return ErrorResponse(page.error());
  return ReplyPage(
      s.targets.List(c.actor(), QueryText(c.request, "area"), QueryText(c.request, "indicator"),
                     QueryText(c.request, "period"), *page),
      *page, TargetJson);
}

constexpr auto SaveTarget = CreateFromBody<ReadTarget, &domain::TargetService::Save, TargetJson>;
constexpr auto DeleteTarget = DeleteById<&domain::TargetService::Delete>;

}  // namespace

void AddIndicatorRoutes(RouteTable& t, Services& s) {
  static constexpr AuthedRoute<Services> kRoutes[] = {
      {"GET", "/api/v1/record-kinds", ListRecordKinds},
      {"GET", "/api/v1/programme-settings", GetSettings},
      {"PUT", "/api/v1/programme-settings", SaveSettings},
      {"GET", "/api/v1/indicators", ListIndicators},
      {"POST", "/api/v1/indicators", CreateIndicator, Create::kJson},
      {"GET", "/api/v1/indicators/{code}", GetIndicator},
      {"PATCH", "/api/v1/indicators/{code}", UpdateIndicator},
      {"DELETE", "/api/v1/indicators/{code}", DeleteIndicator},
      {"GET", "/api/v1/indicators/{code}/values", IndicatorValues},
      {"GET", "/api/v1/indicators/{code}/records", IndicatorRecords},
      {"GET", "/api/v1/targets", ListTargets},
      {"POST", "/api/v1/targets", SaveTarget, Create::kJson},
      {"DELETE", "/api/v1/targets/{id}", DeleteTarget},
  };
  t.Authed(s, kRoutes);
}

}  // namespace mobilise::api
