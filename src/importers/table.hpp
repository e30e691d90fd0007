// A table read from an uploaded CSV or XLSX file, independent of the file format.
//
// Contract (both readers):
// - `header` is the first non-blank row, with trailing empty cells dropped. Its row number is
//   `header_row` (1 unless the file starts with blank rows).
// - Every entry of `rows` has exactly header.size() cells (missing trailing cells are ""), and
//   `row_numbers[i]` is the row of `rows[i]` as the user sees it in the file (1-based; for CSV a
//   quoted cell with line breaks counts as one row, as in a spreadsheet program). Blank rows are
//   skipped but the numbering of later rows is preserved.
// - `errors` holds the problems the reader found in individual rows (a formula cell, a row with
//   too many cells, an error value such as #N/A ...). A row with such an error is NOT in `rows`:
//   a caller cannot load it by mistake, and it merges `errors` into its own row report.
// - Cells are text exactly as written, except: XLSX numbers are rendered without a trailing ".0",
//   XLSX dates become YYYY-MM-DD (or "YYYY-MM-DD HH:MM:SS" for a date-time format), XLSX booleans
//   become TRUE / FALSE, and unquoted CSV cells lose surrounding spaces.
// - Nothing is ever evaluated: callers that store text should reject LooksLikeFormula() cells.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "importers/row_error.hpp"

namespace mobilise::importers {

struct Table {
  std::vector<std::string> header;
  int header_row = 1;
  std::vector<std::vector<std::string>> rows;
  std::vector<int> row_numbers;  // parallel to rows
  std::vector<RowError> errors;  // rows the reader could not accept, in file order

  // The header name of column `index` (0-based), or its spreadsheet letter ("AB") when the header
  // has no name there.
  std::string ColumnName(std::size_t index) const;
};

// Limits checked while reading, before the work is done (a too_large error is returned as soon as
// one is crossed, without reading further).
struct ReadLimits {
  std::size_t max_bytes = 20u << 20;         // size of the uploaded file
  std::size_t max_rows = 100'000;            // data rows, header not included
  std::size_t max_columns = 500;             // cells in the header
  std::size_t max_entry_bytes = 100u << 20;  // XLSX: uncompressed size of any one zip entry
};

// "A", "B", ... "Z", "AA" ... for a 0-based column index.
std::string ColumnLetters(std::size_t index);

// True when `cell` would be taken as a formula by a spreadsheet program if exported again
// (CSV injection): it starts (after leading spaces, tabs and line breaks) with "=" followed by
// anything, "@" followed by a non-space, or "+" / "-" followed by something that is not a plain
// number or phone number ("-3.5", "+93 700 123 456" and "-" are NOT formulas; "-2+3", "+A1",
// "-cmd|' /C calc'!A0" and "=1+1" are).
bool LooksLikeFormula(std::string_view cell);

// True when `text` is valid UTF-8 (no overlong forms, surrogates or code points above U+10FFFF).
bool IsValidUtf8(std::string_view text);

}  // namespace mobilise::importers
