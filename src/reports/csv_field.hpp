// One CSV field (RFC 4180), shared by the report CSV and the row-table CSVs: quoted when it holds
// a comma, quote, CR or LF (quotes doubled); with `guard`, text a spreadsheet would run as a
// formula (first character = + - @, tab or CR) gets a leading apostrophe (CSV injection).
#pragma once

#include <ostream>
#include <string_view>

namespace mobilise::reports {

// Text a spreadsheet would run as a formula (=, +, -, @, tab, CR first).
bool StartsLikeFormula(std::string_view text);
// One RFC 4180 field: quoted when it holds a comma, quote, CR or LF, quotes doubled; with
// `guard`, text that starts like a formula gets a leading apostrophe.
void WriteCsvField(std::ostream& out, std::string_view text, bool guard);

}  // namespace mobilise::reports
