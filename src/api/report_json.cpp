#include "api/report_json.hpp"

#include "api/indicator_json.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {

// A row of a report's table: its live figures, those it was approved with (none: not approved
// or no such row then), and whether they differ now.
struct ReportRow {
  domain::ValueRow live;
  std::optional<domain::ValueRow> approved;
  bool changed = false;
};

struct ReportIndicator {
  std::string code, name, unit;
  bool stock = false;
  std::vector<std::string> by;
  std::vector<ReportRow> rows;
  ReportRow total;
  std::vector<ReportRow> children;  // by child area
};

struct ReportSection {
  std::string title;
  std::vector<ReportIndicator> indicators;
};

// A row's figures as approved, with the % achieved and traffic light they give.
std::optional<domain::ValueRow> ApprovedFigures(const domain::StoredValue* a, bool stock,
                                                const domain::ProgrammeSettings& settings) {
  if (!a) return std::nullopt;
  domain::ValueRow row;
  row.period = a->period;
  row.cumulative = a->cumulative;
  row.previous = a->previous;
  row.target = a->target;
  domain::SetAchieved(row, stock, settings);
  return row;
}

// The row `live` of indicator `code` (`by` its disaggregation, `keys` the row's) with its
// approved figures.
ReportRow RowOf(const domain::ReportContent& c, const std::string& code,
                const std::vector<std::string>& by, const std::vector<std::string>& keys,
                const domain::ValueRow& live, bool stock) {
  const auto* a = domain::ApprovedRow(c, code, by, keys);
  // A row of an approved report whose figure differs now, or that has appeared since.
  const bool changed =
      c.report.status == domain::ReportStatus::kApproved && domain::ApprovedDiffers(a, live, stock);
  return {live, ApprovedFigures(a, stock, c.context.settings), changed};
}

std::vector<ReportSection> Sections(const domain::ReportContent& c) {
  std::vector<ReportSection> out;
  for (const auto& s : c.sections) {
    ReportSection section{s.title, {}};
    for (const auto& item : s.items) {
      const auto& v = item.values;
      ReportIndicator x{v.indicator.code, domain::IndicatorName(v.indicator, c.context.lang),
                        v.unit, v.stock, v.by};
      x.total = RowOf(c, x.code, {}, {}, v.total, v.stock);
      for (const auto& row : v.rows)
        x.rows.push_back(RowOf(c, x.code, v.by, row.keys, row, v.stock));
      for (const auto& row : item.children.rows)
        x.children.push_back(RowOf(c, x.code, {"child_area"}, row.keys, row, item.children.stock));
      section.indicators.push_back(std::move(x));
    }
    out.push_back(std::move(section));
  }
  return out;
}

const Shape<domain::ValueRow>& ApprovedShape() {
  using R = domain::ValueRow;
  static const auto shape = Shape<R>("ApprovedFigures")
                                .Field("period", &R::period)
                                .Field("cumulative", &R::cumulative)
                                .Field("previous", &R::previous)
                                .Field("target", &R::target)
                                .Field("achieved", &R::achieved)
                                .Field("light", &R::light);
  return shape;
}

const Shape<ReportIndicator>& ReportIndicatorShape() {
  using I = ReportIndicator;
  using R = ReportRow;
  using V = domain::ValueRow;
  auto live = [](const R& r) -> const V& { return r.live; };
  auto approved = [](const R& r) { return r.approved; };
  static const auto row = Shape<R>("")
                              .Include(ValueRowShape(), live)
                              .Nested("approved", ApprovedShape(), approved)
                              .Field("changed", &R::changed);
  static const auto child =
      Shape<R>("")
          .Computed("area_id", [](const R& r) { return r.live.keys.empty() ? "" : r.live.keys[0]; })
          .Computed("name",
                    [](const R& r) { return r.live.labels.empty() ? "" : r.live.labels[0]; })
          .Computed("period", [](const R& r) { return r.live.period; })
          .Computed("cumulative", [](const R& r) { return r.live.cumulative; })
          .Computed("target", [](const R& r) { return r.live.target; })
          .Computed("achieved", [](const R& r) { return r.live.achieved; })
          .Computed("light", [](const R& r) { return r.live.light; })
          .Nested("approved", ApprovedShape(), approved)
          .Field("changed", &R::changed);
  static const auto shape = Shape<I>("ReportIndicator")
                                .Field("code", &I::code)
                                .Field("name", &I::name)
                                .Field("unit", &I::unit)
                                .Field("stock", &I::stock)
                                .Field("by", &I::by)
                                .Nested("rows", row, [](const I& i) { return i.rows; })
                                .Nested("total", row, [](const I& i) { return i.total; })
                                .Nested("children", child, [](const I& i) { return i.children; });
  return shape;
}

}  // namespace

const Shape<domain::ReportTemplate>& TemplateShape() {
  using T = domain::ReportTemplate;
  using I = domain::ReportTemplateItem;
  using S = domain::SectionNames;
  static const auto item = Shape<I>("")
                               .Field("position", &I::position)
                               .Field("section", &I::section)
                               .Field("indicator_code", &I::indicator_code)
                               .Field("by", &I::by);
  static const auto section = Shape<S>("").Field("title", &S::section).Field("names", &S::names);
  static const auto shape = Shape<T>("ReportTemplate")
                                .Field("code", &T::code)
                                .Field("name", &T::name)
                                .Field("names", &T::names)
                                .Field("period_kind", &T::period_kind)
                                .Field("builtin", &T::builtin)
                                .Nested("items", item, [](const T& t) { return t.items; })
                                .Nested("sections", section, [](const T& t) { return t.sections; });
  return shape;
}

const Shape<domain::Report>& ReportSummaryShape() {
  using R = domain::Report;
  static const auto shape = Shape<R>("ReportSummary")
                                .Field("id", &R::id)
                                .Field("template_code", &R::template_code)
                                .Field("area_id", &R::area_id)
                                .Field("area_name", &R::area_name)
                                .Field("period", &R::period)
                                .Field("period_start", &R::period_start)
                                .Field("period_end", &R::period_end)
                                .Field("status", &R::status, domain::kReportStatuses)
                                .Field("version", &R::version)
                                .Field("updated_at", &R::updated_at);
  return shape;
}

const Shape<domain::ReportContent>& ReportShape() {
  using C = domain::ReportContent;
  using R = domain::Report;
  using St = domain::Story;
  using E = domain::ReportEvent;
  using Sec = ReportSection;
  static const auto story = Shape<St>("")
                                .Field("title", &St::title)
                                .Field("body", &St::body)
                                .Field("file_ids", &St::file_ids);
  static const auto event = Shape<E>("")
                                .Field("at", &E::at)
                                .Field("action", &E::action)
                                .Field("by_name", &E::by_name)
                                .Field("note", &E::note);
  static const auto section =
      Shape<Sec>("")
          .Field("title", &Sec::title)
          .Nested("indicators", ReportIndicatorShape(), [](const Sec& s) { return s.indicators; });
  auto report = [](auto member) { return [member](const C& c) { return c.report.*member; }; };
  static const auto shape =
      Shape<C>("Report")
          .Include(ReportSummaryShape(), [](const C& c) -> const R& { return c.report; })
          .Computed(
              "template_name",
              [](const C& c) { return domain::TemplateName(c.report_template, c.context.lang); })
          .Computed("include_unverified", report(&R::include_unverified))
          .Computed("achievements", report(&R::achievements))
          .Computed("challenges", report(&R::challenges))
          .Computed("lessons", report(&R::lessons))
          .Computed("recommendations", report(&R::recommendations))
          .Computed("next_plan", report(&R::next_plan))
          .Computed("return_comment", report(&R::return_comment))
          .Computed("created_by", report(&R::created_by))
          .Computed("submitted_by", report(&R::submitted_by))
          .Computed("approved_by", report(&R::approved_by))
          .Computed("submitted_at", report(&R::submitted_at))
          .Computed("approved_at", report(&R::approved_at))
          .Nested("stories", story, [](const C& c) { return c.report.stories; })
          .Nested("events", event, [](const C& c) { return c.events; })
          .Nested("sections", section, Sections);
  return shape;
}

const Shape<domain::ReportService::Dhis2Config>& Dhis2Shape() {
  using D = domain::ReportService::Dhis2Config;
  using U = std::pair<std::string, std::string>;
  using M = domain::Dhis2Mapping;
  using K = domain::Dhis2Category;
  static const auto unit = Shape<U>("")
                               .Computed("area_id", [](const U& u) { return u.first; })
                               .Computed("org_unit", [](const U& u) { return u.second; });
  static const auto mapping = Shape<M>("")
                                  .Field("indicator_code", &M::indicator_code)
                                  .Field("disaggregation", &M::disaggregation)
                                  .Field("data_element", &M::data_element)
                                  .Field("category_option_combo", &M::category_option_combo);
  static const auto category = Shape<K>("")
                                   .Field("dim", &K::dim)
                                   .Field("value", &K::value)
                                   .Field("category", &K::category)
                                   .Field("option_code", &K::option_code);
  static const auto shape =
      Shape<D>("Dhis2Mapping")
          .Nested("org_units", unit, [](const D& d) { return d.org_units; })
          .Nested("mappings", mapping, [](const D& d) { return d.mappings; })
          .Nested("categories", category, [](const D& d) { return d.categories; });
  return shape;
}

json::object TemplateJson(const domain::ReportTemplate& t) { return TemplateShape().Write(t); }
json::object ReportSummaryJson(const domain::Report& r) { return ReportSummaryShape().Write(r); }
json::object ReportJson(const domain::ReportContent& c) { return ReportShape().Write(c); }
json::object Dhis2Json(const domain::ReportService::Dhis2Config& c) {
  return Dhis2Shape().Write(c);
}

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

domain::ReportInput ReadNewReport(ObjectReader& r) {
  domain::ReportInput in;
  in.template_code = r.RequiredString("template_code");
  in.area_id = r.RequiredString("area_id");
  in.period = r.RequiredString("period");
  in.include_unverified = r.OptionalBool("include_unverified").value_or(false);
  in.id = ReadClientId(r);
  return in;
}

domain::ReportPatch ReadReportPatch(ObjectReader& r) {
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
  return p;
}

domain::ReportService::Dhis2Config ReadDhis2(ObjectReader& r) {
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
  in.org_units = units.value_or(decltype(in.org_units){});
  in.mappings = mappings.value_or(decltype(in.mappings){});
  in.categories = categories.value_or(decltype(in.categories){});
  return in;
}

}  // namespace mobilise::api
