// Submissions review (issue 16, custom forms): the list of a form's submissions (paged by a
// cursor, filtered, in the reader's area scope), one submission with its values, attachments and
// comments, its review state and comments (audited, version-checked), an attachment's bytes, and
// every current submission of a form one at a time for the exports. Also a submission's parsed
// answers (exports and indicators read them), written when a submission is stored.
//
// Who: reading needs kRegistryRead over the submission's area (a submission without an area is
// for programme-wide readers only); reviewing needs kActivityVerify (supervisors) or kConfigWrite
// (administrators) there. A submission kept as a receipt only (no XML) shows no values.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "domain/activities/activity.hpp"
#include "domain/forms/form.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

// A submission's leaves as read at ingest: [path, value] in document order, repeat entries with
// their 1-based position ("/data/person[2]/name"), empty values present.
using SubmissionAnswers = std::vector<std::pair<std::string, std::string>>;

// A submission as lists show it.
struct SubmissionRow {
  Submission submission;
  std::string user_name, device_name;
  std::int64_t edits = 0;  // submissions before it in its edit chain
  // Its answers, when the query asked for them and they were stored whole (submissions stored
  // before migration 0024 have the XML only).
  std::optional<SubmissionAnswers> answers;
};

struct SubmissionListQuery {
  std::string form_id;
  std::optional<ReviewState> review_state;
  std::optional<std::string> area_path;  // this subtree only
  std::vector<PathRange> scope;          // the reader's
  bool programme_wide = false;           // the reader also sees submissions without an area
  // Keyset: after this (submitted_at, id), newest first.
  std::optional<std::pair<std::string, std::string>> after;
  int limit = 50;
  bool with_answers = false;  // read each row's stored answers too
};

struct SubmissionCommentRow {
  SubmissionComment comment;
  std::string user_name;
};

// The query of a form's current submissions `actor` may read (kRegistryRead's scope; those
// without an area too for programme-wide readers).
SubmissionListQuery ReaderQuery(const Actor& actor, const std::string& form_id);

class SubmissionReviewRepository {
 public:
  virtual ~SubmissionReviewRepository() = default;
  // Current submissions only (an edited one is shown as its latest version).
  virtual std::vector<SubmissionRow> List(const SubmissionListQuery& query) = 0;
  // How many current submissions the query selects (its cursor and limit aside).
  virtual std::int64_t Count(const SubmissionListQuery& query) = 0;
  virtual std::optional<SubmissionRow> Get(const std::string& id) = 0;
  virtual std::vector<SubmissionCommentRow> Comments(const std::string& submission_id) = 0;
  virtual void InsertComment(const SubmissionComment& comment) = 0;
  // Sets the state and version + 1 if the row is at `expected_version`; false otherwise.
  virtual bool SetReviewState(const std::string& id, ReviewState state,
                              std::int64_t expected_version) = 0;
  // Stores the submission's answers whole (the first value of a path counts), for exports and
  // for indicators over a question (a value outside repeats, not empty; a sum reads the values
  // that are JSON numbers).
  virtual void SaveAnswers(const std::string& submission_id, const SubmissionAnswers& answers) = 0;
};

struct SubmissionPage {
  std::vector<SubmissionRow> items;
  std::optional<std::string> next_cursor;  // none: the last page
};

// The XML is the submission's as received (none for a receipt only); the API reads its values
// with the form's definition (xforms/), which the domain does not depend on.
struct SubmissionDetail {
  SubmissionRow row;
  std::optional<std::string> xml;
  std::optional<XFormVersion> form_version;  // the version it was submitted against
  std::vector<SubmissionAttachment> attachments;
  std::vector<SubmissionCommentRow> comments;
};

struct ReviewInput {
  std::optional<ReviewState> review_state;
  std::optional<std::string> comment;
};

struct AttachmentFile {
  std::string name, content_type, bytes, sha256;
};

// A submission for the exports: its stored answers (row.answers), or else its XML to read.
struct ExportedSubmission {
  const SubmissionRow& row;
  const std::optional<std::string>& xml;  // none when row.answers holds them
};

class SubmissionReviewService {
 public:
  SubmissionReviewService(UnitOfWorkFactory& db, const Clock& clock, BlobStore& blobs)
      : db_(db), clock_(clock), blobs_(blobs) {}

  // A page of the form's submissions the reader may see; `cursor` from the previous page.
  Result<SubmissionPage> List(const Actor& actor, const std::string& form_id,
                              std::optional<ReviewState> review_state,
                              const std::optional<std::string>& area_id,
                              const std::optional<std::string>& cursor, int limit = 50);
  Result<SubmissionDetail> Get(const Actor& actor, const std::string& id);
  // Sets the review state and/or adds a comment (at least one); stale `version`: Error::stale.
  Result<SubmissionDetail> Review(const Actor& actor, const std::string& id, std::int64_t version,
                                  const ReviewInput& input);
  Result<AttachmentFile> Attachment(const Actor& actor, const std::string& id,
                                    const std::string& name);
  // The form the reader may export (with its versions), or an error.
  Result<XForm> Exportable(const Actor& actor, const std::string& form_id);
  // Each current submission of the form the reader may see, newest first, read a page at a time
  // (never all at once) and handed to `each` with its stored answers (or its XML when they were
  // not stored whole); `each`'s error stops it.
  Status ForEach(const Actor& actor, const std::string& form_id,
                 const std::function<Status(const ExportedSubmission&)>& each);

 private:
  UnitOfWorkFactory& db_;
  const Clock& clock_;
  BlobStore& blobs_;
};

}  // namespace mobilise::domain
