// One problem found in one row of an uploaded table. Importers collect ALL of them (never stop at
// the first) and show them to the user as "row 7, column sex: must be one of f, m, x".
#pragma once

#include <string>

namespace mobilise::importers {

struct RowError {
  int row = 0;          // as the user sees it in the file: 1-based, the header is row 1
  std::string column;   // the header name of the column; empty when the problem is the whole row
  std::string code;     // stable short id, e.g. "formula", "ragged", "required", "invalid"
  std::string message;  // human-readable reason, in English
};

}  // namespace mobilise::importers
