// One problem found in one row of an imported file (row = the file's row number).
#pragma once

#include <optional>
#include <string>

#include "core/field_problem.hpp"

namespace mobilise::domain {

struct ImportRowError {
  int row = 0;
  std::string column;
  std::string code;
  std::string message;
  // When the row failed a field check of the services: that check's problem (message is its
  // English text), for a client to say in its user's language.
  std::optional<FieldProblem> problem;
};

}  // namespace mobilise::domain
