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
    errors[field] = problem::OnlySpaces();
  else if (CodePoints(value) > max)
    errors[field] = problem::TooLong(max);
  else if (HasControl(value))
    errors[field] = problem::ControlCharacters();
}

void CheckName(FieldErrors& errors, const std::string& field, std::string_view value,
               std::size_t max) {
  if (value.empty()) {
    errors[field] = problem::Required();
    return;
  }
  CheckOptionalName(errors, field, value, max);
}

void CheckTranslations(FieldErrors& errors, const std::string& field, const Translations& names) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto& [lang, name] = names[i];
    if (!IsLanguageCode(lang)) {
      errors[field + "[" + std::to_string(i) + "]"] = problem::NotALanguageCode();
      continue;
    }
    if (!seen.insert(lang).second) errors[field + "." + lang] = problem::GivenTwice();
    CheckName(errors, field + "." + lang, name);
  }
}

void CheckCode(FieldErrors& errors, const std::string& field, std::string_view value) {
  if (value.empty()) {
    errors[field] = problem::Required();
  } else if (value.size() > 64) {
    errors[field] = problem::TooLong(64);
  } else if (!std::all_of(value.begin(), value.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '_' || c == '-';
             })) {
    errors[field] = problem::CodeCharacters();
  }
}

}  // namespace mobilise::domain

namespace mobilise::domain {

std::optional<std::string> NonEmpty(const std::string& v) {
  return v.empty() ? std::nullopt : std::optional<std::string>(v);
}

void CheckPastDate(FieldErrors& errors, const std::string& field, std::string_view value,
                   std::string_view today) {
  if (!IsValidDate(value))
    errors[field] = problem::NotADate();
  else if (value > today)
    errors[field] = problem::InTheFuture();
}

void CheckOneOf(FieldErrors& errors, const std::string& field, std::string_view value,
                std::span<const std::string_view> allowed) {
  for (auto a : allowed)
    if (a == value) return;
  errors[field] = problem::OneOf(allowed);
}

void CheckOneOf(FieldErrors& errors, const std::string& field, std::string_view value,
                std::initializer_list<std::string_view> allowed) {
  CheckOneOf(errors, field, value,
             std::span<const std::string_view>(allowed.begin(), allowed.size()));
}

void CheckRange(FieldErrors& errors, const std::string& field, double value, double lo, double hi) {
  if (!(value >= lo && value <= hi)) errors[field] = problem::OutOfRange(lo, hi);
}

void CheckPhone(FieldErrors& errors, const std::string& field, std::string_view value) {
  int digits = 0;
  for (char c : value) {
    if (c >= '0' && c <= '9')
      ++digits;
    else if (c != ' ' && c != '+' && c != '-' && c != '(' && c != ')') {
      errors[field] = problem::PhoneCharacters();
      return;
    }
  }
  if (digits < 5 || value.size() > 20) errors[field] = problem::PhoneLength();
}

}  // namespace mobilise::domain
