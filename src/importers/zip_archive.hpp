// Internal to the XLSX reader: read-only access to a zip held in memory (libzip), with a limit on
// the uncompressed size of every entry read, so that a zip bomb is refused before it is inflated.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.hpp"

struct zip;

namespace mobilise::importers::detail {

class ZipArchive {
 public:
  // A validation error when `bytes` is not a complete, consistent zip. `bytes` must outlive the
  // archive (nothing is copied).
  static Result<ZipArchive> Open(std::string_view bytes);

  // True when the archive has an entry `name` (compared case-insensitively, as OPC requires).
  bool Has(const std::string& name) const;

  // Streams entry `name` to `sink` in chunks. too_large when the entry claims, or turns out, to
  // be larger than `max_bytes` uncompressed; not_found when there is no such entry; validation
  // when it is damaged (bad CRC, truncated). A failing sink stops the reading and is returned.
  Status Read(const std::string& name, std::size_t max_bytes,
              const std::function<Status(std::string_view)>& sink) const;

  // Reads a whole entry (same limits and errors).
  Result<std::string> ReadAll(const std::string& name, std::size_t max_bytes) const;

 private:
  struct Closer {
    void operator()(zip* z) const;
  };
  explicit ZipArchive(zip* z) : zip_(z) {}
  std::unique_ptr<zip, Closer> zip_;
};

}  // namespace mobilise::importers::detail
