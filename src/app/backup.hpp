// `mobilise backup DEST` and `mobilise restore SRC` (docs/backup.md).
//
// A backup is a new directory DEST holding the database as it was at one instant (SQLite: the
// online backup API while the server keeps serving; PostgreSQL: pg_dump -Fc of an exported
// snapshot), the blobs that snapshot's records refer to (files/ab/<sha256>) and manifest.json
// (app/backup_manifest.hpp). It is written under DEST.partial-XXXX and renamed to DEST once
// complete and flushed, so DEST either is a whole backup or does not exist.
//
// A restore first checks the whole backup (the manifest, every file's size and SHA-256) and
// writes nothing unless all of it is right; it refuses a non-empty database or data directory
// unless `force`; it puts the blobs and then the database in place, checks every table's row
// count against the manifest and applies the migrations the backup is older than.
#pragma once

#include <iosfwd>
#include <string>

#include "app/config.hpp"
#include "core/result.hpp"

namespace mobilise::app {

// Bad input (DEST exists, no such database) is a validation error; failures to read or write
// throw storage::DatabaseError.
Status Backup(const Config& config, const std::string& dest, const std::string& version,
              std::ostream& out);

Status Restore(const Config& config, const std::string& source, bool force, std::ostream& out);

}  // namespace mobilise::app
