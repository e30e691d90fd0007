#include <charconv>
#include <cmath>

#include "storage/database.hpp"

namespace mobilise::storage {
namespace {

const std::optional<std::string>& CellAt(const std::vector<std::optional<std::string>>& cells,
                                         std::size_t columns, std::size_t row, std::size_t col) {
  if (col >= columns || row * columns + col >= cells.size()) {
    throw DatabaseError("result set: cell (" + std::to_string(row) + ", " + std::to_string(col) +
                        ") is out of range");
  }
  return cells[row * columns + col];
}

}  // namespace

ResultSet::ResultSet(std::vector<std::string> columns)
    : columns_(std::move(columns)), shared_name_(columns_.size(), 0) {
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    for (std::size_t j = i + 1; j < columns_.size(); ++j) {
      if (columns_[i] == columns_[j]) shared_name_[i] = shared_name_[j] = 1;
    }
  }
}

std::size_t ResultSet::FindColumn(std::string_view name) const {
  std::size_t at = 0;
  while (at < columns_.size() && columns_[at] != name) ++at;
  if (at == columns_.size()) {
    throw DatabaseError("result set: no column named '" + std::string(name) + "'");
  }
  if (shared_name_[at]) {
    throw DatabaseError("result set: several columns are named '" + std::string(name) +
                        "' (give them AS aliases)");
  }
  next_ = at + 1;
  return at;
}

bool ResultSet::Row::IsNull(std::size_t col) const {
  return !CellAt(rs_->cells_, rs_->columns_.size(), index_, col).has_value();
}

std::string_view ResultSet::Row::Text(std::size_t col) const {
  const auto& cell = CellAt(rs_->cells_, rs_->columns_.size(), index_, col);
  return cell ? std::string_view(*cell) : std::string_view();
}

std::optional<std::string> ResultSet::Row::OptText(std::size_t col) const {
  return CellAt(rs_->cells_, rs_->columns_.size(), index_, col);
}

std::optional<double> ResultSet::Row::OptReal(std::size_t col) const {
  if (IsNull(col)) return std::nullopt;
  return Real(col);
}

std::int64_t ResultSet::Row::Int(std::size_t col) const {
  const auto& cell = CellAt(rs_->cells_, rs_->columns_.size(), index_, col);
  if (!cell) return 0;
  const std::string& s = *cell;
  // PostgreSQL renders booleans as t/f.
  if (s == "t") return 1;
  if (s == "f") return 0;
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec == std::errc() && end == s.data() + s.size()) return v;
  double d = 0;
  auto [dend, dec] = std::from_chars(s.data(), s.data() + s.size(), d);
  if (dec == std::errc() && dend == s.data() + s.size() && std::isfinite(d)) {
    return static_cast<std::int64_t>(d);
  }
  // The cell's value is not echoed: it may be personal data.
  throw DatabaseError("result set: column '" + rs_->columns_[col] + "' is not an integer");
}

double ResultSet::Row::Real(std::size_t col) const {
  const auto& cell = CellAt(rs_->cells_, rs_->columns_.size(), index_, col);
  if (!cell) return 0;
  const std::string& s = *cell;
  double d = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
  if (ec == std::errc() && end == s.data() + s.size()) return d;
  if (s == "Infinity") return HUGE_VAL;
  if (s == "-Infinity") return -HUGE_VAL;
  if (s == "NaN") return std::nan("");
  throw DatabaseError("result set: column '" + rs_->columns_[col] + "' is not a number");
}

}  // namespace mobilise::storage
