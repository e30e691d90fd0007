#include "importers/table.hpp"

#include <algorithm>
#include <charconv>
#include <string>
#include <utility>

#include "importers/table_builder.hpp"

namespace mobilise::importers {

std::string ColumnLetters(std::size_t index) {
  std::string letters;
  std::size_t n = index + 1;
  while (n > 0) {
    --n;
    letters.insert(letters.begin(), static_cast<char>('A' + n % 26));
    n /= 26;
  }
  return letters;
}

std::string Table::ColumnName(std::size_t index) const {
  if (index < header.size() && !header[index].empty()) return header[index];
  return ColumnLetters(index);
}

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// "-3.5", "1e5", "93 700 123 456", "(0)700-123", "12/05/2024": numbers, phone numbers and dates
// that a spreadsheet would show as they are, never as a formula.
bool LooksLikePlainNumber(std::string_view s) {
  double value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec == std::errc() && end == s.data() + s.size()) return true;
  bool has_digit = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      has_digit = true;
    } else if (std::string_view(" .,-/()").find(c) == std::string_view::npos) {
      return false;
    }
  }
  return has_digit;
}

}  // namespace

bool LooksLikeFormula(std::string_view cell) {
  std::size_t i = 0;
  while (i < cell.size() && IsSpace(cell[i])) ++i;
  if (i >= cell.size()) return false;
  char first = cell[i];
  std::string_view rest = cell.substr(i + 1);
  switch (first) {
    case '=':
      return !rest.empty();
    case '@':
      return !rest.empty() && !IsSpace(rest.front());
    case '+':
    case '-': {
      std::size_t j = 0;
      while (j < rest.size() && (IsSpace(rest[j]) || rest[j] == '-')) ++j;
      if (j == rest.size()) return false;  // "-", "--", "- "
      return !LooksLikePlainNumber(rest);
    }
    default:
      return false;
  }
}

bool IsValidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;  // no overlong forms
      if (c == 0xED) hi = 0x9F;  // no UTF-16 surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
    } else {
      return false;
    }
    if (i + len > n) return false;
    if (s[i + 1] < lo || s[i + 1] > hi) return false;
    for (std::size_t k = 2; k < len; ++k) {
      if (s[i + k] < 0x80 || s[i + k] > 0xBF) return false;
    }
    i += len;
  }
  return true;
}

namespace detail {

TableBuilder::TableBuilder(const ReadLimits& limits, bool strict_width)
    : limits_(limits), strict_width_(strict_width) {}

Status TableBuilder::AddRow(int row_number, std::vector<std::string> cells,
                            std::vector<CellProblem> problems) {
  const std::size_t raw_count = cells.size();
  while (!cells.empty() && cells.back().empty()) cells.pop_back();
  if (cells.empty() && problems.empty()) return {};  // a blank row: skipped, numbering kept

  if (!have_header_) {
    if (!problems.empty()) {
      const CellProblem& p = problems.front();
      return Fail(Error::Validation("row " + std::to_string(row_number) + ", column " +
                                    ColumnLetters(p.column) + " of the header: " + p.message));
    }
    if (cells.size() > limits_.max_columns) {
      return Fail(Error::TooLarge("the header has " + std::to_string(cells.size()) +
                                  " columns; at most " + std::to_string(limits_.max_columns) +
                                  " are accepted"));
    }
    table_.header = std::move(cells);
    table_.header_row = row_number;
    have_header_ = true;
    return {};
  }

  if (++data_rows_ > limits_.max_rows) {
    return Fail(Error::TooLarge("the file has more than " + std::to_string(limits_.max_rows) +
                                " data rows; split it into smaller files"));
  }

  const std::size_t width = table_.header.size();
  std::size_t before = table_.errors.size();
  std::sort(problems.begin(), problems.end(),
            [](const CellProblem& a, const CellProblem& b) { return a.column < b.column; });
  for (CellProblem& p : problems) {
    table_.errors.push_back(
        RowError{row_number, table_.ColumnName(p.column), std::move(p.code), std::move(p.message)});
  }
  if (cells.size() > width || (strict_width_ && raw_count < width)) {
    std::string message = "row " + std::to_string(row_number) + " has " +
                          std::to_string(raw_count) + " cells, the header has " +
                          std::to_string(width);
    if (!strict_width_) {
      std::size_t extra = width;
      while (extra < cells.size() && cells[extra].empty()) ++extra;
      message = "row " + std::to_string(row_number) + " has a value in column " +
                ColumnLetters(extra) + ", which has no header";
    }
    table_.errors.push_back(RowError{row_number, "", "ragged", std::move(message)});
  }
  if (table_.errors.size() != before) return {};

  cells.resize(width);
  table_.rows.push_back(std::move(cells));
  table_.row_numbers.push_back(row_number);
  return {};
}

Result<Table> TableBuilder::Finish() && {
  if (!have_header_) return Fail(Error::Validation("the file is empty: it has no header row"));
  return std::move(table_);
}

}  // namespace detail
}  // namespace mobilise::importers
