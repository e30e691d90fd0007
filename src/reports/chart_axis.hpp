// Value axes for charts: "nice" tick values (1, 2, 2.5 or 5 times a power of ten) that cover the
// data and zero, and their labels.
#pragma once

#include <string>
#include <vector>

namespace mobilise::reports {

struct AxisScale {
  double min = 0, max = 1, step = 1;  // min and max are multiples of step
  int decimals = 0;                   // what the tick labels need
  std::vector<double> ticks;          // min, min + step, ... max
};

// An axis from at most about `max_ticks` ticks covering [data_min, data_max] and 0. With
// `integers` the step is at least 1 (counts have no half people). Equal or non-finite bounds give
// a unit range.
AxisScale NiceScale(double data_min, double data_max, int max_ticks = 6, bool integers = false);

// `value` with `decimals` decimals and thousands grouped by a narrow no-break space
// (U+202F, as in "12 345.5"): readable in every language of the UI and kept together by the
// bidi algorithm in right-to-left text.
std::string AxisLabel(double value, int decimals);

}  // namespace mobilise::reports
