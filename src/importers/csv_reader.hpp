// CSV reader (RFC 4180) for uploaded files.
//
// - Quoted cells may contain the delimiter, line breaks and "" (a literal quote); nothing inside
//   quotes is changed. Unquoted cells lose surrounding spaces (and tabs unless tab delimits).
// - Lines end with CRLF, LF or CR. A quoted cell with line breaks is one row, as in a spreadsheet.
// - The delimiter is detected from the header line: the most frequent of ',', ';' and tab outside
//   quotes (',' when none or tied), unless one is given.
// - The text must be UTF-8: a UTF-8 BOM is skipped; a UTF-16 BOM, invalid UTF-8 (a Windows-1252
//   or UTF-16 file) or a NUL byte is a validation error naming the row and telling the user to
//   save the file as "CSV UTF-8".
// - Structural errors (a quote never closed, text after a closing quote) are validation errors
//   naming the row: the rest of the file cannot be trusted. A row with more or fewer cells than
//   the header (trailing empty cells aside) goes to Table::errors with code "ragged".
// - limits.max_bytes is checked before reading; max_rows / max_columns as soon as crossed; both
//   give a too_large error.
// See table.hpp for the shape of the result. Formulas are never evaluated; see LooksLikeFormula.
#pragma once

#include <string_view>

#include "core/result.hpp"
#include "importers/table.hpp"

namespace mobilise::importers {

// The delimiter ReadCsv would use for `bytes` (',', ';' or '\t').
char DetectCsvDelimiter(std::string_view bytes);

// `delimiter` 0 means detect.
Result<Table> ReadCsv(std::string_view bytes, const ReadLimits& limits, char delimiter = 0);

}  // namespace mobilise::importers
