// A report Document as one CSV file (RFC 4180) for spreadsheet users.
//
// Layout, top to bottom: the title, the subtitle, the cover facts (label, value), then for each
// section its tables, its charts (as the table of their data) and its narrative; each block is
// preceded by one line naming it ("Section — Table") and followed by a blank line. Photos are
// not exported.
//
// - UTF-8 with a byte-order mark, so that Excel does not read the text as ANSI; CRLF line ends.
// - Cells with a comma, quote, CR or LF are quoted, quotes doubled.
// - A cell with a number is written as that number in plain form (87.5, 1234: no thousands
//   separator, no "%" — the header says what it counts), so spreadsheets read numbers.
// - Text cells that a spreadsheet would run as a formula (first character = + - @, tab or CR)
//   get a leading apostrophe (CSV injection); numeric cells never do.
// Writes to `out` as it goes; stream errors are left in the stream's state for the caller.
#pragma once

#include <ostream>
#include <string_view>

#include "reports/document.hpp"

namespace mobilise::reports {

void RenderCsv(const Document& document, std::ostream& out);

}  // namespace mobilise::reports
