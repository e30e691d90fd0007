// manifest.json of a backup directory (docs/backup.md): what the backup holds and how to check
// it. Every file of the backup is listed with its size and SHA-256 (the database first, then the
// blobs the records refer to, files/ab/<sha256>), with the row count of every table.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace mobilise::app {

struct ManifestFile {
  std::string path;  // relative to the backup directory, '/'-separated
  std::uint64_t size = 0;
  std::string sha256;
};

struct Manifest {
  static constexpr int kFormat = 1;
  int format = kFormat;
  std::string created_at;        // UTC, ISO 8601
  std::string mobilise_version;  // of the binary that wrote it
  std::string dialect;           // "sqlite" or "postgres"
  int schema_version = 0;        // the newest migration applied to the database
  std::string database;          // the database file's path ("database.sqlite", "database.pgdump")
  std::vector<std::pair<std::string, std::int64_t>> tables;  // rows per table
  std::vector<ManifestFile> files;                           // the database and every blob
  std::vector<std::string> missing;  // blobs records name that the data directory did not hold
};

std::string ManifestJson(const Manifest& manifest);

// The manifest in `text`; a validation error saying what is wrong when it is not one.
Result<Manifest> ParseManifest(std::string_view text);

// True for a path a manifest may name: the database file or files/ab/<sha256> (never absolute,
// never "..").
bool IsBackupPath(std::string_view path, std::string_view database);

}  // namespace mobilise::app
