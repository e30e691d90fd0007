#include "importers/xlsx_values.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace mobilise::importers::detail {

NumberKind BuiltinFormatKind(int id) {
  if ((id >= 14 && id <= 17) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) {
    return NumberKind::kDate;
  }
  if (id == 22) return NumberKind::kDateTime;
  if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) return NumberKind::kTime;
  return NumberKind::kPlain;
}

NumberKind CustomFormatKind(std::string_view code) {
  bool d = false, m = false, y = false, h = false, s = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"') {  // quoted literal
      std::size_t end = code.find('"', i + 1);
      if (end == std::string_view::npos) break;
      i = end;
      continue;
    }
    if (c == '[') {  // [Red], [$-409], [h] (elapsed hours)
      std::size_t end = code.find(']', i + 1);
      if (end == std::string_view::npos) break;
      std::string_view inside = code.substr(i + 1, end - i - 1);
      if (inside == "h" || inside == "hh" || inside == "m" || inside == "mm" || inside == "s" ||
          inside == "ss") {
        h = true;
      }
      i = end;
      continue;
    }
    if (c == '\\' || c == '_' || c == '*') {  // escaped / padding character
      ++i;
      continue;
    }
    switch (c | 0x20) {  // ASCII lower case
      case 'd':
        d = true;
        break;
      case 'm':
        m = true;
        break;
      case 'y':
        y = true;
        break;
      case 'h':
        h = true;
        break;
      case 's':
        s = true;
        break;
      default:
        break;
    }
  }
  bool date = d || y || (m && !h && !s);
  bool time = h || s;
  if (date && time) return NumberKind::kDateTime;
  if (date) return NumberKind::kDate;
  if (time) return NumberKind::kTime;
  return NumberKind::kPlain;
}

std::string RenderNumber(std::string_view written) {
  std::string_view digits = written;
  if (!digits.empty() && digits.front() == '-') digits.remove_prefix(1);
  std::size_t dot = digits.find('.');
  bool has_exponent = digits.find_first_of("eE") != std::string_view::npos;
  if (!has_exponent && dot != std::string_view::npos && dot > 0 &&
      digits.find_first_not_of('0', dot + 1) == std::string_view::npos) {
    return std::string(written.substr(0, written.size() - (digits.size() - dot)));  // "5.0"
  }
  if (has_exponent) {
    double value = 0;
    auto [end, ec] = std::from_chars(written.data(), written.data() + written.size(), value);
    if (ec == std::errc() && end == written.data() + written.size() && std::isfinite(value)) {
      if (value == std::floor(value) && std::fabs(value) < 1e15) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.0f", value);
        return buffer;
      }
      char buffer[32];
      auto [p, ec2] = std::to_chars(buffer, buffer + sizeof buffer, value);
      if (ec2 == std::errc()) return std::string(buffer, p);
    }
  }
  return std::string(written);
}

namespace {

// Howard Hinnant's civil_from_days: days since 1970-01-01 -> y, m, d.
void CivilFromDays(long long z, long long& y, unsigned& m, unsigned& d) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<long long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
}

}  // namespace

std::optional<std::string> RenderSerialDate(std::string_view written, NumberKind kind,
                                            bool date1904) {
  double serial = 0;
  auto [end, ec] = std::from_chars(written.data(), written.data() + written.size(), serial);
  if (ec != std::errc() || end != written.data() + written.size() || !std::isfinite(serial) ||
      serial < 0 || serial >= 2958466) {
    return std::nullopt;
  }
  long long total_seconds = std::llround(serial * 86400.0);
  long long days = total_seconds / 86400;
  long long seconds = total_seconds % 86400;
  char time[16];
  std::snprintf(time, sizeof time, "%02lld:%02lld:%02lld", seconds / 3600, seconds / 60 % 60,
                seconds % 60);
  if (kind == NumberKind::kTime) return std::string(time);

  long long since_epoch;  // days since 1970-01-01
  if (date1904) {
    since_epoch = days - 24107;
  } else {
    if (days == 60 || days == 0) return std::nullopt;  // 1900-02-29 and 1900-01-00 do not exist
    since_epoch = days < 60 ? days - 25568 : days - 25569;
  }
  long long y;
  unsigned m, d;
  CivilFromDays(since_epoch, y, m, d);
  if (y > 9999) return std::nullopt;
  char date[16];
  std::snprintf(date, sizeof date, "%04lld-%02u-%02u", y, m, d);
  if (kind == NumberKind::kDateTime) return std::string(date) + " " + time;
  return std::string(date);
}

std::string DecodeEscapes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && hex(text[i + 2]) &&
        hex(text[i + 3]) && hex(text[i + 4]) && hex(text[i + 5]) && text[i + 6] == '_') {
      unsigned cp = 0;
      std::from_chars(text.data() + i + 2, text.data() + i + 6, cp, 16);
      if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
      } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      } else {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      }
      i += 6;
      continue;
    }
    out.push_back(text[i]);
  }
  return out;
}

std::optional<std::size_t> ColumnOfReference(std::string_view reference) {
  std::size_t column = 0;
  std::size_t i = 0;
  while (i < reference.size() && i < 4) {
    char c = reference[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + static_cast<std::size_t>(c - 'A' + 1);
    ++i;
  }
  if (i == 0 || column > 16384) return std::nullopt;
  if (i < reference.size() && !(reference[i] >= '0' && reference[i] <= '9')) return std::nullopt;
  return column - 1;
}

}  // namespace mobilise::importers::detail
