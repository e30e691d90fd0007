// The numbered migration files (migrations/<dialect>/NNNN_name.sql), compiled into the binary by
// src/storage/embed_migrations.cmake at build time.
#pragma once

#include <span>
#include <string_view>

#include "storage/database.hpp"

namespace mobilise::storage {

struct EmbeddedMigration {
  Dialect dialect;
  int version;            // NNNN
  std::string_view name;  // "name" from NNNN_name.sql
  std::string_view sql;   // the file's contents
};

// Every migration of every dialect, ordered by dialect then version. Static storage.
std::span<const EmbeddedMigration> EmbeddedMigrations();

}  // namespace mobilise::storage
