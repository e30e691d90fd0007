// /report-templates, /reports (+ submit, approve, return) and /reports/{id}/export.
#include "api/report_export.hpp"
#include "api/routes.hpp"

namespace mobilise::api {

namespace json = boost::json;

json::object ValuesJson(const domain::ValueContext& c, const domain::IndicatorValues& v);

namespace {

json::object TemplateJson(const domain::ReportTemplate& t) {
  json::array items;
  for (const auto& i : t.items)
    items.push_back(json::object{{"position", i.position},
                                 {"section", i.section},
                                 {"indicator_code", i.indicator_code},
                                 {"by", StringArray(i.by)}});
  json::array sections;
  for (const auto& s : t.sections)
    sections.push_back(json::object{{"title", s.section}, {"names", StringMap(s.names)}});
  return {{"code", t.code},
          {"name", t.name},
          {"names", StringMap(t.names)},
          {"period_kind", t.period_kind},
          {"builtin", t.builtin},
          {"items", std::move(items)},
          {"sections", std::move(sections)}};
}

// The body of POST and PUT /report-templates: `items` required in both.
domain::ReportTemplateInput ReadTemplate(ObjectReader& r) {
  domain::ReportTemplateInput in;
  in.code = r.OptionalString("code").value_or("");
  in.name = r.OptionalString("name");
  in.period_kind = r.OptionalString("period_kind");
  in.items = ReadObjects<domain::ReportTemplateItem>(
      r, "items", r.RequiredArray("items"), [](ObjectReader& i) {
        domain::ReportTemplateItem x;
        x.section = i.RequiredString("section");
        x.indicator_code = i.RequiredString("indicator_code");
        x.by = i.OptionalStrings("by").value_or(std::vector<std::string>{});
        return x;
      });
  in.names = r.OptionalStringMap("names");
  in.sections = ReadObjects<domain::SectionNames>(
      r, "sections", r.OptionalArray("sections"), [](ObjectReader& i) {
        domain::SectionNames x;
        x.section = i.RequiredString("title");
        x.names = i.OptionalStringMap("names").value_or(domain::Translations{});
        return x;
      });
  return in;
}

json::object SummaryJson(const domain::Report& r) {
  return {{"id", r.id},
          {"template_code", r.template_code},
          {"area_id", r.area_id},
          {"area_name", r.area_name},
          {"period", r.period},
          {"period_start", r.period_start},
          {"period_end", r.period_end},
          {"status", r.status},
          {"version", r.version},
          {"updated_at", r.updated_at}};
}

// A row's figures as approved, with the % achieved and traffic light they give.
json::value ApprovedJson(const domain::StoredValue* a, bool stock,
                         const domain::ProgrammeSettings& settings) {
  if (!a) return nullptr;
  domain::ValueRow row;
  row.period = a->period;
  row.cumulative = a->cumulative;
  row.previous = a->previous;
  row.target = a->target;
  domain::SetAchieved(row, stock, settings);
  return json::object{
      {"period", Nullable(row.period)},     {"cumulative", Nullable(row.cumulative)},
      {"previous", Nullable(row.previous)}, {"target", Nullable(row.target)},
      {"achieved", Nullable(row.achieved)}, {"light", row.light}};
}

// A row of an approved report whose figure differs now, or that has appeared since.
bool Changed(const domain::ReportContent& c, const domain::StoredValue* approved,
             const domain::ValueRow& live, bool stock) {
  return c.report.status == "approved" && domain::ApprovedDiffers(approved, live, stock);
}

json::object ReportJson(const domain::ReportContent& c) {
  const auto& r = c.report;
  json::object o = SummaryJson(r);
  o["template_name"] = domain::TemplateName(c.report_template, c.context.lang);
  o["include_unverified"] = r.include_unverified;
  o["achievements"] = Nullable(r.achievements);
  o["challenges"] = Nullable(r.challenges);
  o["lessons"] = Nullable(r.lessons);
  o["recommendations"] = Nullable(r.recommendations);
  o["next_plan"] = Nullable(r.next_plan);
  o["return_comment"] = Nullable(r.return_comment);
  o["created_by"] = Nullable(r.created_by);
  o["submitted_by"] = Nullable(r.submitted_by);
  o["approved_by"] = Nullable(r.approved_by);
  o["submitted_at"] = Nullable(r.submitted_at);
  o["approved_at"] = Nullable(r.approved_at);
  json::array stories;
  for (const auto& s : r.stories)
    stories.push_back(
        json::object{{"title", s.title}, {"body", s.body}, {"file_ids", StringArray(s.file_ids)}});
  o["stories"] = std::move(stories);
  json::array events;
  for (const auto& e : c.events)
    events.push_back(json::object{{"at", e.at},
                                  {"action", e.action},
                                  {"by_name", Nullable(e.by_name)},
                                  {"note", Nullable(e.note)}});
  o["events"] = std::move(events);
  json::array sections;
  for (const auto& s : c.sections) {
    json::array indicators;
    for (const auto& item : s.items) {
      json::object v = ValuesJson(c.context, item.values);
      json::object out{{"code", item.values.indicator.code},
                       {"name", domain::IndicatorName(item.values.indicator, c.context.lang)},
                       {"unit", item.values.unit},
                       {"stock", item.values.stock},
                       {"by", v["by"]},
                       {"rows", v["rows"]}};
      const auto& code = item.values.indicator.code;
      const bool stock = item.values.stock;
      json::object total = v["total"].as_object();
      const auto* approved = domain::ApprovedRow(c, code, {}, {});
      total["approved"] = ApprovedJson(approved, stock, c.context.settings);
      total["changed"] = Changed(c, approved, item.values.total, stock);
      out["total"] = std::move(total);
      auto& rows = out["rows"].as_array();
      for (std::size_t r = 0; r < rows.size() && r < item.values.rows.size(); ++r) {
        const auto* a = domain::ApprovedRow(c, code, item.values.by, item.values.rows[r].keys);
        rows[r].as_object()["approved"] = ApprovedJson(a, stock, c.context.settings);
        rows[r].as_object()["changed"] = Changed(c, a, item.values.rows[r], stock);
      }
      json::array children;
      for (const auto& row : item.children.rows) {
        const auto* a = domain::ApprovedRow(c, code, {"child_area"}, row.keys);
        children.push_back(
            json::object{{"area_id", row.keys.empty() ? "" : row.keys[0]},
                         {"name", row.labels.empty() ? "" : row.labels[0]},
                         {"period", Nullable(row.period)},
                         {"cumulative", Nullable(row.cumulative)},
                         {"target", Nullable(row.target)},
                         {"achieved", Nullable(row.achieved)},
                         {"light", row.light},
                         {"approved", ApprovedJson(a, item.children.stock, c.context.settings)},
                         {"changed", Changed(c, a, row, item.children.stock)}});
      }
      out["children"] = std::move(children);
      indicators.push_back(std::move(out));
    }
    sections.push_back(json::object{{"title", s.title}, {"indicators", std::move(indicators)}});
  }
  o["sections"] = std::move(sections);
  return o;
}

json::object Dhis2Json(const domain::ReportService::Dhis2Config& c) {
  json::array units, mappings, categories;
  for (const auto& [area, unit] : c.org_units)
    units.push_back(json::object{{"area_id", area}, {"org_unit", unit}});
  for (const auto& m : c.mappings)
    mappings.push_back(json::object{{"indicator_code", m.indicator_code},
                                    {"disaggregation", m.disaggregation},
                                    {"data_element", m.data_element},
                                    {"category_option_combo", m.category_option_combo}});
  for (const auto& k : c.categories)
    categories.push_back(json::object{{"dim", k.dim},
                                      {"value", k.value},
                                      {"category", k.category},
                                      {"option_code", k.option_code}});
  return {{"org_units", std::move(units)},
          {"mappings", std::move(mappings)},
          {"categories", std::move(categories)}};
}

std::string Lang(const http::Request& r) {
  auto l = r.Query("lang");
  return l && (*l == "ps" || *l == "uk" || *l == "mr") ? std::string(*l) : "en";
}

}  // namespace

// Readers that the handlers used to hold inline.
namespace {

domain::ReportInput ReadReport(ObjectReader& r) {
  domain::ReportInput in;
  in.template_code = r.RequiredString("template_code");
  in.area_id = r.RequiredString("area_id");
  in.period = r.RequiredString("period");
  in.include_unverified = r.OptionalBool("include_unverified").value_or(false);
  return in;
}

domain::Story ReadStory(ObjectReader& i) {
  domain::Story x;
  x.title = i.RequiredString("title");
  x.body = i.RequiredString("body");
  x.file_ids = i.OptionalStrings("file_ids").value_or(std::vector<std::string>{});
  return x;
}

domain::ReportPatch ReadReportPatch(ObjectReader& r) {
  domain::ReportPatch p;
  p.achievements = r.ClearableString("achievements");
  p.challenges = r.ClearableString("challenges");
  p.lessons = r.ClearableString("lessons");
  p.recommendations = r.ClearableString("recommendations");
  p.next_plan = r.ClearableString("next_plan");
  p.include_unverified = r.OptionalBool("include_unverified");
  p.stories = ReadObjects<domain::Story>(r, "stories", r.OptionalArray("stories"), ReadStory);
  return p;
}

// The body of submit, approve and return (only return takes a comment, and requires it).
std::optional<std::string> ReadComment(ObjectReader& r, const std::string& action) {
  if (action == "return") return r.RequiredString("comment");
  return std::nullopt;
}

domain::Dhis2Mapping ReadDhis2Mapping(ObjectReader& i) {
  domain::Dhis2Mapping m;
  m.indicator_code = i.RequiredString("indicator_code");
  m.disaggregation = i.OptionalString("disaggregation").value_or("");
  m.data_element = i.RequiredString("data_element");
  m.category_option_combo = i.OptionalString("category_option_combo").value_or("");
  return m;
}

domain::Dhis2Category ReadDhis2Category(ObjectReader& i) {
  domain::Dhis2Category k;
  k.dim = i.RequiredString("dim");
  k.value = i.RequiredString("value");
  k.category = i.RequiredString("category");
  k.option_code = i.RequiredString("option_code");
  return k;
}

domain::ReportService::Dhis2Config ReadDhis2(ObjectReader& r) {
  domain::ReportService::Dhis2Config in;
  auto units = ReadObjects<std::pair<std::string, std::string>>(
      r, "org_units", r.RequiredArray("org_units"), [](ObjectReader& i) {
        auto area = i.RequiredString("area_id");
        return std::make_pair(area, i.RequiredString("org_unit"));
      });
  auto mappings = ReadObjects<domain::Dhis2Mapping>(r, "mappings", r.RequiredArray("mappings"),
                                                    ReadDhis2Mapping);
  auto categories = ReadObjects<domain::Dhis2Category>(
      r, "categories", r.OptionalArray("categories"), ReadDhis2Category);
  in.org_units = units.value_or(decltype(in.org_units){});
  in.mappings = mappings.value_or(decltype(in.mappings){});
  in.categories = categories.value_or(decltype(in.categories){});
  return in;
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
  auto in = ReadBody(c.request, ReadTemplate);
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
      *page, SummaryJson);
}

http::Response CreateReport(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadReport);
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
      {"POST", "/api/v1/report-templates", CreateTemplate},
      {"PUT", "/api/v1/report-templates/{code}", SaveTemplate},
      {"DELETE", "/api/v1/report-templates/{code}", DeleteTemplate},
      {"GET", "/api/v1/reports", ListReports},
      {"POST", "/api/v1/reports", CreateReport},
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
