#include "domain/indicators/target_rules.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "domain/indicators/record_kinds.hpp"

namespace mobilise::domain {
namespace {

// The path of the child of `parent_path` that `path` lies in.
std::string ChildPathOf(const std::string& path, const std::string& parent_path) {
  if (path.size() <= parent_path.size()) return path;
  const auto slash = path.find('/', parent_path.size());
  return slash == std::string::npos ? path : path.substr(0, slash + 1);
}

// The sum of `own` targets that tile the days from `at` to `end` exactly, trying at each day the
// longest target that starts there first (an own target of a quarter wins over its months; the
// months of a quarter that has none are added up, whatever their lengths), none when no targets
// tile those days. Periods are compared by their days, never by their lengths.
std::optional<double> Tiling(const std::vector<const Target*>& own, const std::string& at,
                             const std::string& end,
                             std::map<std::string, std::optional<double>>& memo) {
  if (at > end) return 0.0;
  if (auto it = memo.find(at); it != memo.end()) return it->second;
  std::vector<const Target*> here;
  for (const auto* t : own)
    if (t->period_start == at && t->period_end <= end) here.push_back(t);
  std::sort(here.begin(), here.end(),
            [](const Target* a, const Target* b) { return a->period_end > b->period_end; });
  std::optional<double> sum;
  for (const auto* t : here)
    if (auto rest = Tiling(own, AddDays(t->period_end, 1), end, memo)) {
      sum = t->value + *rest;
      break;
    }
  return memo[at] = sum;
}

// Project to date: its days begin on the project's start, not a period's, and end today; the
// sum of the longest own targets inside it that do not overlap one taken before, earliest first.
double Covering(std::vector<const Target*> own) {
  std::sort(own.begin(), own.end(), [](const Target* a, const Target* b) {
    return a->period_start != b->period_start ? a->period_start < b->period_start
                                              : a->period_end > b->period_end;
  });
  double sum = 0;
  std::string covered;  // the last day taken
  for (const auto* t : own)
    if (covered.empty() || t->period_start > covered) sum += t->value, covered = t->period_end;
  return sum;
}

// The target of an area from its own targets: for exactly the period's days (of the period's
// own name first), else their tiling (project to date: their covering); none without them.
std::optional<double> OwnTarget(const std::vector<const Target*>& own, const Period& period) {
  if (own.empty()) return std::nullopt;
  const Target* exact = nullptr;
  for (const auto* t : own)
    if (t->period_start == period.start && t->period_end == period.end &&
        (!exact || t->period == period.text))
      exact = t;
  if (exact) return exact->value;
  if (period.kind == PeriodKind::kProjectToDate) return Covering(own);
  std::map<std::string, std::optional<double>> memo;
  return Tiling(own, period.start, period.end, memo);
}

}  // namespace

std::string DisaggregationKey(std::vector<std::pair<std::string, std::string>> pairs) {
  std::sort(pairs.begin(), pairs.end());
  std::string key;
  for (const auto& [d, v] : pairs) key += (key.empty() ? "" : ";") + d + "=" + v;
  return key;
}

std::optional<std::string> CanonicalDisaggregation(const Indicator& d, const std::string& text,
                                                   FieldProblem& error) {
  if (text.empty()) return std::string();
  std::vector<std::pair<std::string, std::string>> pairs;
  std::set<std::string> dims;
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, ';');) {
    const auto eq = part.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == part.size()) {
      error = problem::DisaggregationForm();
      return std::nullopt;
    }
    std::string dim = part.substr(0, eq), value = part.substr(eq + 1);
    if (std::find(d.dims.begin(), d.dims.end(), dim) == d.dims.end() || dim == kChildAreaDim ||
        dim == kMonthDim) {
      error = problem::NoDimension(d.code, "disaggregation", dim);
      return std::nullopt;
    }
    if (!dims.insert(dim).second) {
      error = problem::TermGivenTwice(dim);
      return std::nullopt;
    }
    pairs.emplace_back(std::move(dim), std::move(value));
  }
  return DisaggregationKey(std::move(pairs));
}

std::optional<double> ParseTargetValue(const std::string& text) {
  try {
    std::size_t used = 0;
    const double value = std::stod(text, &used);
    if (used != text.size() || !std::isfinite(value) || value < 0) return std::nullopt;
    return value;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::optional<double> RollUpTarget(const std::vector<Target>& targets, const std::string& path,
                                   const Period& period, const std::string& disaggregation) {
  std::vector<const Target*> own;
  std::set<std::string> children;
  // Project to date begins on the project's start, inside a period: a target of that period
  // counts (a March target when the project began on 15 March).
  const bool ptd = period.kind == PeriodKind::kProjectToDate;
  for (const auto& t : targets) {
    if (t.disaggregation != disaggregation || t.period_end > period.end ||
        (ptd ? t.period_end < period.start : t.period_start < period.start))
      continue;
    if (t.area_path == path)
      own.push_back(&t);
    else if (t.area_path.size() > path.size() && t.area_path.compare(0, path.size(), path) == 0)
      children.insert(ChildPathOf(t.area_path, path));
  }
  if (auto mine = OwnTarget(own, period)) return mine;
  std::optional<double> sum;
  for (const auto& c : children)
    if (auto v = RollUpTarget(targets, c, period, disaggregation)) sum = sum.value_or(0) + *v;
  return sum;
}

}  // namespace mobilise::domain
