#include "domain/trainings/period.hpp"

#include <cctype>
#include <cstdio>

namespace mobilise::domain {
namespace {

int DaysIn(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::string Day(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

Period Months(std::string text, int year, int first, int last) {
  return {std::move(text), Day(year, first, 1), Day(year, last, DaysIn(year, last))};
}

}  // namespace

std::optional<Period> ParsePeriod(std::string_view t) {
  if (t.size() < 4) return std::nullopt;
  for (int i = 0; i < 4; ++i)
    if (!std::isdigit(static_cast<unsigned char>(t[i]))) return std::nullopt;
  const int year = std::stoi(std::string(t.substr(0, 4)));
  if (year < 1900 || year > 2200) return std::nullopt;
  const std::string y(t.substr(0, 4));
  if (t.size() == 4) return Months(y, year, 1, 12);
  if (t.size() == 7 && t[4] == '-' && std::isdigit(static_cast<unsigned char>(t[5])) &&
      std::isdigit(static_cast<unsigned char>(t[6]))) {
    const int m = std::stoi(std::string(t.substr(5)));
    if (m < 1 || m > 12) return std::nullopt;
    return Months(std::string(t), year, m, m);
  }
  if (t.size() == 6 && (t[4] == 'Q' || t[4] == 'q') && t[5] >= '1' && t[5] <= '4') {
    const int q = t[5] - '0';
    return Months(y + "Q" + t[5], year, 3 * q - 2, 3 * q);
  }
  if (t.size() == 6 && (t[4] == 'S' || t[4] == 's') && (t[5] == '1' || t[5] == '2')) {
    const int h = t[5] - '0';
    return Months(y + "S" + t[5], year, 6 * h - 5, 6 * h);
  }
  return std::nullopt;
}

}  // namespace mobilise::domain
