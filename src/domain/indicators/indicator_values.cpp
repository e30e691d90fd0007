#include "domain/indicators/indicator_values.hpp"

#include <algorithm>
#include <set>

#include "domain/demographics.hpp"
#include "domain/indicators/indicator_rules.hpp"
#include "domain/indicators/record_kinds.hpp"
#include "domain/indicators/target_rules.hpp"

namespace mobilise::domain {
namespace {

// The values of `d` in the group `keys` of its disaggregation `by`: a base indicator's as
// computed (a count or sum of no records is 0, an average of none has no value), a ratio's
// numerator over denominator x scale (none when either has none or the denominator is 0).
Triple TripleOf(const ValueSources& s, const Indicator& d, const std::vector<std::string>& by,
                const std::vector<std::string>& keys) {
  auto get = [&](const Indicator& x) -> Triple {
    Triple t;
    if (auto it = s.computed.find({x.code, by}); it != s.computed.end())
      if (auto g = it->second.find(keys); g != it->second.end()) t = g->second;
    if (x.measure != "average") {
      t.period = t.period.value_or(0);
      t.cumulative = t.cumulative.value_or(0);
      if (s.context.previous) t.previous = t.previous.value_or(0);
    }
    return t;
  };
  if (d.measure != "ratio") return get(d);
  const Triple n = get(s.definitions.at(*d.numerator));
  const Triple m = get(s.definitions.at(*d.denominator));
  auto div = [&](const std::optional<double>& a,
                 const std::optional<double>& b) -> std::optional<double> {
    if (!a || !b || *b == 0) return std::nullopt;
    return *a / *b * d.scale;
  };
  return {div(n.period, m.period), div(n.cumulative, m.cumulative), div(n.previous, m.previous)};
}

// The groups `by` has values for: those computed (a ratio: its numerator's or denominator's)
// and, by child area alone, every child area.
std::set<std::vector<std::string>> GroupsOf(const ValueSources& s, const Indicator& d,
                                            const std::vector<std::string>& by) {
  std::set<std::vector<std::string>> keys;
  auto collect = [&](const std::string& code) {
    if (auto it = s.computed.find({code, by}); it != s.computed.end())
      for (const auto& [k, _] : it->second) keys.insert(k);
  };
  if (d.measure == "ratio") {
    collect(*d.numerator);
    collect(*d.denominator);
  } else {
    collect(d.code);
  }
  if (by.size() == 1 && by[0] == kChildAreaDim)
    for (const auto& ch : s.context.children) keys.insert({ch.path});
  return keys;
}

// Age bands in age order, not text order (stable: the earlier keys keep their order).
void SortAgeBands(const std::vector<std::string>& by, std::vector<ValueRow>& rows) {
  std::vector<std::string_view> order(kAgeBandCodes.begin(), kAgeBandCodes.end());
  order.push_back(kUnknownAgeBand);
  for (std::size_t i = 0; i < by.size(); ++i) {
    if (by[i] != "age_band") continue;
    auto rank = [&](const ValueRow& r) {
      return std::find(order.begin(), order.end(), r.keys[i]) - order.begin();
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const ValueRow& a, const ValueRow& b) {
      for (std::size_t j = 0; j < i; ++j)
        if (a.keys[j] != b.keys[j]) return a.keys[j] < b.keys[j];
      return rank(a) < rank(b);
    });
  }
}

// The rows of `v.by`: child areas keyed by their ids with their own targets (the records kept on
// the area itself keyed by its id, without one); disaggregations
// (without child area or month) with the area's target of that disaggregation.
void AddRows(const ValueSources& s, const Indicator& d, const std::vector<Target>& targets,
             IndicatorValues& v) {
  const ValueContext& c = s.context;
  const bool by_child = v.by.size() == 1 && v.by[0] == kChildAreaDim;
  const bool by_values = !Has(v.by, kChildAreaDim) && !Has(v.by, kMonthDim);
  std::map<std::string, std::string> child_id;  // path -> id
  for (const auto& ch : c.children) child_id[ch.path] = ch.id;
  for (const auto& k : GroupsOf(s, d, v.by)) {
    const Triple g = TripleOf(s, d, v.by, k);
    ValueRow row{k, {}, g.period, g.cumulative, g.previous};
    if (by_child) {
      // Records kept on the area itself: a row of their own without a target (the area's target
      // is the whole area's, not theirs) and so without % achieved or light.
      auto it = child_id.find(k[0]);
      row.keys = {it != child_id.end() ? it->second : c.area.id};
      if (it != child_id.end()) row.target = RollUpTarget(targets, k[0], c.period, "");
      SetAchieved(row, v.stock, c.settings);
    } else if (by_values) {
      std::vector<std::pair<std::string, std::string>> pairs;
      for (std::size_t i = 0; i < v.by.size(); ++i) pairs.emplace_back(v.by[i], k[i]);
      row.target = RollUpTarget(targets, c.area.path, c.period, DisaggregationKey(pairs));
      SetAchieved(row, v.stock, c.settings);
    }
    for (std::size_t i = 0; i < v.by.size() && i < row.keys.size(); ++i)
      row.labels.push_back(s.label(v.by[i], row.keys[i]));
    v.rows.push_back(std::move(row));
  }
  SortAgeBands(v.by, v.rows);
}

}  // namespace

IndicatorValues ValuesOf(const WantedValues& w, const ValueSources& s) {
  const ValueContext& c = s.context;
  const Indicator& d = s.definitions.at(w.code);
  IndicatorValues v;
  v.indicator = d;
  v.unit = IndicatorUnit(d);
  v.stock = IsStock(d.measure == "ratio" ? s.definitions.at(*d.numerator) : d);
  v.by = w.by;
  const auto& targets = s.targets(d.code);
  const Triple t = TripleOf(s, d, {}, {});
  v.total = {{}, {}, t.period, t.cumulative, t.previous};
  v.total.target = RollUpTarget(targets, c.area.path, c.period, "");
  SetAchieved(v.total, v.stock, c.settings);
  if (!w.by.empty()) AddRows(s, d, targets, v);
  return v;
}

void SetAchieved(ValueRow& row, bool stock, const ProgrammeSettings& settings) {
  row.achieved.reset();
  row.light.clear();
  const auto& headline = stock ? row.cumulative : row.period;
  if (!row.target || *row.target <= 0 || !headline) return;
  row.achieved = *headline / *row.target * 100;
  row.light = *row.achieved >= settings.light_green   ? "green"
              : *row.achieved >= settings.light_amber ? "amber"
                                                      : "red";
}

std::string IndicatorUnit(const Indicator& d) {
  if (d.measure == "ratio") return d.scale == 100 ? "percent" : "ratio";
  if (d.measure == "average") return "average";
  if (d.measure == "sum") return "amount";
  return "count";
}

std::string IndicatorName(const Indicator& d, const std::string& lang) {
  return Translated(d.names, lang, d.name);
}

}  // namespace mobilise::domain
