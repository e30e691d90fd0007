// Submissions received over OpenRosa (docs/openrosa.md): stored whole and idempotent by
// instanceID per form, edits by deprecatedID, attachments over several POSTs, with Central's
// answers (reference §2.7). The API parses the multipart body and the XML, stores the bytes in
// the BlobStore and resolves the form (XFormService::ForSubmission); this service decides, in
// one write unit per submission that first locks its (form, instanceID), so concurrent identical
// first POSTs make one row and every one of them succeeds. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/forms/form.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

// A file part of the POST, already in the BlobStore.
struct SubmissionFile {
  std::string name, content_type, blob_hash;
  std::int64_t size = 0;
};

struct SubmissionInput {
  std::string form_id, form_version;
  std::string instance_id, deprecated_id, instance_name;  // "" when absent
  std::optional<std::string> xml_hash;                    // none: keep a receipt only
  std::string xml_sha256;                                 // of the bytes received
  std::vector<std::string> expected_files;                // names the XML refers to
  std::vector<SubmissionFile> files;                      // the POST's file parts
  // A custom form's `area` field (an area id or code); none: the user's area when they have
  // exactly one.
  std::optional<std::string> area_ref;
  std::optional<std::string> record_type, record_id;  // a built-in form's record
  std::optional<std::string> collect_device_id, device_ref, user_agent;
  // A custom form's answers (instance leaves); those outside repeats are kept for indicators.
  std::vector<std::pair<std::string, std::string>> values;
};

enum class IngestOutcome { kCreated, kResent, kEdited };

struct Ingested {
  IngestOutcome outcome = IngestOutcome::kCreated;
  Submission submission;
  std::vector<SubmissionFile> stored;  // the attachments this POST stored
};

class SubmissionService {
 public:
  SubmissionService(UnitOfWorkFactory& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Errors, with Central's texts: same instanceID with other XML: conflict (409.1); an edit of
  // an unknown instance: not found (404.5); of a replaced one, or a resend of a replaced one:
  // conflict (409.9); an edit whose new instanceID exists with other XML: conflict (409.3); an
  // area outside the caller's areas: forbidden. Nothing is stored on any error.
  Result<Ingested> Ingest(const Actor& actor, const SubmissionInput& input);
  // The submission of `form_id` with this instanceID, if any (a read, no scope check).
  std::optional<Submission> Find(const std::string& form_id, const std::string& instance_id);

 private:
  Result<Ingested> Resend(UnitOfWork& uow, const Actor& actor, const SubmissionInput& input,
                          const Submission& existing);
  Result<Ingested> Create(UnitOfWork& uow, const Actor& actor, const SubmissionInput& input);
  void StoreFiles(UnitOfWork& uow, const Actor& actor, const Submission& s,
                  const std::vector<std::string>& expected, const SubmissionInput& input,
                  std::vector<SubmissionFile>& stored);

  UnitOfWorkFactory& db_;
  const Clock& clock_;
};

}  // namespace mobilise::domain
