// Whole-file helpers for backups: a file's SHA-256 read in blocks (a database may not fit in
// memory), and copies and renames that are on disk (fsync) before they are reported done.
// Failures throw DatabaseError naming the path (paths hold no personal data).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace mobilise::storage {

// The file's SHA-256 as lower-case hex.
std::string Sha256OfFile(const std::filesystem::path& path);

// Flushes a file or a directory (after a rename into it) to the disk.
void SyncPath(const std::filesystem::path& path);

// Copies `from` to `to` (which must not exist) and flushes the copy.
void CopyFileSynced(const std::filesystem::path& from, const std::filesystem::path& to);

// Writes `bytes` to the new file `path` and flushes it.
void WriteFileSynced(const std::filesystem::path& path, std::string_view bytes);

}  // namespace mobilise::storage
