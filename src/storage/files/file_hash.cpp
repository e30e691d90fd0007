#include "storage/files/file_hash.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <array>
#include <fstream>

#include "storage/database.hpp"

namespace mobilise::storage {

std::string Sha256OfFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DatabaseError("cannot read " + path.string());
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  std::array<char, 1 << 16> block;
  while (in) {
    in.read(block.data(), block.size());
    const auto n = in.gcount();
    if (n > 0)
      crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(block.data()),
                                static_cast<unsigned long long>(n));
  }
  if (in.bad()) throw DatabaseError("cannot read " + path.string());
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest;
  crypto_hash_sha256_final(&state, digest.data());
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();
  return hex;
}

void SyncPath(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw DatabaseError("cannot open " + path.string() + " to flush it");
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) throw DatabaseError("cannot flush " + path.string() + " to the disk");
}

void CopyFileSynced(const std::filesystem::path& from, const std::filesystem::path& to) {
  std::error_code ec;
  if (!std::filesystem::copy_file(from, to, ec) || ec)
    throw DatabaseError("cannot copy " + from.string() + " to " + to.string() + ": " +
                        ec.message());
  SyncPath(to);
}

void WriteFileSynced(const std::filesystem::path& path, std::string_view bytes) {
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) throw DatabaseError("cannot write " + path.string());
  }
  SyncPath(path);
}

}  // namespace mobilise::storage
