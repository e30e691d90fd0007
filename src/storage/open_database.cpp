#include "storage/postgres/postgres_database.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace mobilise::storage {

std::unique_ptr<Database> OpenDatabase(const std::string& url, int pool_size) {
  const auto starts_with = [&](std::string_view prefix) { return url.rfind(prefix, 0) == 0; };
  if (starts_with("sqlite://")) return OpenSqliteDatabase(url.substr(9), pool_size);
  if (starts_with("sqlite:")) return OpenSqliteDatabase(url.substr(7), pool_size);
  if (starts_with("postgresql://") || starts_with("postgres://")) {
    return OpenPostgresDatabase(url, pool_size);
  }
  // The URL may hold a password: name only its scheme.
  throw DatabaseError("unsupported database URL scheme '" + url.substr(0, url.find(':')) +
                      "' (expected sqlite:PATH or postgresql://...)");
}

}  // namespace mobilise::storage
