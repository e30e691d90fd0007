// domain::BlobStore on a directory: files/<first two hex digits>/<sha256>, written to a
// temporary name and renamed into place, so a reader never sees a partial file. A write that
// fails (a full disk: StorageFull, answered 507) leaves no temporary file behind.
#pragma once

#include <filesystem>

#include "domain/activities/activity.hpp"

namespace mobilise::storage {

class DirectoryBlobStore final : public domain::BlobStore {
 public:
  explicit DirectoryBlobStore(std::filesystem::path root) : root_(std::move(root)) {}
  std::string Put(std::string_view bytes) override;
  std::optional<std::string> Get(const std::string& sha256) override;

 private:
  std::filesystem::path PathOf(const std::string& sha256) const;
  std::filesystem::path root_;
};

}  // namespace mobilise::storage
