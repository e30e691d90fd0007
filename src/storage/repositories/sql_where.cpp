#include "storage/repositories/sql_where.hpp"

#include <sstream>

namespace mobilise::storage {

void SqlWhere::And(const std::string& condition, std::vector<Param> values) {
  sql += sql.empty() ? " WHERE " : " AND ";
  sql += "(" + condition + ")";
  for (auto& v : values) params.push_back(std::move(v));
}

void SqlWhere::AndInScope(const std::string& column, const std::vector<domain::PathRange>& scope) {
  std::vector<Param> values;
  const std::string condition = ScopeSql(column, scope, values);
  And(condition, std::move(values));
}

void SqlWhere::AndAnyContains(Dialect dialect, std::initializer_list<std::string_view> columns,
                              const std::string& text) {
  const std::string pattern = ContainsPattern(text);
  std::string condition;
  std::vector<Param> values;
  for (std::string_view column : columns) {
    condition += (condition.empty() ? "" : " OR ") + ContainsSql(dialect, std::string(column));
    values.emplace_back(pattern);
  }
  And(condition, std::move(values));
}

std::string ScopeSql(const std::string& column, const std::vector<domain::PathRange>& scope,
                     std::vector<Param>& params) {
  if (scope.empty()) return "1=0";
  std::string out;
  for (const auto& r : scope) {
    if (!out.empty()) out += " OR ";
    out += "(" + column + " >= ? AND " + column + " < ?)";
    params.emplace_back(r.lo);
    params.emplace_back(r.hi);
  }
  return out;
}

std::string LikeEscaped(std::string_view text) {
  std::string p;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') p += '\\';
    p += c;
  }
  return p;
}

std::string ContainsPattern(const std::string& text) { return "%" + LikeEscaped(text) + "%"; }

std::string WordPattern(std::string_view word) { return "% " + LikeEscaped(word) + " %"; }

std::string FtsPhrase(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

Param OptParam(const std::optional<std::string>& value) {
  if (!value) return std::monostate{};
  return *value;
}

Param OptParam(const std::optional<double>& value) { return value ? Param(*value) : Param(); }

std::string JoinWords(const std::vector<std::string>& words) {
  std::string s;
  for (const auto& w : words) s += (s.empty() ? "" : " ") + w;
  return s;
}

std::vector<std::string> SplitWords(std::string_view text) {
  std::vector<std::string> out;
  std::istringstream in{std::string(text)};
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::string Placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i == 0 ? "?" : ",?";
  return out;
}

void InsertRow(Connection& conn, std::string_view table, const std::string& columns,
               const std::vector<Param>& values) {
  conn.Execute("INSERT INTO " + std::string(table) + " (" + columns + ") VALUES (" +
                   Placeholders(values.size()) + ")",
               values);
}

Status InsertUniqueRow(Connection& conn, std::string_view table, const std::string& columns,
                       const std::vector<Param>& values, const std::string& conflict) {
  try {
    InsertRow(conn, table, columns, values);
  } catch (const ConstraintViolation&) {
    return Fail(Error::Conflict(conflict));
  }
  return {};
}

bool UpdateVersionedRow(Connection& conn, std::string_view table, std::string_view columns,
                        std::vector<Param> values, const std::string& id,
                        std::int64_t expected_version) {
  values.emplace_back(id);
  values.emplace_back(expected_version);
  return conn.Execute("UPDATE " + std::string(table) + " SET " + Assignments(columns) +
                          " WHERE id = ? AND version = ?",
                      values) == 1;
}

std::string Assignments(std::string_view columns) {
  std::string out;
  for (std::size_t at = 0; at < columns.size();) {
    std::size_t comma = columns.find(',', at);
    if (comma == std::string_view::npos) comma = columns.size();
    std::string_view column = columns.substr(at, comma - at);
    while (!column.empty() && column.front() == ' ') column.remove_prefix(1);
    out += (out.empty() ? "" : ", ") + std::string(column) + " = ?";
    at = comma + 1;
  }
  return out;
}

std::vector<Param> Concat(std::vector<Param> a, const std::vector<Param>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace mobilise::storage
