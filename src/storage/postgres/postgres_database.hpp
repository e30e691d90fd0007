// The PostgreSQL backend: a pool of libpq connections. Statements use `?` placeholders, rewritten
// to $1..$n (see placeholders.hpp), and run as prepared statements cached per connection by SQL
// text, with parameters and results in text format (parameter types are inferred by the server,
// so add a cast where it cannot infer one, e.g. `CAST(? AS TEXT) IS NULL`).
// A connection found broken when borrowed is reset (reconnected) first. Begin() is BEGIN for reads
// and writes alike.
//
// Failures: SQLSTATE 23505/23503/23514/23502 throw ConstraintViolation (kUnique, kForeignKey,
// kCheck, kNotNull; other 23xxx kOther); everything else throws DatabaseError. Messages carry the
// primary message, SQLSTATE, constraint name and SQL text, never the server's DETAIL (it echoes
// row values) nor bound values. An error inside a transaction aborts it on PostgreSQL: after one,
// only Rollback() works, and Commit() throws DatabaseError instead of silently rolling back.
// Thread-safety: as Database.
#pragma once

#include <memory>
#include <string>

#include "storage/database.hpp"

namespace mobilise::storage {

// Connects to `url` (a libpq URI, postgresql://...). Throws DatabaseError when it cannot.
std::unique_ptr<Database> OpenPostgresDatabase(const std::string& url, int pool_size);

}  // namespace mobilise::storage
