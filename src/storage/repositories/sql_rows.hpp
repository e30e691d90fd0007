// Reading query results into domain values, shared by the repositories: the loop over the rows,
// the Get that is the first row or nothing, the page of a list (its total and its rows), and the
// columns every versioned record carries. Each repository keeps its own column list and row
// reader (`Read(const ResultSet::Row&)`); these only apply it.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/enum_text.hpp"
#include "domain/page.hpp"
#include "storage/database.hpp"
#include "storage/repositories/sql_where.hpp"

namespace mobilise::storage {

// What `read` makes of one row.
template <class Read>
using RowValue = std::invoke_result_t<Read&, const ResultSet::Row&>;

// Every row of `rs`, in order, each made into a value by `read`.
template <class Read>
std::vector<RowValue<Read>> ReadRows(const ResultSet& rs, Read read) {
  std::vector<RowValue<Read>> out;
  out.reserve(rs.size());
  for (std::size_t i = 0; i < rs.size(); ++i) out.push_back(read(rs[i]));
  return out;
}

// The first row of `rs` made into a value by `read`; nullopt when there is none.
template <class Read>
std::optional<RowValue<Read>> ReadFirst(const ResultSet& rs, Read read) {
  if (rs.empty()) return std::nullopt;
  return read(rs[0]);
}

// The enum stored as text in `column` of a row of `table`: `texts` lists the texts in the enum's
// order. A text outside them means a broken database: throws DatabaseError naming the table and
// column (the caller answers an internal error; nothing crashes).
template <class E>
E ReadEnum(const ResultSet::Row& r, std::string_view table, std::string_view column,
           std::span<const std::string_view> texts) {
  const std::string text = r.Str(column);
  if (auto value = ParseEnumText<E>(texts, text)) return *value;
  throw DatabaseError(std::string(table) + "." + std::string(column) + " holds an unknown value '" +
                      text + "'");
}

// The first of `values`; nullopt when there are none (a Get made of a list query).
template <class T>
std::optional<T> FirstOf(std::vector<T> values) {
  if (values.empty()) return std::nullopt;
  return std::move(values.front());
}

// The (first, second) text columns of every row: settings, code lists.
std::vector<std::pair<std::string, std::string>> ReadPairs(const ResultSet& rs,
                                                           std::string_view first,
                                                           std::string_view second);

// `params` followed by the page's LIMIT and OFFSET values (for "... LIMIT ? OFFSET ?").
std::vector<Param> WithPage(std::vector<Param> params, const domain::PageRequest& page);

// One page of a list filtered by `where`: `total` is the count `count_sql + where.sql` returns
// (e.g. "SELECT COUNT(*) FROM t x"), and `items` are the rows of
// `select_sql + where.sql + " ORDER BY " + order_by` within the page, each made by `read`.
template <class Read>
domain::Page<RowValue<Read>> ReadPage(Connection& conn, const std::string& count_sql,
                                      const std::string& select_sql, const SqlWhere& where,
                                      std::string_view order_by, const domain::PageRequest& page,
                                      Read read) {
  domain::Page<RowValue<Read>> out;
  out.total = conn.Query(count_sql + where.sql, where.params)[0].Int(0);
  out.items = ReadRows(conn.Query(select_sql + where.sql + " ORDER BY " + std::string(order_by) +
                                      " LIMIT ? OFFSET ?",
                                  WithPage(where.params, page)),
                       read);
  return out;
}

// Reads the columns every versioned record carries (version, created_at, created_by,
// updated_at, updated_by) into the members of `x` with those names.
template <class T>
void ReadVersioned(const ResultSet::Row& r, T& x) {
  x.version = r.Int("version");
  x.created_at = r.Str("created_at");
  x.created_by = r.OptText("created_by");
  x.updated_at = r.Str("updated_at");
  x.updated_by = r.OptText("updated_by");
}

}  // namespace mobilise::storage
