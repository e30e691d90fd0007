// ODK Collect devices, XForms (custom and built-in) with their versions, media and
// assignments, and the submissions they receive: entities and repository interfaces
// (migration 0020; docs/openrosa.md). XML bytes live in the BlobStore; rows hold their SHA-256.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "domain/access/actor.hpp"

namespace mobilise::domain {

// A Collect device ("app user"): a token that acts as its staff member. Only the token's
// SHA-256 is stored.
struct CollectDevice {
  std::string id, user_id, name, token_hash, created_at;
  std::optional<std::string> created_by, last_used_at, revoked_at;
  std::string user_name;       // filled by reads: the user's full name
  bool user_disabled = false;  // filled by reads
};

struct CollectDeviceQuery {
  std::optional<std::string> user_id;  // one user's devices
  // Devices of users whose every role lies in these subtrees (an administrator's scope); none:
  // no restriction by scope.
  std::optional<std::vector<PathRange>> scope;
};

class CollectDeviceRepository {
 public:
  virtual ~CollectDeviceRepository() = default;
  virtual void Insert(const CollectDevice& device) = 0;
  virtual std::optional<CollectDevice> Get(const std::string& id) = 0;
  // The device with this token hash, revoked or not (the caller decides).
  virtual std::optional<CollectDevice> FindByTokenHash(const std::string& token_hash) = 0;
  virtual std::vector<CollectDevice> List(const CollectDeviceQuery& query) = 0;
  virtual void Revoke(const std::string& id, const std::string& at) = 0;
  virtual void Touch(const std::string& id, const std::string& at) = 0;
};

enum class FormKind { kCustom, kActivity, kHousehold, kFeedback };
inline constexpr std::array<std::string_view, 4> kFormKinds = {"custom", "activity", "household",
                                                               "feedback"};
std::string_view ToString(FormKind kind);
std::optional<FormKind> ParseFormKind(std::string_view text);

// open: listed and accepting; closing: accepting but no longer listed; closed: neither.
enum class FormState { kOpen, kClosing, kClosed };
inline constexpr std::array<std::string_view, 3> kFormStates = {"open", "closing", "closed"};
std::string_view ToString(FormState state);
std::optional<FormState> ParseFormState(std::string_view text);

struct XFormVersion {
  std::string form_id;
  std::string version;                     // "" when the XForm has none
  std::string xml_hash;                    // SHA-256 of the XML in the BlobStore
  std::string md5;                         // hex MD5 of those bytes (formList's hash)
  std::optional<std::string> source_hash;  // the XLSForm in the BlobStore
  std::string fields_json;                 // [{path, type, repeat}] for exports
  std::string created_at;
  std::optional<std::string> published_at;
};

struct XFormMedia {
  std::string form_id, version, name, content_type, blob_hash, md5;
};

struct XForm {
  std::string id, xml_form_id, title;
  FormKind kind = FormKind::kCustom;
  FormState state = FormState::kOpen;
  std::optional<std::string> published_version;
  std::optional<std::string> created_by;
  std::string created_at, updated_at;
  std::int64_t version = 1;
  // Filled by Get and List: versions oldest first, assignments, submissions received.
  std::vector<XFormVersion> versions;
  std::vector<std::string> device_ids, area_ids;
  std::int64_t submissions = 0;
};

class XFormRepository {
 public:
  virtual ~XFormRepository() = default;
  virtual std::vector<XForm> List() = 0;
  virtual std::optional<XForm> Get(const std::string& id) = 0;
  virtual std::optional<XForm> GetByXmlFormId(const std::string& xml_form_id) = 0;
  // Fails with a conflict when the xml_form_id is taken.
  virtual Status Insert(const XForm& form) = 0;
  // Writes title, state, published_version, updated_at and version + 1 if the row is at
  // `expected_version`; false otherwise.
  virtual bool Update(const XForm& form, std::int64_t expected_version) = 0;
  // Fails with a conflict when the form has this version already.
  virtual Status InsertVersion(const XFormVersion& version) = 0;
  virtual std::optional<XFormVersion> GetVersion(const std::string& form_id,
                                                 const std::string& version) = 0;
  virtual void SetPublishedAt(const std::string& form_id, const std::string& version,
                              const std::string& at) = 0;
  virtual std::vector<XFormMedia> Media(const std::string& form_id, const std::string& version) = 0;
  virtual void UpsertMedia(const XFormMedia& media) = 0;
  // Replaces the form's assignments.
  virtual void SetAssignments(const std::string& form_id, const std::vector<std::string>& devices,
                              const std::vector<std::string>& areas) = 0;
  // Whether the form is assigned to `device_id` or to an area at or above one of `area_paths`.
  virtual bool AssignedTo(const std::string& form_id, const std::string& device_id,
                          const std::vector<std::string>& area_paths) = 0;
};

enum class ReviewState { kReceived, kHasIssues, kApproved, kRejected, kEdited };
inline constexpr std::array<std::string_view, 5> kReviewStates = {"received", "has_issues",
                                                                  "approved", "rejected", "edited"};
std::string_view ToString(ReviewState state);
std::optional<ReviewState> ParseReviewState(std::string_view text);

struct Submission {
  std::string id, form_id, form_version, instance_id;
  std::optional<std::string> xml_hash;  // NULL: a receipt only (the record keeps the content)
  std::string xml_sha256;               // of the bytes received, to tell a resend from a change
  std::optional<std::string> instance_name, deprecated_id;
  bool current = true;  // false once an edit replaced it
  std::string root_id;  // the first submission of its edit chain
  std::optional<std::string> collect_device_id, device_ref, user_agent;
  std::string user_id;
  std::optional<std::string> area_id, area_path;
  std::string submitted_at;
  ReviewState review_state = ReviewState::kReceived;
  std::optional<std::string> record_type, record_id;
  std::int64_t attachments_expected = 0, attachments_present = 0;
  std::int64_t version = 1;
};

struct SubmissionAttachment {
  std::string submission_id, name, content_type;
  std::optional<std::string> blob_hash;  // NULL: expected, not received yet
  std::int64_t size = 0;
};

struct SubmissionComment {
  std::string id, submission_id, user_id, body, created_at;
  std::optional<std::string> review_state;
};

class SubmissionRepository {
 public:
  virtual ~SubmissionRepository() = default;
  // Serialises writers of one (form, instanceID) until the transaction ends (an advisory lock
  // on PostgreSQL; SQLite's write lock does it already).
  virtual void LockInstance(const std::string& form_id, const std::string& instance_id) = 0;
  virtual std::optional<Submission> FindByInstance(const std::string& form_id,
                                                   const std::string& instance_id) = 0;
  virtual std::optional<Submission> Get(const std::string& id) = 0;
  virtual void Insert(const Submission& submission) = 0;
  // Marks it replaced by an edit (current = 0, version + 1).
  virtual void MarkReplaced(const std::string& id) = 0;
  virtual std::vector<SubmissionAttachment> Attachments(const std::string& submission_id) = 0;
  // Inserts or replaces the attachment row (submission_id, name).
  virtual void UpsertAttachment(const SubmissionAttachment& attachment) = 0;
  // Sets attachments_present and attachments_expected from the attachment rows.
  virtual void CountAttachments(const std::string& submission_id) = 0;
  virtual std::int64_t CountForForm(const std::string& form_id) = 0;
};

}  // namespace mobilise::domain
