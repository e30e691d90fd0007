// The seam between the OpenRosa protocol (PROTO) and Mobilise's own record types as XForms
// (BUILTIN implements this class in builtin_forms.cpp). See docs/openrosa.md and the issue 16
// contract. PROTO calls Ingest when a form's kind is not 'custom', before it stores the
// submission row; if Ingest fails nothing is stored and its error is answered as the OpenRosa
// error. A result with `receipt_only` (a sensitive feedback case) makes the stored submission
// keep no XML (xml_hash NULL): only the record, under its own access rules, holds the content.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "api/openrosa/choice_hashes.hpp"
#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "xforms/xform.hpp"

namespace mobilise::api {
struct Services;
}

namespace mobilise::api::openrosa {

struct Upload {
  std::string name, content_type, bytes;
};
struct GeneratedForm {
  std::string kind, xml_form_id, version, xml;
};  // kind: activity|household|feedback
struct MediaFile {
  std::string name, content_type, bytes;
  std::string md5;  // hex MD5 of the bytes (set also when the bytes were not read)
};
struct IngestResult {
  std::string record_type, record_id;
  bool receipt_only = false;
};

class BuiltinForms {
 public:
  explicit BuiltinForms(Services& services);
  // This deployment's built-in XForms (languages, activity types, age bands from configuration).
  // The server publishes them at start when their generated XML changed (a new version).
  std::vector<GeneratedForm> Generate();
  // A built-in form's media files for a device's user: the CSV choice lists of their areas.
  // `only`: just the file of that name (e.g. "people.csv", a download), not every list.
  std::vector<MediaFile> Media(const std::string& kind, const domain::Actor& actor,
                               std::string_view only = {});
  // The same files' names and MD5s without their bytes (a manifest): each list is built only
  // when something in the user's scope changed since its MD5 was last taken (choice_hashes.hpp).
  std::vector<MediaFile> MediaHashes(const std::string& kind, const domain::Actor& actor);
  // A submission of a built-in form becomes its record through the same service the web app
  // uses; the record's id is the instance's UUID (instanceID "uuid:…"), so a retry after a crash
  // finds the record (the service's ClaimRecordId answers "taken": treat as already made).
  // Field errors come back as the service's FieldErrors (PROTO writes them as the OpenRosa error).
  Result<IngestResult> Ingest(const std::string& kind, const xforms::Instance& instance,
                              const domain::Actor& actor, std::span<const Upload> attachments);
  // An attachment that arrived in a later POST of the same submission.
  Status Attach(const std::string& kind, const IngestResult& record, const domain::Actor& actor,
                const Upload& attachment);

 private:
  Services& services_;
  ChoiceHashes hashes_;
};

}  // namespace mobilise::api::openrosa
