#include "storage/files/blob_references.hpp"

#include <array>

namespace mobilise::storage {

std::span<const BlobColumn> BlobColumns() {
  static constexpr std::array<BlobColumn, 6> kColumns{{
      {"file", "sha256"},                      // activity files (photos, attendance sheets)
      {"xform_version", "xml_hash"},           // an XForm's XML
      {"xform_version", "source_hash"},        // the XLSForm it came from
      {"xform_media", "blob_hash"},            // a form's media files
      {"submission", "xml_hash"},              // a submission's XML (NULL: receipt only)
      {"submission_attachment", "blob_hash"},  // a submission's photos (NULL: not arrived yet)
  }};
  return kColumns;
}

std::set<std::string> ReferencedBlobs(Connection& conn) {
  std::set<std::string> blobs;
  for (const auto& [table, column] : BlobColumns()) {
    const std::string sql = "SELECT DISTINCT " + std::string(column) + " FROM " +
                            std::string(table) + " WHERE " + std::string(column) + " IS NOT NULL";
    const ResultSet rows = conn.Query(sql);
    for (std::size_t i = 0; i < rows.size(); ++i) blobs.insert(rows[i].Str(0));
  }
  return blobs;
}

}  // namespace mobilise::storage
