// The pure checks of an indicator definition: its code, its measure for its record kind, its
// fields, filters and disaggregations. No database: what a definition refers to (other
// indicators, configured codes) comes through a DefinitionLookup, so tests hand in tables.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/indicators/indicator.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {

// Every measure a definition may name (a record kind offers some of them; ratio has none).
inline constexpr std::string_view kIndicatorMeasures[] = {
    "count", "distinct_people", "distinct_households", "sum", "average", "distinct", "ratio"};

// `x` is one of `v` (dimensions, fields, codes: a handful each).
bool Has(const std::vector<std::string>& v, std::string_view x);

// An indicator code: 2 to 40 of A-Z, 0-9 and _, starting with a letter.
bool IsIndicatorCode(std::string_view code);
// A filter value or DHIS2 code: 1 to 64 of letters, digits and _ - . +
bool IsValueToken(std::string_view token);

// What a definition refers to, looked up on demand (a check that stops early reads nothing).
struct DefinitionLookup {
  // The indicator of `code`, none when there is no such indicator.
  std::function<std::optional<Indicator>(const std::string& code)> indicator;
  // The configured codes a filter of `record` on `field` takes (types, topics, bands,
  // categories); empty: any value token. Fixed vocabularies (sex, age band, member kind) are
  // known to the rules and never asked for.
  std::function<std::vector<std::string>(const std::string& record, const std::string& field)>
      configured;
};

// Adds an error per field of `d` that is not a valid definition: a ratio of two non-ratio
// indicators other than itself, or a measure its record kind offers with the fields, filters
// and disaggregations the kind allows ("filters[1].values", "dims[0]").
void CheckDefinition(const Indicator& d, const DefinitionLookup& lookup, FieldErrors& errors);
// Name (required), description and the name's translations.
void CheckIndicatorTexts(const Indicator& d, FieldErrors& errors);

// Whether `dim` may disaggregate `d` in a request: one of its dims, or child area or month.
bool MayDisaggregate(const Indicator& d, std::string_view dim);
// Whether the indicator's record kind is a stock (what exists at the period's end). False for
// a ratio: a ratio is a stock when its numerator is.
bool IsStock(const Indicator& d);

// `values` joined with `separator` ("a, b").
std::string JoinValues(const std::vector<std::string>& values, std::string_view separator);

}  // namespace mobilise::domain
