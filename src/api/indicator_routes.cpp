// /indicators (+ /{code}/values and /{code}/records), /record-kinds, /programme-settings and
// /targets.
#include <sstream>

#include "api/indicator_json.hpp"
#include "api/routes.hpp"
#include "domain/indicators/record_kinds.hpp"

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
  if (!area) return Fail(Error::Field("area", "is required"));
  if (!period) return Fail(Error::Field("period", "is required"));
  auto unverified = r.Query("include_unverified");
  if (unverified && *unverified != "true" && *unverified != "false")
    return Fail(Error::Field("include_unverified", "must be true or false"));
  return ValuesQuery{*area, *period, unverified && *unverified == "true"};
}

std::string Lang(const http::Request& r) {
  auto l = r.Query("lang");
  return l && (*l == "ps" || *l == "uk" || *l == "mr") ? std::string(*l) : "en";
}

}  // namespace

void AddIndicatorRoutes(RouteTable& t, Services& s) {
  t.Authed("GET", "/api/v1/record-kinds", [](Call&) {
    json::array items;
    for (const auto& k : domain::RecordKinds()) {
      json::array filters;
      for (const auto& f : k.filters)
        filters.push_back(json::object{{"name", f.name}, {"boolean", f.boolean}});
      auto dims = StringArray(k.dims);
      dims.push_back(json::value(domain::kChildAreaDim));
      dims.push_back(json::value(domain::kMonthDim));
      items.push_back(json::object{{"code", k.code},
                                   {"stock", k.stock},
                                   {"measures", StringArray(k.measures)},
                                   {"sum_fields", StringArray(k.sum_fields)},
                                   {"average_fields", StringArray(k.average_fields)},
                                   {"filters", std::move(filters)},
                                   {"dims", std::move(dims)}});
    }
    return Json(200, json::object{{"items", std::move(items)}});
  });

  t.Authed("GET", "/api/v1/programme-settings",
           [&s](Call&) { return Json(200, SettingsJson(s.indicators.Settings())); });

  t.Authed("PUT", "/api/v1/programme-settings", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    domain::SettingsInput in;
    if (auto m = r.OptionalInt("fiscal_year_start_month"))
      in.fiscal_year_start_month = static_cast<int>(*m);
    in.fiscal_year_label = r.OptionalString("fiscal_year_label");
    in.project_start = r.OptionalString("project_start");
    in.light_green = r.OptionalNumber("light_green");
    in.light_amber = r.OptionalNumber("light_amber");
    in.dhis2_data_set = r.OptionalString("dhis2_data_set");
    in.dhis2_attribute_option_combo = r.OptionalString("dhis2_attribute_option_combo");
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    return Reply(s.indicators.SaveSettings(c.actor(), in), 200, SettingsJson);
  });

  t.Authed("GET", "/api/v1/indicators", [&s](Call&) {
    json::array items;
    for (const auto& d : s.indicators.List()) items.push_back(IndicatorJson(d));
    return Json(200, json::object{{"items", std::move(items)}});
  });

  t.Authed("POST", "/api/v1/indicators", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    auto in = ReadIndicator(r);
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    return Reply(s.indicators.Create(c.actor(), in), 201, IndicatorJson);
  });

  t.Authed("GET", "/api/v1/indicators/{code}", [&s](Call& c) {
    return Reply(s.indicators.Get(c.request.path_params["code"]), 200, IndicatorJson);
  });

  t.Authed("PATCH", "/api/v1/indicators/{code}", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    const auto version = r.RequiredInt("version");
    auto in = ReadIndicator(r);
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    return Reply(s.indicators.Update(c.actor(), c.request.path_params["code"], version, in), 200,
                 IndicatorJson);
  });

  t.Authed("DELETE", "/api/v1/indicators/{code}", [&s](Call& c) {
    auto done = s.indicators.Delete(c.actor(), c.request.path_params["code"]);
    if (!done) return ErrorResponse(done.error());
    return NoContent();
  });

  t.Authed("GET", "/api/v1/indicators/{code}/values", [&s](Call& c) {
    auto q = ReadValuesQuery(c.request);
    if (!q) return ErrorResponse(q.error());
    const auto by = SplitList(QueryText(c.request, "by").value_or(""));
    auto v = s.indicators.Values(c.actor(), c.request.path_params["code"], q->area, q->period, by,
                                 q->include_unverified, Lang(c.request));
    if (!v) return ErrorResponse(v.error());
    return Json(200, ValuesJson(v->first, v->second));
  });

  t.Authed("GET", "/api/v1/indicators/{code}/records", [&s](Call& c) {
    auto q = ReadValuesQuery(c.request);
    if (!q) return ErrorResponse(q.error());
    auto page = ParsePage(c.request);
    if (!page) return ErrorResponse(page.error());
    std::vector<std::pair<std::string, std::string>> group;
    for (const auto& g : SplitList(QueryText(c.request, "group").value_or(""))) {
      const auto colon = g.find(':');
      if (colon == std::string::npos)
        return ErrorResponse(Error::Field("group", "dimension:value pairs separated by commas"));
      group.emplace_back(g.substr(0, colon), g.substr(colon + 1));
    }
    auto rows = s.indicators.Records(c.actor(), c.request.path_params["code"], q->area, q->period,
                                     QueryText(c.request, "column").value_or("period"), group,
                                     q->include_unverified, *page);
    if (!rows) return ErrorResponse(rows.error());
    json::array items;
    for (const auto& x : *rows)
      items.push_back(json::object{{"record", x.record},
                                   {"id", x.id},
                                   {"label", x.label},
                                   {"date", x.date},
                                   {"area_path", x.area_path}});
    return Json(200,
                json::object{
                    {"items", std::move(items)}, {"limit", page->limit}, {"offset", page->offset}});
  });

  t.Authed("GET", "/api/v1/targets", [&s](Call& c) {
    auto page = ParsePage(c.request);
    if (!page) return ErrorResponse(page.error());
    return Reply(
        s.targets.List(c.actor(), QueryText(c.request, "area"), QueryText(c.request, "indicator"),
                       QueryText(c.request, "period"), *page),
        200, [&](const domain::Page<domain::Target>& p) { return PageJson(p, *page, TargetJson); });
  });

  t.Authed("POST", "/api/v1/targets", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    domain::TargetInput in;
    in.indicator_code = r.RequiredString("indicator_code");
    in.area_id = r.RequiredString("area_id");
    in.period = r.RequiredString("period");
    in.disaggregation = r.OptionalString("disaggregation").value_or("");
    in.value = r.OptionalNumber("value").value_or(-1);
    if (!r.OptionalNumber("value")) r.Invalid("value", "is required");
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    return Reply(s.targets.Save(c.actor(), in), 201, TargetJson);
  });

  t.Authed("DELETE", "/api/v1/targets/{id}", [&s](Call& c) {
    auto done = s.targets.Delete(c.actor(), c.request.path_params["id"]);
    if (!done) return ErrorResponse(done.error());
    return NoContent();
  });
}

}  // namespace mobilise::api
