#include "reports/report_document.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "domain/languages.hpp"
#include "reports/plain_number.hpp"
#include "reports/report_words.hpp"

namespace mobilise::reports {
namespace {

std::string Grouped(double v, int decimals) { return GroupedNumber(v, decimals, ",", 4); }

Cell NumberCell(const std::optional<double>& v, const std::string& unit) {
  if (!v) return {"—", std::nullopt, "", false};
  if (unit == "percent") return {Grouped(*v, 1) + "%", *v, "", true};
  if (unit == "average" || unit == "ratio") return {Grouped(*v, 2), *v, "", false};
  return {Grouped(*v, std::abs(*v - std::round(*v)) < 1e-9 ? 0 : 2), *v, "", false};
}

Cell AchievedCell(const std::optional<double>& v, const std::string& light) {
  if (!v) return {"—", std::nullopt, "", false};
  return {Grouped(*v, 1) + "%", *v, light, true};
}

const std::optional<double>& Headline(const domain::IndicatorValues& v, const domain::ValueRow& r) {
  return v.stock ? r.cumulative : r.period;
}

// A row of an approved report (`by` empty for the total) shows its approved figures, its
// achievement computed from them; `changed` is set when the records have changed them since.
domain::ValueRow AsApproved(const domain::ReportContent& c, const domain::IndicatorValues& v,
                            const std::vector<std::string>& by, const domain::ValueRow& live,
                            bool* changed) {
  *changed = false;
  if (c.report.status != domain::ReportStatus::kApproved) return live;
  const auto* a = domain::ApprovedRow(c, v.indicator.code, by, live.keys);
  *changed = domain::ApprovedDiffers(a, live, v.stock);
  domain::ValueRow row = live;
  if (!a) {  // a group that has appeared since the approval
    row.period = row.cumulative = row.previous = row.target = std::nullopt;
  } else {
    row.period = a->period;
    row.cumulative = a->cumulative;
    row.previous = a->previous;
    row.target = a->target;
  }
  domain::SetAchieved(row, v.stock, c.context.settings);  // % achieved and its light as approved
  return row;
}

// The section's indicators, one row each: their totals.
Table TotalsTable(const domain::ReportContent& c, const domain::ReportSectionContent& s,
                  const ReportWords& w) {
  const auto& lang = c.context.lang;
  Table main;
  main.title = s.title;
  main.columns = {w.indicator, w.period, w.cumulative, w.target, w.achieved, w.previous};
  for (const auto& item : s.items) {
    const auto& v = item.values;
    bool changed = false;
    const auto total = AsApproved(c, v, {}, v.total, &changed);
    std::string name = domain::IndicatorName(v.indicator, lang);
    if (changed)
      name +=
          " (" + std::string(w.changed) + " " + NumberCell(Headline(v, v.total), v.unit).text + ")";
    main.rows.push_back({Cell{name, std::nullopt, "", false}, NumberCell(total.period, v.unit),
                         NumberCell(total.cumulative, v.unit), NumberCell(total.target, v.unit),
                         AchievedCell(total.achieved, total.light),
                         NumberCell(total.previous, v.unit)});
  }
  return main;
}

// An indicator's disaggregation: a row per group, its labels then its figures.
Table DisaggregationTable(const domain::ReportContent& c, const domain::IndicatorValues& v,
                          const ReportWords& w) {
  Table t;
  t.title = domain::IndicatorName(v.indicator, c.context.lang);
  for (const auto& dim : v.by) t.columns.push_back(dim);
  t.columns.push_back(w.period);
  t.columns.push_back(w.cumulative);
  t.label_columns = static_cast<int>(v.by.size());
  for (const auto& live : v.rows) {
    bool changed = false;
    const auto r = AsApproved(c, v, v.by, live, &changed);
    std::vector<Cell> row;
    for (std::size_t i = 0; i < v.by.size(); ++i)
      row.push_back({i < r.labels.size() ? r.labels[i] : r.keys[i], std::nullopt, "", false});
    if (changed && !row.empty())
      row.back().text +=
          " (" + std::string(w.changed) + " " + NumberCell(Headline(v, live), v.unit).text + ")";
    row.push_back(NumberCell(r.period, v.unit));
    row.push_back(NumberCell(r.cumulative, v.unit));
    t.rows.push_back(std::move(row));
  }
  return t;
}

// The child areas: one column per indicator (its headline figure), and a chart of the first
// indicator with its targets. Added to `sec` when the section has more than one child area.
void AddByArea(const domain::ReportContent& c, const domain::ReportSectionContent& s,
               const ReportWords& w, Section& sec) {
  if (s.items.empty() || s.items.front().children.rows.size() <= 1) return;
  const auto& lang = c.context.lang;
  Table t;
  t.title = s.title + " — " + w.by_area;
  t.columns.push_back(w.area);
  for (const auto& item : s.items)
    t.columns.push_back(domain::IndicatorName(item.values.indicator, lang));
  const auto& first = s.items.front().children;
  Chart chart;
  chart.title = domain::IndicatorName(first.indicator, lang) + " — " + w.by_area;
  Series series{domain::IndicatorName(first.indicator, lang), {}};
  Series targets{w.target, {}};
  bool any_target = false;
  for (const auto& child : first.rows) {
    std::vector<Cell> row;
    const auto& label = child.labels.empty() ? child.keys[0] : child.labels[0];
    row.push_back({label, std::nullopt, "", false});
    std::optional<double> first_headline, first_target;
    bool any_changed = false;
    for (const auto& item : s.items) {
      const auto& ch = item.children;
      auto live = std::find_if(ch.rows.begin(), ch.rows.end(),
                               [&](const domain::ValueRow& x) { return x.keys == child.keys; });
      if (live == ch.rows.end()) {
        row.push_back(Cell{"—", std::nullopt, "", false});
        continue;
      }
      bool changed = false;
      const auto shown = AsApproved(c, ch, {"child_area"}, *live, &changed);
      Cell cell = NumberCell(Headline(ch, shown), ch.unit);
      if (changed)
        cell.text +=
            " (" + std::string(w.now) + " " + NumberCell(Headline(ch, *live), ch.unit).text + ")";
      any_changed = any_changed || changed;
      row.push_back(std::move(cell));
      if (&item == &s.items.front())
        first_headline = Headline(ch, shown), first_target = shown.target;
    }
    if (any_changed) row.front().text += " (" + std::string(w.changed_since) + ")";
    t.rows.push_back(std::move(row));
    chart.labels.push_back(label);
    series.values.push_back(first_headline);
    targets.values.push_back(first_target);
    any_target = any_target || first_target.has_value();
  }
  chart.series.push_back(std::move(series));
  if (any_target) chart.series.push_back(std::move(targets));
  sec.tables.push_back(std::move(t));
  sec.charts.push_back(std::move(chart));
}

Section IndicatorSection(const domain::ReportContent& c, const domain::ReportSectionContent& s,
                         const ReportWords& w) {
  Section sec;
  sec.title = s.title;
  sec.tables.push_back(TotalsTable(c, s, w));
  for (const auto& item : s.items)
    if (!item.values.by.empty() && !item.values.rows.empty())
      sec.tables.push_back(DisaggregationTable(c, item.values, w));
  AddByArea(c, s, w, sec);
  return sec;
}

// The narrative and the success stories with their photos (those in `photo_paths`).
Section NarrativeSection(const domain::ReportContent& c, const ReportWords& w,
                         const PhotoPaths& photo_paths) {
  Section narrative;
  narrative.title = w.narrative;
  const std::pair<const char*, const std::optional<std::string>*> texts[] = {
      {w.achievements, &c.report.achievements},
      {w.challenges, &c.report.challenges},
      {w.lessons, &c.report.lessons},
      {w.recommendations, &c.report.recommendations},
      {w.next_plan, &c.report.next_plan}};
  for (const auto& [heading, text] : texts)
    if (*text) narrative.narrative.push_back({heading, **text});
  for (const auto& s : c.report.stories) {
    narrative.narrative.push_back({std::string(w.stories) + ": " + s.title, s.body});
    for (const auto& id : s.file_ids)
      if (auto path = photo_paths.find(id); path != photo_paths.end())
        narrative.photos.push_back({s.title, path->second});
  }
  return narrative;
}

}  // namespace

Document ReportDocument(const domain::ReportContent& c, const std::string& generated_at,
                        const PhotoPaths& photo_paths) {
  const auto& lang = c.context.lang;
  const ReportWords& w = ReportWordsFor(lang);
  Document d;
  d.language = lang;
  d.rtl = domain::IsRightToLeft(lang);
  d.title = domain::TemplateName(c.report_template, lang);
  d.subtitle = c.report.area_name + " — " + c.report.period;
  d.facts = {{w.area, c.report.area_name},
             {w.period,
              c.report.period + " (" + c.report.period_start + " – " + c.report.period_end + ")"},
             {w.status, std::string(domain::ReportStatusName(c.report.status))},
             {w.unverified, c.report.include_unverified ? w.yes : w.no},
             {w.generated, generated_at.substr(0, 16) + " UTC"}};
  for (const auto& s : c.sections) d.sections.push_back(IndicatorSection(c, s, w));
  auto narrative = NarrativeSection(c, w, photo_paths);
  if (!narrative.narrative.empty()) d.sections.push_back(std::move(narrative));
  return d;
}

Result<DataValueSet> ReportDataValues(const domain::ReportContent& c,
                                      const domain::ReportService::Dhis2Config& m,
                                      const domain::ProgrammeSettings& settings, bool adx,
                                      const std::string& exported_at) {
  DataValueSet set;
  set.data_set = settings.dhis2_data_set;
  set.attribute_option_combo = settings.dhis2_attribute_option_combo;
  set.exported_at = exported_at;
  if (c.report.status == domain::ReportStatus::kApproved && c.report.approved_at)
    set.complete_date = c.report.approved_at->substr(0, 10);
  auto period = domain::Dhis2PeriodId(c.context.period, settings.fiscal_year);
  if (!adx && !period)
    return Fail(Error::Field("format", problem::Dhis2NoPeriod(c.context.period.text)));
  if (adx && set.data_set.empty()) return Fail(Error::Field("format", problem::AdxNeedsDataSet()));
  std::map<std::string, std::string> org;
  for (const auto& [area, unit] : m.org_units) org[area] = unit;
  std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> cat;
  for (const auto& k : m.categories) cat[{k.dim, k.value}] = {k.category, k.option_code};
  std::map<std::pair<std::string, std::string>, const domain::Dhis2Mapping*> map;
  for (const auto& x : m.mappings) map[{x.indicator_code, x.disaggregation}] = &x;
  auto it = org.find(c.report.area_id);
  if (it == org.end()) return Fail(Error::Field("format", problem::NoOrgUnit()));
  DataValueGroup group{it->second, period.value_or(""), domain::AdxPeriod(c.context.period), {}};
  for (const auto& s : c.sections)
    for (const auto& item : s.items) {
      const auto& v = item.values;
      auto value_of = [&](const std::vector<std::string>& by, const domain::ValueRow& r) {
        bool changed = false;
        return Headline(v, AsApproved(c, v, by, r, &changed));
      };
      auto add = [&](const std::string& key, const std::optional<double>& value,
                     const std::vector<std::pair<std::string, std::string>>& dims) {
        auto mapped = map.find({v.indicator.code, key});
        if (mapped == map.end() || !value) return;
        DataValue dv{mapped->second->data_element,
                     mapped->second->category_option_combo,
                     {},
                     PlainNumber(*value),
                     ""};
        for (const auto& [dim, val] : dims)
          if (auto k = cat.find({dim, val}); k != cat.end()) dv.categories.push_back(k->second);
        group.values.push_back(std::move(dv));
      };
      add("", value_of({}, v.total), {});
      for (const auto& r : v.rows) {
        std::vector<std::pair<std::string, std::string>> dims;
        for (std::size_t i = 0; i < v.by.size(); ++i) dims.emplace_back(v.by[i], r.keys[i]);
        add(domain::DisaggregationKey(dims), value_of(v.by, r), dims);
      }
    }
  if (group.values.empty()) return Fail(Error::Field("format", problem::NoMappedIndicator()));
  set.groups.push_back(std::move(group));
  return set;
}

Exportable ReportExport(const domain::ReportContent& c, const std::string& now,
                        const PhotoSource& photos,
                        std::function<domain::ReportService::Dhis2Config()> mapping) {
  Exportable e;
  e.name = c.report.template_code + "-" + c.report.period;
  e.formats = {ExportFormat::kCsv, ExportFormat::kXlsx, ExportFormat::kPdf,
               ExportFormat::kDhis2Json, ExportFormat::kAdx};
  e.document = [&c, now](const PhotoPaths& paths) { return ReportDocument(c, now, paths); };
  for (const auto& story : c.report.stories)
    e.photo_ids.insert(e.photo_ids.end(), story.file_ids.begin(), story.file_ids.end());
  e.photo_source = &photos;
  e.data_values = [&c, now, mapping = std::move(mapping)](bool adx) {
    return ReportDataValues(c, mapping(), c.context.settings, adx, now);
  };
  return e;
}

}  // namespace mobilise::reports
