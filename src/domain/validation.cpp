#include "domain/validation.hpp"

#include <algorithm>

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
