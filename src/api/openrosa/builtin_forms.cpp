// PROTO's stand-in until BUILTIN's builtin_forms.cpp is merged (it replaces this file): no
// built-in forms, and a submission of one is refused as not available.
#include "api/openrosa/builtin_forms.hpp"

namespace mobilise::api::openrosa {

BuiltinForms::BuiltinForms(Services& services) : services_(services) {}

std::vector<GeneratedForm> BuiltinForms::Generate() { return {}; }

std::vector<MediaFile> BuiltinForms::Media(const std::string&, const domain::Actor&) { return {}; }

Result<IngestResult> BuiltinForms::Ingest(const std::string& kind, const xforms::Instance&,
                                          const domain::Actor&, std::span<const Upload>) {
  return Fail(Error{ErrorCode::kUnsupported, "built-in " + kind + " forms are not available"});
}

Status BuiltinForms::Attach(const std::string& kind, const IngestResult&, const domain::Actor&,
                            const Upload&) {
  return Fail(Error{ErrorCode::kUnsupported, "built-in " + kind + " forms are not available"});
}

}  // namespace mobilise::api::openrosa
