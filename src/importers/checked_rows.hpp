// A CSV/XLSX file read as rows of the columns in `specs` (in spec order, "" for absent columns),
// each cell checked for spreadsheet formulas; shared by the record imports.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "domain/import_row_error.hpp"
#include "importers/table.hpp"
#include "importers/tabular.hpp"

namespace mobilise::importers {

struct CheckedRow {
  int row = 0;  // the file's row number
  std::vector<std::string> cells;
};

struct CheckedRows {
  std::vector<CheckedRow> rows;
  std::vector<domain::ImportRowError> errors;  // rows left out of `rows`, with the reason
};

// Fails when the file cannot be read as a table or the header lacks a required column or has
// unknown ones.
Result<CheckedRows> ReadCheckedRows(std::string_view bytes, std::string_view content_type,
                                    const ReadLimits& limits, std::span<const ColumnSpec> specs);

}  // namespace mobilise::importers
