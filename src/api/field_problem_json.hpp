// Field problems in JSON: error.field_codes[path] = {"code": "out_of_range", "params": {"min":
// "0", "max": "120"}} (docs: the contract in the error schema of /api/v1/openapi.json), and the
// catalogue the document publishes as x-field-codes.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "api/schema.hpp"
#include "core/field_problem.hpp"

namespace mobilise::api {

// {"code": ..., "params": {...}}: each param a string, or an array of strings for a list.
boost::json::value FieldProblemJson(const FieldProblem& problem);
// Its schema: code is one of the catalogue's codes.
boost::json::object FieldProblemSchema();
// {code: {"template": "<English template>", "params": ["min", "max"]}} for every code.
boost::json::object FieldCodesCatalogue();

template <>
struct JsonOf<FieldProblem> {
  static boost::json::object Schema() { return FieldProblemSchema(); }
  static boost::json::value Write(const FieldProblem& p) { return FieldProblemJson(p); }
};

}  // namespace mobilise::api
