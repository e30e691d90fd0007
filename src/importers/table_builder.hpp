// Internal to the readers: turns the rows a reader found into a Table following the contract in
// table.hpp (header detection, blank rows, padding, extra cells, limits). Not for callers.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "importers/table.hpp"

namespace mobilise::importers::detail {

// A problem the reader found in one cell (e.g. a formula); the row is then rejected.
struct CellProblem {
  std::size_t column = 0;  // 0-based
  std::string code;
  std::string message;
};

class TableBuilder {
 public:
  // `strict_width`: a data row with fewer cells than the header is an error (CSV: every row of
  // a well-formed file has all its delimiters; XLSX rows are sparse, so there it is false).
  TableBuilder(const ReadLimits& limits, bool strict_width);

  // Adds the next row of the file. `cells` are dense (index = column). Returns too_large when a
  // limit is crossed, or a validation error when the header row itself is unusable.
  Status AddRow(int row_number, std::vector<std::string> cells,
                std::vector<CellProblem> problems = {});

  // A validation error when the file had no header row at all.
  Result<Table> Finish() &&;

 private:
  const ReadLimits& limits_;
  bool strict_width_;
  bool have_header_ = false;
  std::size_t data_rows_ = 0;
  Table table_;
};

}  // namespace mobilise::importers::detail
