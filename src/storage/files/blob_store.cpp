#include "storage/files/blob_store.hpp"

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

std::string DirectoryBlobStore::Put(std::string_view bytes) {
  const std::string sha = Sha256Hex(bytes);
  const auto path = PathOf(sha);
  if (std::filesystem::exists(path)) return sha;  // content-addressed: already stored
  std::filesystem::create_directories(path.parent_path());
  const auto tmp = path.parent_path() / (sha + "." + RandomHex(8) + ".tmp");
  {
    std::ofstream out(tmp, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) throw DatabaseError("cannot write a file to the data directory");
  }
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
