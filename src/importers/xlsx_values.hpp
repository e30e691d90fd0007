// Internal to the XLSX reader, exposed for tests: how cell values in SpreadsheetML are turned into
// the text a user saw in Excel.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace mobilise::importers::detail {

enum class NumberKind { kPlain, kDate, kDateTime, kTime };

// Built-in number formats: 14-17, 27-36 and 50-58 are dates, 22 is a date and time, 18-21 and
// 45-47 are times; everything else is plain.
NumberKind BuiltinFormatKind(int num_fmt_id);

// A custom format code (from styles.xml) classified by its date/time letters, ignoring quoted
// text, [..] sections and escaped characters: d or y (or m without h or s) make a date; h or s
// make a time; both make a date and time. "0.00", "General" and "@" are plain.
NumberKind CustomFormatKind(std::string_view format_code);

// A number as written in the XML, shown as Excel shows it: "5.0" -> "5", "1.5E3" -> "1500";
// other decimals are kept as written ("0.1" stays "0.1").
std::string RenderNumber(std::string_view written);

// An Excel serial date (days since 1899-12-30, or since 1904-01-01 in the 1904 system) as
// "YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS" or "HH:MM:SS" for `kind`. nullopt when the number is not a
// real date (negative, above 9999-12-31, or the 1900-02-29 that Excel invents).
std::optional<std::string> RenderSerialDate(std::string_view written, NumberKind kind,
                                            bool date1904);

// Decodes the _xHHHH_ escapes SpreadsheetML uses for control characters ("_x000D_" -> "\r").
std::string DecodeEscapes(std::string_view text);

// The 0-based column of a cell reference ("C5" -> 2, "AA1" -> 26); nullopt when malformed or past
// column XFD (16384).
std::optional<std::size_t> ColumnOfReference(std::string_view reference);

}  // namespace mobilise::importers::detail
