// The SQL that differs between SQLite and PostgreSQL, in one place. Repositories (and the
// indicator compiler) splice these fragments into their statements instead of testing the
// dialect themselves; everything else they write is the SQL both databases accept (including
// upserts: INSERT ... ON CONFLICT (...) DO UPDATE SET x = excluded.x).
// Every function is pure (no I/O) except LockForUpdate and LockKey, which run a statement.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "storage/database.hpp"

namespace mobilise::storage {

// " INDEXED BY <index>" on SQLite, "" on PostgreSQL: SQLite plans without statistics and picks
// the wrong index on some lists; PostgreSQL plans from its statistics. Goes after the table
// (and its alias) in FROM.
std::string IndexedBy(Dialect dialect, std::string_view index);

// " FOR UPDATE" (or " FOR UPDATE OF <table>") on PostgreSQL, "" on SQLite, whose write
// transaction (BEGIN IMMEDIATE) already holds the only write lock. Goes at the end of a SELECT.
std::string ForUpdate(Dialect dialect, std::string_view of_table = {});

// Runs `select` with FOR UPDATE on PostgreSQL, locking its rows until the transaction ends, so a
// second writer waits for the first to commit; nothing on SQLite (see ForUpdate).
void LockForUpdate(Connection& conn, const std::string& select, std::span<const Param> params,
                   std::string_view of_table = {});

// Waits until no other transaction holds `key`, then holds it until this transaction ends: a
// transaction-scoped advisory lock on PostgreSQL; nothing on SQLite, whose write transaction
// already holds the only write lock. Serialises writers of one client id (idempotency).
void LockKey(Connection& conn, const std::string& key);

// "<expr> LIKE ? ESCAPE '\'" (SQLite) or "<expr> ILIKE ? ESCAPE '\'" (PostgreSQL): a
// case-insensitive match of a ContainsPattern (sql_where.hpp). SQLite's LIKE already ignores ASCII
// case (and is several times faster than lower(col) LIKE); PostgreSQL's ILIKE ignores case in
// every script.
std::string ContainsSql(Dialect dialect, const std::string& column);

// The text of the top-level field of the JSON text in `json_column` whose name is bound as the
// next parameter (NULL when missing): json_extract on SQLite, ->> on PostgreSQL.
std::string JsonTextField(Dialect dialect, std::string_view json_column);

}  // namespace mobilise::storage
