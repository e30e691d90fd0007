// A consistent copy of a live SQLite database with SQLite's online backup API, for
// `mobilise backup`. The copy is made from one read transaction held from the first page to the
// last, so it is the database as it was at one instant even while a server keeps writing (WAL:
// readers do not block writers, so the server is not stopped), and it is copied in steps so that
// progress can be shown.
// Failures throw DatabaseError.
#pragma once

#include <functional>
#include <string>

namespace mobilise::storage {

// Copies the database file `source` into the new file `dest` (which must not exist), calling
// `progress(pages_done, pages_total)` after each step of `pages_per_step` pages. The copy is
// flushed to the disk.
void BackupSqliteFile(const std::string& source, const std::string& dest,
                      const std::function<void(int, int)>& progress, int pages_per_step = 1024);

}  // namespace mobilise::storage
