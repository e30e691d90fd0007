#include "domain/indicators/indicator_rules.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "domain/demographics.hpp"
#include "domain/indicators/record_kinds.hpp"

namespace mobilise::domain {
namespace {

// What records without a sex or an age are grouped and filtered as (the SQL's COALESCE).
constexpr std::string_view kUnknown = "unknown";

template <typename Codes>
std::vector<std::string> WithUnknown(const Codes& codes) {
  std::vector<std::string> out(codes.begin(), codes.end());
  out.emplace_back(kUnknown);
  return out;
}

// The values a filter on `field` may take: a fixed vocabulary, configured codes, or (empty) any
// value token.
std::vector<std::string> KnownValues(const std::string& record, const std::string& field,
                                     const DefinitionLookup& lookup) {
  if (field == "sex") return WithUnknown(kSexes);
  if (field == "age_band") return WithUnknown(kAgeBandCodes);
  if (field == "member_kind") return {"household", "person", "institution"};
  if (record == "submission" && field == "review_state")  // rejected ones are never counted
    return {"received", "has_issues", "approved", "edited"};
  return lookup.configured ? lookup.configured(record, field) : std::vector<std::string>{};
}

void CheckFilterValues(const std::string& record, const IndicatorFilter& f,
                       const std::string& field, const DefinitionLookup& lookup,
                       FieldErrors& errors) {
  const std::vector<std::string> known = KnownValues(record, f.field, lookup);
  for (const auto& v : f.values) {
    if (!IsValueToken(v)) {
      errors[field] = problem::NotAValidValue(v);
      return;
    }
    if (!known.empty() && !Has(known, v)) {
      errors[field] = problem::UnknownValue(v, known);
      return;
    }
  }
}

// A ratio: two other non-ratio indicators; it may be disaggregated by the dims both have.
void CheckRatio(const Indicator& d, const DefinitionLookup& lookup, FieldErrors& errors,
                std::vector<std::string>& allowed_dims) {
  if (d.record) errors["record"] = problem::RatioHasNoRecord();
  if (!std::isfinite(d.scale) || d.scale <= 0) errors["scale"] = problem::PositiveNumber();
  if (!d.filters.empty()) errors["filters"] = problem::RatioTakesFilters();
  std::optional<Indicator> parts[2];
  const std::pair<const char*, const std::optional<std::string>*> refs[] = {
      {"numerator", &d.numerator}, {"denominator", &d.denominator}};
  for (int i = 0; i < 2; ++i) {
    const auto& [name, ref] = refs[i];
    if (!*ref) {
      errors[name] = problem::RequiredForKind("ratio");
      continue;
    }
    parts[i] = lookup.indicator(**ref);
    if (!parts[i])
      errors[name] = problem::NoIndicator(**ref);
    else if (parts[i]->measure == "ratio")
      errors[name] = problem::NotItselfRatio();
    else if (**ref == d.code)
      errors[name] = problem::CannotDivideItself();
  }
  if (parts[0] && parts[1])
    for (const auto& dim : parts[0]->dims)
      if (Has(parts[1]->dims, dim)) allowed_dims.push_back(dim);
}

void CheckFilters(const Indicator& d, const RecordKind& kind, const DefinitionLookup& lookup,
                  FieldErrors& errors) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < d.filters.size(); ++i) {
    const auto& f = d.filters[i];
    const std::string name = "filters[" + std::to_string(i) + "]";
    auto it = std::find_if(kind.filters.begin(), kind.filters.end(),
                           [&](const FilterField& ff) { return ff.name == f.field; });
    if (it == kind.filters.end()) {
      std::vector<std::string> names;
      for (const auto& ff : kind.filters) names.push_back(ff.name);
      errors[name + ".field"] = problem::FiltersOn(kind.code, names);
      continue;
    }
    if (!seen.insert(f.field).second) errors[name + ".field"] = problem::ListedTwice();
    if (f.values.empty() || f.values.size() > 50) {
      errors[name + ".values"] = problem::CountOf(1, 50, "values");
      continue;
    }
    if (it->boolean) {
      for (const auto& v : f.values)
        if (v != "true" && v != "false") errors[name + ".values"] = problem::NotABoolean();
    } else {
      CheckFilterValues(kind.code, f, name + ".values", lookup, errors);
    }
  }
}

// A form question's path: "/" and XML names ("/data/household/size").
bool IsQuestionPath(std::string_view path) {
  if (path.size() < 2 || path.size() > 255 || path.front() != '/' || path.back() == '/')
    return false;
  bool start = true;
  for (const char c : path.substr(1)) {
    const bool letter = std::isalpha(static_cast<unsigned char>(c)) || c == '_';
    if (c == '/') {
      if (start) return false;
      start = true;
    } else if (start ? !letter
                     : !(letter || std::isdigit(static_cast<unsigned char>(c)) || c == '-' ||
                         c == '.')) {
      return false;
    } else {
      start = false;
    }
  }
  return true;
}

// Over a form's submissions: sum and distinct take one question of one form.
void CheckQuestionField(const Indicator& d, FieldErrors& errors) {
  const bool takes_question = d.measure == "sum" || d.measure == "distinct";
  if (!takes_question) {
    if (d.field) errors["field"] = problem::OnlyForSumOrAverage();
    return;
  }
  if (!d.field)
    errors["field"] = problem::RequiredForKind(d.measure);
  else if (!IsQuestionPath(*d.field))
    errors["field"] = problem::Invalid();
  const auto form = std::find_if(d.filters.begin(), d.filters.end(),
                                 [](const IndicatorFilter& f) { return f.field == "form"; });
  if (form == d.filters.end() || form->values.size() != 1)
    errors["filters"] = problem::RequiredForKind(d.measure);
}

// A measure of a record kind; false when there is no such kind (nothing more to check).
bool CheckMeasured(const Indicator& d, const DefinitionLookup& lookup, FieldErrors& errors,
                   std::vector<std::string>& allowed_dims) {
  if (d.numerator) errors["numerator"] = problem::OnlyForKind("ratio");
  if (d.denominator) errors["denominator"] = problem::OnlyForKind("ratio");
  const RecordKind* kind = d.record ? FindRecordKind(*d.record) : nullptr;
  if (!kind) {
    std::vector<std::string> names;
    for (const auto& k : RecordKinds()) names.push_back(k.code);
    errors["record"] = d.record ? problem::OneOf(names) : problem::Required();
    return false;
  }
  if (!Has(kind->measures, d.measure))
    errors["measure"] = problem::MeasuresOneOf(kind->code, kind->measures);
  if (kind->question_fields) {
    CheckQuestionField(d, errors);
  } else if (d.measure == "sum" || d.measure == "average") {
    const auto& fields = d.measure == "sum" ? kind->sum_fields : kind->average_fields;
    if (!d.field)
      errors["field"] = problem::RequiredOneOf(fields);
    else if (!Has(fields, *d.field))
      errors["field"] = problem::OneOf(fields);
  } else if (d.field) {
    errors["field"] = problem::OnlyForSumOrAverage();
  }
  CheckFilters(d, *kind, lookup, errors);
  allowed_dims.insert(allowed_dims.end(), kind->dims.begin(), kind->dims.end());
  return true;
}

}  // namespace

bool Has(const std::vector<std::string>& v, std::string_view x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

bool IsIndicatorCode(std::string_view c) {
  if (c.size() < 2 || c.size() > 40 || !(c[0] >= 'A' && c[0] <= 'Z')) return false;
  return std::all_of(c.begin(), c.end(), [](char ch) {
    return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
  });
}

bool IsValueToken(std::string_view t) {
  if (t.empty() || t.size() > 64) return false;
  return std::all_of(t.begin(), t.end(), [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-' || ch == '.' ||
           ch == '+';
  });
}

std::string JoinValues(const std::vector<std::string>& values, std::string_view separator) {
  std::string s;
  for (const auto& x : values) {
    if (!s.empty()) s += separator;
    s += x;
  }
  return s;
}

void CheckDefinition(const Indicator& d, const DefinitionLookup& lookup, FieldErrors& errors) {
  const std::vector<std::string> measures(std::begin(kIndicatorMeasures),
                                          std::end(kIndicatorMeasures));
  if (!Has(measures, d.measure)) {
    errors["measure"] = problem::OneOf(measures);
    return;
  }
  std::vector<std::string> allowed_dims = {std::string(kChildAreaDim), std::string(kMonthDim)};
  if (d.measure == "ratio")
    CheckRatio(d, lookup, errors, allowed_dims);
  else if (!CheckMeasured(d, lookup, errors, allowed_dims))
    return;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < d.dims.size(); ++i) {
    if (!Has(allowed_dims, d.dims[i]))
      errors["dims[" + std::to_string(i) + "]"] = problem::OneOf(allowed_dims);
    else if (!seen.insert(d.dims[i]).second)
      errors["dims[" + std::to_string(i) + "]"] = problem::ListedTwice();
  }
}

void CheckIndicatorTexts(const Indicator& d, FieldErrors& errors) {
  CheckName(errors, "name", d.name);
  CheckOptionalName(errors, "description", d.description, 2000);
  CheckTranslations(errors, "names", d.names);  // "names.ps", as the web form reads them
}

bool MayDisaggregate(const Indicator& d, std::string_view dim) {
  return Has(d.dims, dim) || dim == kChildAreaDim || dim == kMonthDim;
}

bool IsStock(const Indicator& d) {
  const RecordKind* k = d.record ? FindRecordKind(*d.record) : nullptr;
  return k && k->stock;
}

}  // namespace mobilise::domain
