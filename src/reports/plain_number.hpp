// Numbers as text for machines (CSV cells, chart data): locale-independent, no thousands
// separators, no exponent, at most 12 significant digits so that floating-point noise
// (66.66666666666667, 0.30000000000000004) does not reach the reader. And for readers
// (GroupedNumber): fixed decimals, thousands grouped.
#pragma once

#include <string>
#include <string_view>

namespace mobilise::reports {

// 1234 -> "1234", -3.5 -> "-3.5", 2.0/3 * 100 -> "66.6666666667", 1e20 -> "100000000000000000000".
// NaN and infinities give "" (an empty cell: there is no honest number to show).
std::string PlainNumber(double value);

// `value` with `decimals` (0 to 6) decimals, the whole part grouped by threes with `separator`
// when it has at least `group_from` digits: (12345.5, 1, ",", 4) -> "12,345.5", (1234, 0, ",", 5)
// -> "1234". No "-0" ((-0.01, 1) -> "0.0"); NaN and infinities give "".
std::string GroupedNumber(double value, int decimals, std::string_view separator,
                          std::size_t group_from);

}  // namespace mobilise::reports
