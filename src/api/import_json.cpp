#include "api/import_json.hpp"

#include <algorithm>

#include "api/field_problem_json.hpp"

namespace mobilise::api {

namespace json = boost::json;

const Shape<domain::ImportRowError>& ImportRowErrorShape() {
  using E = domain::ImportRowError;
  static const auto shape = Shape<E>("ImportRowError")
                                .Field("row", &E::row)
                                .Field("column", &E::column)
                                .Field("code", &E::code)
                                .Field("message", &E::message)
                                // The row's field problem as a code and params, when it has one.
                                .WhenPresent("field_code", [](const E& e) { return e.problem; });
  return shape;
}

json::array ImportErrorsJson(std::vector<domain::ImportRowError> errors) {
  std::stable_sort(errors.begin(), errors.end(),
                   [](const auto& a, const auto& b) { return a.row < b.row; });
  json::array out;
  for (const auto& e : errors) out.push_back(ImportRowErrorShape().Write(e));
  return out;
}

json::object ImportAnswerSchema(const std::vector<std::string>& counts) {
  json::object properties{{"ok", TypeSchema("boolean")},
                          {"dry_run", TypeSchema("boolean")},
                          {"rows", TypeSchema("integer")}};
  std::vector<std::string> required{"ok", "dry_run", "rows"};
  for (const auto& c : counts) {
    properties[c] = TypeSchema("integer");
    required.push_back(c);
  }
  properties["errors"] = ArraySchema(ImportRowErrorShape().Use());
  required.push_back("errors");
  return ObjectSchema(std::move(properties), required);
}

}  // namespace mobilise::api
