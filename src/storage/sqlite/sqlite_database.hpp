// The SQLite backend: a pool of connections to one database file, each in WAL mode with foreign
// keys on, a 5 s busy timeout, synchronous=NORMAL and a prepared-statement cache keyed by SQL text.
// Begin(true) takes the write lock up front (BEGIN IMMEDIATE) so two writers queue on the busy
// timeout instead of failing with SQLITE_BUSY mid-transaction; Begin(false) is BEGIN DEFERRED.
//
// Failures: SQLITE_CONSTRAINT_* throw ConstraintViolation with the matching kind; other errors
// throw DatabaseError. Messages carry SQLite's message and the SQL text, never bound values.
// Thread-safety: as Database (the pool is shared; each connection is used by one thread at a time).
#pragma once

#include <memory>
#include <string>

#include "storage/database.hpp"

namespace mobilise::storage {

// Opens (creating if missing) the SQLite file at `path`. ":memory:" gives one private in-memory
// database, so its pool has one connection. Throws DatabaseError when the file cannot be opened.
std::unique_ptr<Database> OpenSqliteDatabase(const std::string& path, int pool_size);

}  // namespace mobilise::storage
