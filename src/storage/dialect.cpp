#include "storage/dialect.hpp"

namespace mobilise::storage {

std::string IndexedBy(Dialect dialect, std::string_view index) {
  if (dialect != Dialect::kSqlite) return "";
  return " INDEXED BY " + std::string(index);
}

std::string ForUpdate(Dialect dialect, std::string_view of_table) {
  if (dialect != Dialect::kPostgres) return "";
  return of_table.empty() ? " FOR UPDATE" : " FOR UPDATE OF " + std::string(of_table);
}

void LockForUpdate(Connection& conn, const std::string& select, std::span<const Param> params,
                   std::string_view of_table) {
  if (conn.dialect() != Dialect::kPostgres) return;
  conn.Query(select + ForUpdate(conn.dialect(), of_table), params);
}

void LockKey(Connection& conn, const std::string& key) {
  if (conn.dialect() != Dialect::kPostgres) return;
  conn.Query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", {key});
}

std::string ContainsSql(Dialect dialect, const std::string& column) {
  return column + (dialect == Dialect::kPostgres ? " ILIKE" : " LIKE") + " ? ESCAPE '\\'";
}

std::string JsonTextField(Dialect dialect, std::string_view json_column) {
  const std::string column(json_column);
  if (dialect == Dialect::kPostgres) return "(" + column + "::jsonb ->> ?)";
  return "json_extract(" + column + ", '$.' || json_quote(?))";
}

}  // namespace mobilise::storage
