#include "storage/postgres/placeholders.hpp"

#include <algorithm>
#include <cctype>

namespace mobilise::storage {
namespace {

bool IsIdentChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// If a dollar-quote tag ($$ or $tag$) starts at `i`, returns its length, else 0.
std::size_t DollarTagLength(std::string_view sql, std::size_t i) {
  if (i > 0 && IsIdentChar(sql[i - 1])) return 0;  // e.g. an identifier like a$b
  std::size_t j = i + 1;
  if (j < sql.size() && std::isdigit(static_cast<unsigned char>(sql[j]))) return 0;  // $1
  while (j < sql.size() && IsIdentChar(sql[j]) && sql[j] != '$') ++j;
  if (j < sql.size() && sql[j] == '$') return j - i + 1;
  return 0;
}

}  // namespace

std::string RewritePlaceholders(std::string_view sql, int* count) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  std::size_t i = 0;
  // Copies sql[i, end) to the output and moves on.
  const auto copy_to = [&](std::size_t end) {
    out.append(sql.substr(i, end - i));
    i = end;
  };
  while (i < sql.size()) {
    const char c = sql[i];
    if (c == '?') {
      out += '$';
      out += std::to_string(++n);
      ++i;
    } else if (c == '\'') {
      // E'...' strings take backslash escapes; '' is a quote in every kind of literal.
      const bool escapes =
          i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') && (i < 2 || !IsIdentChar(sql[i - 2]));
      std::size_t j = i + 1;
      while (j < sql.size()) {
        if (escapes && sql[j] == '\\') {
          j += 2;
        } else if (sql[j] == '\'') {
          if (j + 1 < sql.size() && sql[j + 1] == '\'') {
            j += 2;
          } else {
            break;
          }
        } else {
          ++j;
        }
      }
      copy_to(std::min(j + 1, sql.size()));
    } else if (c == '"') {
      const std::size_t end = sql.find('"', i + 1);
      copy_to(end == std::string_view::npos ? sql.size() : end + 1);
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      const std::size_t end = sql.find('\n', i);
      copy_to(end == std::string_view::npos ? sql.size() : end);
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      const std::size_t end = sql.find("*/", i + 2);
      copy_to(end == std::string_view::npos ? sql.size() : end + 2);
    } else if (c == '$' && DollarTagLength(sql, i) > 0) {
      const std::size_t len = DollarTagLength(sql, i);
      const std::size_t end = sql.find(sql.substr(i, len), i + len);
      copy_to(end == std::string_view::npos ? sql.size() : end + len);
    } else {
      out += c;
      ++i;
    }
  }
  *count = n;
  return out;
}

}  // namespace mobilise::storage
