#include "reports/plain_number.hpp"

#include <algorithm>
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

std::string GroupedNumber(double value, int decimals, std::string_view separator,
                          std::size_t group_from) {
  if (!std::isfinite(value)) return "";
  char buf[400];
  auto end = std::to_chars(buf, buf + sizeof buf, std::fabs(value), std::chars_format::fixed,
                           std::clamp(decimals, 0, 6));
  const std::string digits(buf, end.ptr);
  const std::size_t point = std::min(digits.find('.'), digits.size());
  std::string out = value < 0 && digits.find_first_of("123456789") != std::string::npos ? "-" : "";
  for (std::size_t i = 0; i < point; ++i) {
    if (i > 0 && (point - i) % 3 == 0 && point >= group_from) out += separator;
    out += digits[i];
  }
  return out + digits.substr(point);
}

}  // namespace mobilise::reports
