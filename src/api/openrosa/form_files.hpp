// XForm bytes to rows: MD5 (formList's and the manifest's hash), a parsed XForm turned into an
// XFormUpload (its XML stored in the BlobStore), the fields as JSON for exports, and a cache of
// parsed definitions by XML hash (a form version never changes, so entries never go stale).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "domain/activities/activity.hpp"  // BlobStore
#include "domain/forms/xform_service.hpp"
#include "xforms/xform.hpp"

namespace mobilise::api::openrosa {

// Lower-case hex MD5 of `bytes`.
std::string Md5Hex(std::string_view bytes);

// [{"path":..,"type":..,"repeat":..}] of the form's fields.
std::string FieldsJson(const xforms::FormDefinition& form);

// Reads `xml` as an XForm (errors: ReadXForm's) and stores its bytes: the upload for
// XFormService::Upload.
Result<domain::XFormUpload> PrepareUpload(domain::BlobStore& blobs, std::string_view xml,
                                          domain::FormKind kind);

class FormCache {
 public:
  explicit FormCache(domain::BlobStore& blobs) : blobs_(blobs) {}
  // The definition of the XForm stored under `xml_hash`; an internal error when it is missing
  // or no longer reads.
  Result<std::shared_ptr<const xforms::FormDefinition>> Get(const std::string& xml_hash);

 private:
  domain::BlobStore& blobs_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const xforms::FormDefinition>> forms_;
};

}  // namespace mobilise::api::openrosa
