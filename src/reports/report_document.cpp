#include "reports/report_document.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/clock.hpp"
#include "reports/plain_number.hpp"

namespace mobilise::reports {
namespace {

struct Words {
  const char *period, *cumulative, *target, *achieved, *previous, *indicator, *area, *status,
      *by_area, *narrative, *achievements, *challenges, *lessons, *recommendations, *next_plan,
      *stories, *changed, *unverified, *yes, *no, *generated, *now, *changed_since;
};

const Words& WordsFor(const std::string& lang) {
  static const Words en{"This period",
                        "Cumulative",
                        "Target",
                        "% achieved",
                        "Previous period",
                        "Indicator",
                        "Area",
                        "Status",
                        "By area",
                        "Narrative",
                        "Achievements",
                        "Challenges",
                        "Lessons learned",
                        "Recommendations",
                        "Next period's plan",
                        "Success stories",
                        "changed since approval, now",
                        "Unverified activities counted",
                        "yes",
                        "no",
                        "Generated",
                        "now",
                        "changed since approval"};
  static const Words ps{"دا موده",
                        "ټولټال",
                        "هدف",
                        "٪ لاسته راوړنه",
                        "تېره موده",
                        "شاخص",
                        "سیمه",
                        "حالت",
                        "د سیمې له مخې",
                        "روایت",
                        "لاسته راوړنې",
                        "ننګونې",
                        "زده کړې",
                        "سپارښتنې",
                        "د راتلونکې مودې پلان",
                        "د بریا کیسې",
                        "له تصویب وروسته بدل شوی، اوس",
                        "نا تایید شوي فعالیتونه شمېرل شوي",
                        "هو",
                        "نه",
                        "جوړ شوی",
                        "اوس",
                        "له تصویب وروسته بدل شوی"};
  static const Words uk{"Цей період",
                        "Накопичено",
                        "Ціль",
                        "% виконання",
                        "Попередній період",
                        "Індикатор",
                        "Територія",
                        "Статус",
                        "За територіями",
                        "Опис",
                        "Досягнення",
                        "Виклики",
                        "Уроки",
                        "Рекомендації",
                        "План на наступний період",
                        "Історії успіху",
                        "змінено після затвердження, тепер",
                        "Враховано неперевірені заходи",
                        "так",
                        "ні",
                        "Створено",
                        "тепер",
                        "змінено після затвердження"};
  return lang == "ps" ? ps : lang == "uk" ? uk : en;
}

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
  if (c.report.status != "approved") return live;
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

}  // namespace

Document ReportDocument(const domain::ReportContent& c,
                        const std::map<std::string, std::string>& photo_paths) {
  const auto& lang = c.context.lang;
  const Words& w = WordsFor(lang);
  Document d;
  d.language = lang;
  d.rtl = lang == "ps" || lang == "fa" || lang == "ur";
  d.title = domain::TemplateName(c.report_template, lang);
  d.subtitle = c.report.area_name + " — " + c.report.period;
  d.facts = {{w.area, c.report.area_name},
             {w.period,
              c.report.period + " (" + c.report.period_start + " – " + c.report.period_end + ")"},
             {w.status, c.report.status},
             {w.unverified, c.report.include_unverified ? w.yes : w.no},
             {w.generated, NowTimestamp().substr(0, 16) + " UTC"}};
  for (const auto& s : c.sections) {
    Section sec;
    sec.title = s.title;
    Table main;
    main.title = s.title;
    main.columns = {w.indicator, w.period, w.cumulative, w.target, w.achieved, w.previous};
    for (const auto& item : s.items) {
      const auto& v = item.values;
      bool changed = false;
      const auto total = AsApproved(c, v, {}, v.total, &changed);
      std::string name = domain::IndicatorName(v.indicator, lang);
      if (changed)
        name += " (" + std::string(w.changed) + " " +
                NumberCell(Headline(v, v.total), v.unit).text + ")";
      main.rows.push_back({Cell{name, std::nullopt, "", false}, NumberCell(total.period, v.unit),
                           NumberCell(total.cumulative, v.unit), NumberCell(total.target, v.unit),
                           AchievedCell(total.achieved, total.light),
                           NumberCell(total.previous, v.unit)});
    }
    sec.tables.push_back(std::move(main));
    // Disaggregations.
    for (const auto& item : s.items) {
      const auto& v = item.values;
      if (v.by.empty() || v.rows.empty()) continue;
      Table t;
      t.title = domain::IndicatorName(v.indicator, lang);
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
          row.back().text += " (" + std::string(w.changed) + " " +
                             NumberCell(Headline(v, live), v.unit).text + ")";
        row.push_back(NumberCell(r.period, v.unit));
        row.push_back(NumberCell(r.cumulative, v.unit));
        t.rows.push_back(std::move(row));
      }
      sec.tables.push_back(std::move(t));
    }
    // Child areas: one column per indicator (its headline figure), and a chart of the first.
    if (!s.items.empty() && s.items.front().children.rows.size() > 1) {
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
      for (std::size_t r = 0; r < first.rows.size(); ++r) {
        std::vector<Cell> row;
        const auto& label =
            first.rows[r].labels.empty() ? first.rows[r].keys[0] : first.rows[r].labels[0];
        row.push_back({label, std::nullopt, "", false});
        std::optional<double> first_headline, first_target;
        bool any_changed = false;
        for (const auto& item : s.items) {
          const auto& ch = item.children;
          auto live = std::find_if(ch.rows.begin(), ch.rows.end(), [&](const domain::ValueRow& x) {
            return x.keys == first.rows[r].keys;
          });
          if (live == ch.rows.end()) {
            row.push_back(Cell{"—", std::nullopt, "", false});
            continue;
          }
          bool changed = false;
          const auto shown = AsApproved(c, ch, {"child_area"}, *live, &changed);
          Cell cell = NumberCell(Headline(ch, shown), ch.unit);
          if (changed)
            cell.text += " (" + std::string(w.now) + " " +
                         NumberCell(Headline(ch, *live), ch.unit).text + ")";
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
    d.sections.push_back(std::move(sec));
  }
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
  if (!narrative.narrative.empty()) d.sections.push_back(std::move(narrative));
  return d;
}

Result<DataValueSet> ReportDataValues(const domain::ReportContent& c,
                                      const domain::ReportService::Dhis2Config& m,
                                      const domain::ProgrammeSettings& settings, bool adx) {
  DataValueSet set;
  set.data_set = settings.dhis2_data_set;
  set.attribute_option_combo = settings.dhis2_attribute_option_combo;
  set.exported_at = NowTimestamp();
  if (c.report.status == "approved" && c.report.approved_at)
    set.complete_date = c.report.approved_at->substr(0, 10);
  auto period = domain::Dhis2PeriodId(c.context.period, settings.fiscal_year);
  if (!adx && !period)
    return Fail(Error::Field("format", "DHIS2 has no period id for " + c.context.period.text +
                                           " under this fiscal year; export ADX instead"));
  if (adx && set.data_set.empty())
    return Fail(Error::Field(
        "format", "ADX needs the DHIS2 data set: set dhis2_data_set in the programme settings"));
  std::map<std::string, std::string> org;
  for (const auto& [area, unit] : m.org_units) org[area] = unit;
  std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> cat;
  for (const auto& k : m.categories) cat[{k.dim, k.value}] = {k.category, k.option_code};
  std::map<std::pair<std::string, std::string>, const domain::Dhis2Mapping*> map;
  for (const auto& x : m.mappings) map[{x.indicator_code, x.disaggregation}] = &x;
  auto it = org.find(c.report.area_id);
  if (it == org.end())
    return Fail(Error::Field("format", "the report's area has no DHIS2 org unit in the mapping"));
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
  if (group.values.empty())
    return Fail(
        Error::Field("format", "no indicator of this report is mapped to a DHIS2 data element"));
  set.groups.push_back(std::move(group));
  return set;
}

}  // namespace mobilise::reports
