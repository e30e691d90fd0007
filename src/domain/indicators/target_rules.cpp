#include "domain/indicators/target_rules.hpp"

#include <algorithm>
#include <cmath>
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

// The months a target's period covers, less one: 0 a month, 2 a quarter, 5 a half-year, 11 a
// year (targets are set for whole months), to compare kinds of period.
int MonthSpan(const Target& t) {
  auto month = [](const std::string& d) {
    return std::stoi(d.substr(0, 4)) * 12 + std::stoi(d.substr(5, 2));
  };
  return month(t.period_end) - month(t.period_start);
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
  std::optional<double> exact;
  std::set<std::string> children;
  int longest = -1;
  double longest_sum = 0;
  bool own = false;
  for (const auto& t : targets) {
    if (t.disaggregation != disaggregation) continue;
    if (t.area_path == path) {
      own = true;
      // Its days (a target of the same days named under another fiscal year counts too; the one
      // of the period's own name first).
      if (t.period_start == period.start && t.period_end == period.end &&
          (!exact || t.period == period.text))
        exact = t.value;
      const int span = MonthSpan(t);
      if (span > longest) longest = span, longest_sum = 0;
      if (span == longest) longest_sum += t.value;
    } else if (t.area_path.size() > path.size() && t.area_path.compare(0, path.size(), path) == 0) {
      children.insert(ChildPathOf(t.area_path, path));
    }
  }
  if (exact) return exact;
  if (own) return longest_sum;
  if (children.empty()) return std::nullopt;
  std::optional<double> sum;
  for (const auto& c : children)
    if (auto v = RollUpTarget(targets, c, period, disaggregation)) sum = sum.value_or(0) + *v;
  return sum;
}

}  // namespace mobilise::domain
