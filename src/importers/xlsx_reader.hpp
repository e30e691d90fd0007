// XLSX reader for uploaded workbooks, from memory (uploads arrive as bytes).
//
// - Reads the first visible worksheet, or the one named `sheet_name` (exact name, then
//   case-insensitive), found through the package relationships and xl/workbook.xml.
// - Cells: shared strings (rich text joined, phonetic runs dropped), inline strings, numbers
//   (integers without ".0", decimals as written), booleans (TRUE / FALSE), dates and times (a
//   number styled with a date format: built-in ids 14-22 etc. or a custom code with d/m/y) as
//   YYYY-MM-DD, "YYYY-MM-DD HH:MM:SS" or "HH:MM:SS", in the 1900 or 1904 date system.
// - A cell with a formula is never imported (not even its cached value): the row goes to
//   Table::errors with code "formula". Error values (#N/A ...) give code "cell_error", impossible
//   dates code "invalid". Sparse cells are placed by their reference (r="C5"); blank rows are
//   skipped, row numbers are those of the sheet.
// - Safety: a file that is not a zip, or a zip that is not a workbook, or is truncated or damaged,
//   is a validation error; any zip entry read must stay within limits.max_entry_bytes
//   uncompressed (checked against the size it claims before inflating, and while inflating) and
//   the sheet within limits.max_rows data rows, else too_large; limits.max_bytes bounds the file.
//   XML is streamed with expat; a DOCTYPE anywhere is rejected, so no entity is ever expanded.
// See table.hpp for the shape of the result.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "importers/table.hpp"

namespace mobilise::importers {

Result<Table> ReadXlsx(std::string_view bytes, const ReadLimits& limits,
                       std::string_view sheet_name = {});

// The worksheet names in workbook order (hidden ones included), e.g. to let the user choose.
Result<std::vector<std::string>> ListXlsxSheets(std::string_view bytes, const ReadLimits& limits);

}  // namespace mobilise::importers
