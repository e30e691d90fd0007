#include "domain/indicators/indicator_plan.hpp"

#include <algorithm>
#include <sstream>

#include "domain/indicators/indicator_rules.hpp"
#include "domain/indicators/record_kinds.hpp"

namespace mobilise::domain {
namespace {

using Need = std::pair<std::string, std::vector<std::string>>;  // (base indicator code, by)
using Definitions = std::map<std::string, Indicator>;

void AddNeed(std::vector<Need>& needs, const Indicator& d, const std::vector<std::string>& by) {
  if (std::find(needs.begin(), needs.end(), Need{d.code, by}) == needs.end())
    needs.emplace_back(d.code, by);
}

const Indicator* Find(const Definitions& defs, const std::string& code) {
  auto it = defs.find(code);
  return it == defs.end() ? nullptr : &it->second;
}

// The (code, by) of the base (non-ratio) indicators the wanted values need, in the order first
// needed: each wanted value's groups and its total; a ratio's from its two parts.
Result<std::vector<Need>> BaseNeeds(const Definitions& defs,
                                    const std::vector<WantedValues>& wanted) {
  std::vector<Need> needs;
  for (const auto& w : wanted) {
    const Indicator* d = Find(defs, w.code);
    if (!d) return Fail(Error::Field("indicator", problem::NoIndicator(w.code)));
    for (const auto& dim : w.by)
      if (!MayDisaggregate(*d, dim))
        return Fail(Error::Field("by", problem::CannotDisaggregateByOnly(w.code, dim, d->dims)));
    for (const auto& grouping : {w.by, std::vector<std::string>{}}) {
      if (d->measure != "ratio") {
        AddNeed(needs, *d, grouping);
        continue;
      }
      const Indicator* n = d->numerator ? Find(defs, *d->numerator) : nullptr;
      const Indicator* m = d->denominator ? Find(defs, *d->denominator) : nullptr;
      if (!n || !m)
        return Fail(Error::Internal("ratio " + d->code + " refers to a missing indicator"));
      AddNeed(needs, *n, grouping);
      AddNeed(needs, *m, grouping);
    }
  }
  return needs;
}

// Whether `d`'s total may be added up from its groups `by`: a distinct count grouped only by
// attributes of the person (household) it counts, which have one value each.
bool AttributeGroups(const Indicator& d, const std::vector<std::string>& by) {
  const RecordKind* kind = d.record ? FindRecordKind(*d.record) : nullptr;
  if (!kind || by.empty() || (d.measure != "distinct_people" && d.measure != "distinct_households"))
    return false;
  const auto& attributes =
      d.measure == "distinct_people" ? kind->person_dims : kind->household_dims;
  return std::all_of(by.begin(), by.end(),
                     [&](const std::string& dim) { return Has(attributes, dim); });
}

// A distinct total without attribute groups of its own is measured in another indicator's
// statement of the same record kind that has them (one more measure there, one statement less).
void BorrowAttributeGroups(const Definitions& defs, std::vector<Need>& needs) {
  for (std::size_t i = 0, n = needs.size(); i < n; ++i) {
    const auto [code, by] = needs[i];  // a copy: AddNeed may grow `needs`
    const Indicator& d = defs.at(code);
    auto own = [&d, &code = code](const Need& x) {
      return x.first == code && AttributeGroups(d, x.second);
    };
    if (!by.empty() || std::any_of(needs.begin(), needs.end(), own)) continue;
    for (std::size_t j = 0; j < n; ++j)
      if (*defs.at(needs[j].first).record == *d.record && AttributeGroups(d, needs[j].second)) {
        AddNeed(needs, d, needs[j].second);
        break;
      }
  }
}

// The groups a total is added up from instead of being queried, if any: every record lies in
// one child area, so a count's or a sum's total is the sum of its child areas'; a distinct
// count's is the sum of its attribute groups.
std::optional<std::vector<std::string>> SummedFrom(const Indicator& d, const Need& need,
                                                   const std::vector<Need>& needs) {
  if (!need.second.empty()) return std::nullopt;
  std::optional<std::vector<std::string>> from;
  const std::vector<std::string> by_child = {std::string(kChildAreaDim)};
  if ((d.measure == "count" || d.measure == "sum") &&
      std::find(needs.begin(), needs.end(), Need{d.code, by_child}) != needs.end())
    from = by_child;
  for (const auto& [other, other_by] : needs)
    if (other == d.code && AttributeGroups(d, other_by)) return other_by;
  return from;
}

ComputeRequest RequestOf(const ValuesAsked& in, const std::string& record,
                         const std::vector<std::string>& by) {
  ComputeRequest r;
  r.record = record;
  r.scope_path = in.scope_path;
  // Every child's path has the same length (one more key than the area's).
  const std::size_t child = in.child_paths.empty() ? 0 : in.child_paths.back().size();
  r.child_path_length = child ? child : in.scope_path.size();
  r.window = in.window;
  r.include_unverified = in.include_unverified;
  r.by = by;
  return r;
}

void PrintList(std::ostream& out, const std::vector<std::string>& v) {
  out << "[" << JoinValues(v, ", ") << "]";
}

}  // namespace

Result<IndicatorPlan> PlanValues(const Definitions& defs, const ValuesAsked& in) {
  auto needs = BaseNeeds(defs, in.wanted);
  if (!needs) return Fail(needs.error());
  BorrowAttributeGroups(defs, *needs);
  std::map<std::pair<std::string, std::vector<std::string>>, std::vector<std::string>> grouped;
  IndicatorPlan plan;
  for (const auto& need : *needs) {
    const Indicator& d = defs.at(need.first);
    if (auto from = SummedFrom(d, need, *needs))
      plan.sums.push_back({d.code, *from});
    else
      grouped[{*d.record, need.second}].push_back(d.code);
  }
  for (const auto& [key, codes] : grouped) {
    PlannedRequest p{RequestOf(in, key.first, key.second), codes};
    for (const auto& code : codes) {
      const Indicator& d = defs.at(code);
      p.request.measures.push_back({d.measure, d.field, d.filters});
    }
    plan.requests.push_back(std::move(p));
  }
  return plan;
}

ComputedValues CombineResults(const IndicatorPlan& plan,
                              const std::vector<std::vector<ComputedGroup>>& results) {
  ComputedValues computed;
  for (std::size_t at = 0; at < plan.requests.size() && at < results.size(); ++at) {
    const auto& p = plan.requests[at];
    for (std::size_t m = 0; m < p.codes.size(); ++m) {
      auto& into = computed[{p.codes[m], p.request.by}];
      for (const auto& g : results[at]) into[g.keys] = g.values[m];
    }
  }
  auto add = [](std::optional<double>& into, const std::optional<double>& v) {
    if (v) into = into.value_or(0) + *v;
  };
  for (const auto& [code, from] : plan.sums) {
    Triple& total = computed[{code, {}}][{}];
    for (const auto& [keys, t] : computed[{code, from}]) {
      add(total.period, t.period);
      add(total.cumulative, t.cumulative);
      add(total.previous, t.previous);
    }
  }
  return computed;
}

std::ostream& operator<<(std::ostream& out, const IndicatorPlan& plan) {
  for (const auto& p : plan.requests) {
    out << p.request.record << " by ";
    PrintList(out, p.request.by);
    out << " measures ";
    for (std::size_t i = 0; i < p.codes.size(); ++i)
      out << (i ? ", " : "") << p.codes[i] << ":" << p.request.measures[i].measure;
    out << "\n";
  }
  for (const auto& s : plan.sums) {
    out << "sum " << s.code << " from ";
    PrintList(out, s.from);
    out << "\n";
  }
  return out;
}

std::string PlanText(const IndicatorPlan& plan) {
  std::ostringstream out;
  out << plan;
  return out.str();
}

}  // namespace mobilise::domain
