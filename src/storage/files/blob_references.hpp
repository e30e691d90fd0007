// The columns whose values name a blob in the data directory's file store (files/ab/<sha256>),
// for backups: a backup holds exactly the blobs its database snapshot refers to. A new column
// that names a blob must be listed here (blob_references_test fails on any *hash*/*sha* column
// that is in neither this list nor its list of hashes that are not blobs).
#pragma once

#include <set>
#include <span>
#include <string>
#include <string_view>

#include "storage/database.hpp"

namespace mobilise::storage {

struct BlobColumn {
  std::string_view table;
  std::string_view column;
};

// Every column that holds a blob's SHA-256 (NULL: no blob).
std::span<const BlobColumn> BlobColumns();

// The distinct blobs the rows visible to `conn` refer to (call it inside the transaction whose
// snapshot is being backed up).
std::set<std::string> ReferencedBlobs(Connection& conn);

}  // namespace mobilise::storage
