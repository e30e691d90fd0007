#include "domain/validation.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "core/clock.hpp"

namespace mobilise::domain {

std::size_t CodePoints(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string AsciiLower(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

static bool HasControl(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
  });
}

void CheckOptionalName(FieldErrors& errors, const std::string& field, std::string_view value,
                       std::size_t max) {
  if (value.empty()) return;
  if (value.find_first_not_of(' ') == std::string_view::npos)
    errors[field] = "must not be only spaces";
  else if (CodePoints(value) > max)
    errors[field] = "must be at most " + std::to_string(max) + " characters";
  else if (HasControl(value))
    errors[field] = "must not contain control characters";
}

void CheckName(FieldErrors& errors, const std::string& field, std::string_view value,
               std::size_t max) {
  if (value.empty()) {
    errors[field] = "is required";
    return;
  }
  CheckOptionalName(errors, field, value, max);
}

void CheckTranslations(FieldErrors& errors, const std::string& field, const Translations& names) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto& [lang, name] = names[i];
    if (!IsLanguageCode(lang)) {
      errors[field + "[" + std::to_string(i) + "]"] = "a language code such as ps, uk, mr";
      continue;
    }
    if (!seen.insert(lang).second) errors[field + "." + lang] = "given twice";
    CheckName(errors, field + "." + lang, name);
  }
}

void CheckCode(FieldErrors& errors, const std::string& field, std::string_view value) {
  if (value.empty()) {
    errors[field] = "is required";
  } else if (value.size() > 64) {
    errors[field] = "must be at most 64 characters";
  } else if (!std::all_of(value.begin(), value.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '_' || c == '-';
             })) {
    errors[field] = "may contain only letters A-Z, digits, '.', '_' and '-'";
  }
}

}  // namespace mobilise::domain

namespace mobilise::domain {

namespace {
std::string FormatNumber(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}
}  // namespace

std::optional<std::string> NonEmpty(const std::string& v) {
  return v.empty() ? std::nullopt : std::optional<std::string>(v);
}

void CheckPastDate(FieldErrors& errors, const std::string& field, std::string_view value,
                   std::string_view today) {
  if (!IsValidDate(value))
    errors[field] = "must be a date YYYY-MM-DD";
  else if (value > today)
    errors[field] = "cannot be in the future";
}

void CheckOneOf(FieldErrors& errors, const std::string& field, std::string_view value,
                std::span<const std::string_view> allowed) {
  for (auto a : allowed)
    if (a == value) return;
  std::string list;
  for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  errors[field] = "must be one of " + list;
}

void CheckOneOf(FieldErrors& errors, const std::string& field, std::string_view value,
                std::initializer_list<std::string_view> allowed) {
  CheckOneOf(errors, field, value,
             std::span<const std::string_view>(allowed.begin(), allowed.size()));
}

void CheckRange(FieldErrors& errors, const std::string& field, double value, double lo, double hi) {
  if (!(value >= lo && value <= hi))
    errors[field] = "must be between " + FormatNumber(lo) + " and " + FormatNumber(hi);
}

void CheckPhone(FieldErrors& errors, const std::string& field, std::string_view value) {
  int digits = 0;
  for (char c : value) {
    if (c >= '0' && c <= '9')
      ++digits;
    else if (c != ' ' && c != '+' && c != '-' && c != '(' && c != ')') {
      errors[field] = "may hold only digits, spaces and + - ( )";
      return;
    }
  }
  if (digits < 5 || value.size() > 20)
    errors[field] = "must have 5 to 20 characters, digits mostly";
}

}  // namespace mobilise::domain
