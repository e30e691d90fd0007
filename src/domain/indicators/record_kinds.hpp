// The kinds of record an indicator can count, and for each the measures, fields, filters and
// disaggregations it offers. Storage maps every name here to SQL (indicator_sql.cpp); a test
// checks the two agree.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mobilise::domain {

struct FilterField {
  std::string name;
  bool boolean = false;  // values "true" / "false"
};

struct RecordKind {
  std::string code;
  // Stock: the period value counts what started in the period (formed, registered, joined) and
  // the cumulative value what exists at its end. Flow: the period value counts what happened in
  // the period, the cumulative value what happened from the project's start to the period's end.
  bool stock = false;
  std::vector<std::string> measures;
  std::vector<std::string> sum_fields, average_fields;
  std::vector<FilterField> filters;
  std::vector<std::string> dims;  // besides child_area and month, which every kind has
  // Dimensions that are attributes of the person (household) a distinct_people
  // (distinct_households) measure counts, one value each: its distinct counts add up over them.
  std::vector<std::string> person_dims, household_dims;
  // Sum and distinct take a question of a form (its instance path, "/data/household/size")
  // instead of a listed field; the indicator then filters on exactly one form.
  bool question_fields = false;
};

const std::vector<RecordKind>& RecordKinds();
const RecordKind* FindRecordKind(std::string_view code);

// Dimensions every record kind offers.
inline constexpr std::string_view kChildAreaDim = "child_area";
inline constexpr std::string_view kMonthDim = "month";

}  // namespace mobilise::domain
