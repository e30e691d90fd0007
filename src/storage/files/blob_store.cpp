#include "storage/files/blob_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/id.hpp"
#include "storage/database.hpp"

namespace mobilise::storage {

std::filesystem::path BlobPath(const std::filesystem::path& root, const std::string& sha) {
  return root / "files" / sha.substr(0, 2) / sha;
}

bool IsSha256Hex(std::string_view text) {
  return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

namespace {

// Writes all of `bytes` to a new file `path` and flushes it to disk; on any failure the partial
// file is removed and StorageFull (disk or quota full) or DatabaseError is thrown.
// Its directory is made when missing (tried first without: a mkdir per file cost ~3% of the CPU
// of an ingest, issue 16).
void WriteNewFile(const std::filesystem::path& path, std::string_view bytes) {
  constexpr int kFlags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC;
  int fd = ::open(path.c_str(), kFlags, 0644);
  if (fd < 0 && errno == ENOENT) {
    std::filesystem::create_directories(path.parent_path());
    fd = ::open(path.c_str(), kFlags, 0644);
  }
  int error = fd < 0 ? errno : 0;
  for (std::size_t done = 0; error == 0 && done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0)
      error = n < 0 ? errno : ENOSPC;
    else
      done += static_cast<std::size_t>(n);
  }
  if (error == 0 && ::fsync(fd) != 0) error = errno;
  if (fd >= 0 && ::close(fd) != 0 && error == 0) error = errno;
  if (error == 0) return;
  if (fd >= 0) ::unlink(path.c_str());
  const std::string why =
      std::string("cannot write a file to the data directory: ") + std::strerror(error);
  if (error == ENOSPC || error == EDQUOT || error == EFBIG) throw StorageFull(why);
  throw DatabaseError(why);
}

}  // namespace

std::string DirectoryBlobStore::Put(std::string_view bytes) {
  const std::string sha = Sha256Hex(bytes);
  const auto path = PathOf(sha);
  if (std::filesystem::exists(path)) return sha;  // content-addressed: already stored
  const auto tmp = path.parent_path() / (sha + "." + RandomHex(8) + ".tmp");
  WriteNewFile(tmp, bytes);
  std::filesystem::rename(tmp, path);
  return sha;
}

std::optional<std::string> DirectoryBlobStore::Get(const std::string& sha) {
  if (!IsSha256Hex(sha)) return std::nullopt;
  std::ifstream in(PathOf(sha), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace mobilise::storage
