#include "reports/plain_number.hpp"

#include <charconv>
#include <cmath>

namespace mobilise::reports {

std::string PlainNumber(double value) {
  if (!std::isfinite(value)) return "";
  // Round to 12 significant digits through text (exact, locale-free), then print that double in
  // the shortest fixed notation that reads back to it.
  char buf[400];
  auto rounded = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::general, 12);
  double r = value;
  std::from_chars(buf, rounded.ptr, r);
  if (r == 0) r = 0;  // no "-0"
  auto out = std::to_chars(buf, buf + sizeof buf, r, std::chars_format::fixed);
  return std::string(buf, out.ptr);
}

}  // namespace mobilise::reports
