// Building statements with bound parameters, shared by the repositories: WHERE clauses, column
// lists, and the INSERT and versioned UPDATE made from a column list.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "storage/database.hpp"
#include "storage/dialect.hpp"  // ContainsSql

namespace mobilise::storage {

struct SqlWhere {
  std::string sql;  // "" or " WHERE a AND b"
  std::vector<Param> params;

  void And(const std::string& condition, std::vector<Param> values = {});
  // `column` lies in one of the subtrees of `scope` (ScopeSql); none when `scope` is empty.
  void AndInScope(const std::string& column, const std::vector<domain::PathRange>& scope);
  // One of `columns` contains `text`, ignoring case (ContainsSql with a ContainsPattern).
  void AndAnyContains(Dialect dialect, std::initializer_list<std::string_view> columns,
                      const std::string& text);
};

// "(col >= ? AND col < ?) OR ..." for the subtrees; "1=0" when there are none.
std::string ScopeSql(const std::string& column, const std::vector<domain::PathRange>& scope,
                     std::vector<Param>& params);
// `text` with the LIKE wildcards % and _ (and the escape \ itself) escaped by \: for a LIKE
// with ESCAPE '\\' (kLikeEscape), the same on both databases.
std::string LikeEscaped(std::string_view text);
inline constexpr const char* kLikeEscape = " ESCAPE '\\'";
// A LIKE pattern matching `text` anywhere, with % _ \ escaped; use with ContainsSql.
std::string ContainsPattern(const std::string& text);
// A LIKE pattern matching `word` as one word of a ' a b ' list column (escaped like
// ContainsPattern): `column LIKE ? ESCAPE '\\'`.
std::string WordPattern(std::string_view word);
// `text` as one FTS5 phrase ("..." with inner quotes doubled): with the trigram tokenizer it
// matches rows containing `text` anywhere, case-insensitively.
std::string FtsPhrase(const std::string& text);
Param OptParam(const std::optional<std::string>& value);
// A number, or NULL.
Param OptParam(const std::optional<double>& value);
// "?,?,?" for `n` values.
std::string Placeholders(std::size_t n);
// Runs "INSERT INTO <table> (<columns>) VALUES (?,?,...)" with `values`, one for each column.
void InsertRow(Connection& conn, std::string_view table, const std::string& columns,
               const std::vector<Param>& values);
// InsertRow, where a constraint violation (a code already taken) fails with
// Error::Conflict(`conflict`) instead of throwing.
Status InsertUniqueRow(Connection& conn, std::string_view table, const std::string& columns,
                       const std::vector<Param>& values, const std::string& conflict);
// Runs "UPDATE <table> SET a = ?, b = ? WHERE id = ? AND version = ?" for the column list "a, b"
// with `values` (one for each column), then `id` and `expected_version`: true when it changed
// the row, false when the row is gone or its version is not `expected_version`.
bool UpdateVersionedRow(Connection& conn, std::string_view table, std::string_view columns,
                        std::vector<Param> values, const std::string& id,
                        std::int64_t expected_version);
// "a = ?, b = ?" for the column list "a, b": an UPDATE's SET from the list an INSERT names.
std::string Assignments(std::string_view columns);
// `a` followed by `b`: the parameters of a statement made of column lists.
std::vector<Param> Concat(std::vector<Param> a, const std::vector<Param>& b);
// Lists of codes kept in one column as words separated by spaces ("iycf wash").
std::string JoinWords(const std::vector<std::string>& words);
std::vector<std::string> SplitWords(std::string_view text);

}  // namespace mobilise::storage
