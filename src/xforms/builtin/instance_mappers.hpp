// A submission of a built-in form -> the input the web app's service takes for the same record
// (the same rules then apply), and the service's field errors -> the form's question paths, so
// Collect's user reads which question to fix. Pure: no database, table-tested.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "domain/activities/activity_service.hpp"
#include "domain/feedback/feedback_service.hpp"
#include "domain/registry/household_service.hpp"
#include "domain/validation.hpp"
#include "xforms/xform.hpp"

namespace mobilise::xforms::builtin {

// A service's field (or the start of one: "people[0]", "counts[3]") -> the form's question path.
using FieldPaths = std::map<std::string, std::string>;

template <class Input>
struct Mapped {
  Input input;
  FieldPaths paths;
  std::optional<std::string> photo;  // the activity's attendance photo, as the instance names it
};

// The record's id: the instance's UUID ("uuid:0f1e..." -> "0f1e..."), else nullopt.
std::optional<std::string> RecordIdOf(const Instance& instance);

// Each fails with a validation error on the form's paths when a value cannot be read (a count
// that is not a whole number, a location that is not "lat lon [alt acc]").
Result<Mapped<domain::ActivityInput>> MapActivity(const Instance& instance);
Result<Mapped<domain::HouseholdInput>> MapHousehold(const Instance& instance);
Result<Mapped<domain::FeedbackInput>> MapFeedback(const Instance& instance);

// `errors` with each field renamed to its question: the longest entry of `paths` that is the
// field or starts it (followed by '.' or '['); what follows a repeat's entry ("people[0]" ->
// "/data/person[1]") is appended as a path (".wg.seeing" -> "/wg/seeing"). Fields with no entry
// keep their name.
domain::FieldErrors FormFieldErrors(const domain::FieldErrors& errors, const FieldPaths& paths);

}  // namespace mobilise::xforms::builtin
