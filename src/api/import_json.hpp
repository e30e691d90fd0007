// The answer of the file imports (POST /areas/import, /households/import, /institutions/import,
// /training-plans/import, /targets/import): {ok, dry_run, rows, <counts>..., errors}.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "api/schema.hpp"
#include "domain/import_row_error.hpp"

namespace mobilise::api {

const Shape<domain::ImportRowError>& ImportRowErrorShape();
// The errors by row (stable: a row's errors keep their order).
boost::json::array ImportErrorsJson(std::vector<domain::ImportRowError> errors);
// The schema of an import's answer whose counts (integers) are `counts`.
boost::json::object ImportAnswerSchema(const std::vector<std::string>& counts);

}  // namespace mobilise::api
