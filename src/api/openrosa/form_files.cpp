#include "api/openrosa/form_files.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/uuid/detail/md5.hpp>

namespace mobilise::api::openrosa {

std::string Md5Hex(std::string_view bytes) {
  boost::uuids::detail::md5 hash;
  hash.process_bytes(bytes.data(), bytes.size());
  boost::uuids::detail::md5::digest_type digest;
  hash.get_digest(digest);
  // Boost keeps the digest as four words, each the big-endian reading of four digest bytes.
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int word : digest) {
    for (int shift = 28; shift >= 0; shift -= 4) out.push_back(kHex[(word >> shift) & 15]);
  }
  return out;
}

std::string FieldsJson(const xforms::FormDefinition& form) {
  boost::json::array fields;
  for (const xforms::Field& f : form.fields) {
    fields.push_back(boost::json::object{{"path", f.path}, {"type", f.type}, {"repeat", f.repeat}});
  }
  return boost::json::serialize(fields);
}

Result<domain::XFormUpload> PrepareUpload(domain::BlobStore& blobs, std::string_view xml,
                                          domain::FormKind kind) {
  auto form = xforms::ReadXForm(xml);
  if (!form) return Fail(form.error());
  domain::XFormUpload up;
  up.xml_form_id = form->xml_form_id;
  up.version = form->version;
  up.title = form->title;
  up.kind = kind;
  up.xml_hash = blobs.Put(xml);
  up.md5 = Md5Hex(xml);
  up.fields_json = FieldsJson(*form);
  return up;
}

Result<std::shared_ptr<const xforms::FormDefinition>> FormCache::Get(const std::string& xml_hash) {
  {
    std::lock_guard lock(mutex_);
    if (auto it = forms_.find(xml_hash); it != forms_.end()) return it->second;
  }
  auto xml = blobs_.Get(xml_hash);
  if (!xml) return Fail(Error::Internal("a form's XML is missing from the data directory"));
  auto form = xforms::ReadXForm(*xml);
  if (!form) return Fail(Error::Internal("a stored form no longer reads: " + form.error().message));
  auto shared = std::make_shared<const xforms::FormDefinition>(std::move(*form));
  std::lock_guard lock(mutex_);
  forms_.emplace(xml_hash, shared);
  return shared;
}

}  // namespace mobilise::api::openrosa
