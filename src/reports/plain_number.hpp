// Numbers as text for machines (CSV cells, chart data): locale-independent, no thousands
// separators, no exponent, at most 12 significant digits so that floating-point noise
// (66.66666666666667, 0.30000000000000004) does not reach the reader.
#pragma once

#include <string>

namespace mobilise::reports {

// 1234 -> "1234", -3.5 -> "-3.5", 2.0/3 * 100 -> "66.6666666667", 1e20 -> "100000000000000000000".
// NaN and infinities give "" (an empty cell: there is no honest number to show).
std::string PlainNumber(double value);

}  // namespace mobilise::reports
