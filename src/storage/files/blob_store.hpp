// domain::BlobStore on a directory: files/<first two hex digits>/<sha256>, written to a
// temporary name and renamed into place, so a reader never sees a partial file. A write that
// fails (a full disk: StorageFull, answered 507) leaves no temporary file behind.
#pragma once

#include <filesystem>

#include "domain/activities/activity.hpp"

namespace mobilise::storage {

// Where the blob with `sha256` lives under the data directory `root`: root/files/ab/<sha256>.
std::filesystem::path BlobPath(const std::filesystem::path& root, const std::string& sha256);
// True for 64 lower-case hex digits (a blob's name; anything else is never a path).
bool IsSha256Hex(std::string_view text);

class DirectoryBlobStore final : public domain::BlobStore {
 public:
  explicit DirectoryBlobStore(std::filesystem::path root) : root_(std::move(root)) {}
  std::string Put(std::string_view bytes) override;
  std::optional<std::string> Get(const std::string& sha256) override;

 private:
  std::filesystem::path PathOf(const std::string& sha256) const { return BlobPath(root_, sha256); }
  std::filesystem::path root_;
};

}  // namespace mobilise::storage
