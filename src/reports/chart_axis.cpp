#include "reports/chart_axis.hpp"

#include <algorithm>
#include <cmath>

#include "reports/plain_number.hpp"

namespace mobilise::reports {

AxisScale NiceScale(double data_min, double data_max, int max_ticks, bool integers) {
  if (!std::isfinite(data_min) || !std::isfinite(data_max)) data_min = data_max = 0;
  double lo = std::min(0.0, std::min(data_min, data_max));
  double hi = std::max(0.0, std::max(data_min, data_max));
  if (hi - lo <= 0) hi = lo + 1;
  max_ticks = std::max(2, max_ticks);
  double rough = (hi - lo) / (max_ticks - 1);
  double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
  double residual = rough / magnitude;
  // 2.5 is not offered for counts: 2.5 people is not a tick a reader expects.
  double nice = residual <= 1                  ? 1
                : residual <= 2                ? 2
                : residual <= 2.5 && !integers ? 2.5
                : residual <= 5                ? 5
                                               : 10;
  AxisScale scale;
  scale.step = nice * magnitude;
  if (integers && scale.step < 1) scale.step = nice = magnitude = 1;
  // Small tolerances so that 100 / 20 lands on 5, not on 6 ticks because of rounding.
  scale.min = std::floor(lo / scale.step + 1e-9) * scale.step;
  scale.max = std::ceil(hi / scale.step - 1e-9) * scale.step;
  int count = static_cast<int>(std::lround((scale.max - scale.min) / scale.step));
  for (int i = 0; i <= count; ++i) scale.ticks.push_back(scale.min + i * scale.step);
  double digits = -std::floor(std::log10(scale.step) + 1e-9);
  scale.decimals = std::max(0, static_cast<int>(digits) + (nice == 2.5 && digits >= 0 ? 1 : 0));
  return scale;
}

std::string AxisLabel(double value, int decimals) {
  return GroupedNumber(value, decimals, "\xE2\x80\xAF", 5);
}

}  // namespace mobilise::reports
