#include "storage/dialect.hpp"
#include "storage/repositories/form_repositories.hpp"
#include "storage/repositories/sql_rows.hpp"
#include "storage/repositories/sql_where.hpp"

namespace mobilise::storage {
namespace {

using domain::Submission;
using domain::SubmissionAttachment;

}  // namespace

const char* const kSubmissionColumns =
    "id, form_id, form_version, instance_id, xml_hash, xml_sha256, instance_name, deprecated_id, "
    "current, root_id, collect_device_id, device_ref, user_agent, user_id, area_id, area_path, "
    "submitted_at, review_state, record_type, record_id, attachments_expected, "
    "attachments_present, version";

Submission ReadSubmission(const ResultSet::Row& r) {
  Submission s;
  s.id = r.Str("id");
  s.form_id = r.Str("form_id");
  s.form_version = r.Str("form_version");
  s.instance_id = r.Str("instance_id");
  s.xml_hash = r.OptText("xml_hash");
  s.xml_sha256 = r.Str("xml_sha256");
  s.instance_name = r.OptText("instance_name");
  s.deprecated_id = r.OptText("deprecated_id");
  s.current = r.Bool("current");
  s.root_id = r.Str("root_id");
  s.collect_device_id = r.OptText("collect_device_id");
  s.device_ref = r.OptText("device_ref");
  s.user_agent = r.OptText("user_agent");
  s.user_id = r.Str("user_id");
  s.area_id = r.OptText("area_id");
  s.area_path = r.OptText("area_path");
  s.submitted_at = r.Str("submitted_at");
  s.review_state =
      ReadEnum<domain::ReviewState>(r, "submission", "review_state", domain::kReviewStates);
  s.record_type = r.OptText("record_type");
  s.record_id = r.OptText("record_id");
  s.attachments_expected = r.Int("attachments_expected");
  s.attachments_present = r.Int("attachments_present");
  s.version = r.Int("version");
  return s;
}

namespace {

SubmissionAttachment ReadAttachment(const ResultSet::Row& r) {
  return SubmissionAttachment{r.Str("submission_id"), r.Str("name"), r.Str("content_type"),
                              r.OptText("blob_hash"), r.Int("size")};
}

}  // namespace

void SqlSubmissionRepository::LockInstance(const std::string& form_id,
                                           const std::string& instance_id) {
  LockKey(conn_, "submission:" + form_id + ":" + instance_id);
}

std::optional<Submission> SqlSubmissionRepository::FindByInstance(const std::string& form_id,
                                                                  const std::string& instance_id) {
  return ReadFirst(conn_.Query("SELECT " + std::string(kSubmissionColumns) +
                                   " FROM submission WHERE form_id = ? AND instance_id = ?",
                               {form_id, instance_id}),
                   ReadSubmission);
}

std::optional<Submission> SqlSubmissionRepository::Get(const std::string& id) {
  return ReadFirst(
      conn_.Query("SELECT " + std::string(kSubmissionColumns) + " FROM submission WHERE id = ?",
                  {id}),
      ReadSubmission);
}

void SqlSubmissionRepository::Insert(const Submission& s) {
  InsertRow(conn_, "submission", kSubmissionColumns,
            {s.id,
             s.form_id,
             s.form_version,
             s.instance_id,
             OptParam(s.xml_hash),
             s.xml_sha256,
             OptParam(s.instance_name),
             OptParam(s.deprecated_id),
             std::int64_t{s.current ? 1 : 0},
             s.root_id,
             OptParam(s.collect_device_id),
             OptParam(s.device_ref),
             OptParam(s.user_agent),
             s.user_id,
             OptParam(s.area_id),
             OptParam(s.area_path),
             s.submitted_at,
             std::string(ToString(s.review_state)),
             OptParam(s.record_type),
             OptParam(s.record_id),
             s.attachments_expected,
             s.attachments_present,
             s.version});
}

void SqlSubmissionRepository::MarkReplaced(const std::string& id) {
  conn_.Execute("UPDATE submission SET current = 0, version = version + 1 WHERE id = ?", {id});
}

std::vector<SubmissionAttachment> SqlSubmissionRepository::Attachments(
    const std::string& submission_id) {
  return ReadRows(conn_.Query("SELECT submission_id, name, content_type, blob_hash, size FROM "
                              "submission_attachment WHERE submission_id = ? ORDER BY name",
                              {submission_id}),
                  ReadAttachment);
}

void SqlSubmissionRepository::UpsertAttachment(const SubmissionAttachment& a) {
  conn_.Execute(
      "INSERT INTO submission_attachment (submission_id, name, content_type, blob_hash, size) "
      "VALUES (?,?,?,?,?) ON CONFLICT (submission_id, name) DO UPDATE SET content_type = "
      "excluded.content_type, blob_hash = excluded.blob_hash, size = excluded.size",
      {a.submission_id, a.name, a.content_type, OptParam(a.blob_hash), a.size});
}

void SqlSubmissionRepository::CountAttachments(const std::string& submission_id) {
  conn_.Execute(
      "UPDATE submission SET attachments_expected = (SELECT COUNT(*) FROM submission_attachment "
      "WHERE submission_id = ?), attachments_present = (SELECT COUNT(*) FROM "
      "submission_attachment WHERE submission_id = ? AND blob_hash IS NOT NULL) WHERE id = ?",
      {submission_id, submission_id, submission_id});
}

std::int64_t SqlSubmissionRepository::CountForForm(const std::string& form_id) {
  return conn_
      .Query("SELECT COUNT(*) FROM submission WHERE form_id = ? AND current = 1", {form_id})[0]
      .Int(0);
}

}  // namespace mobilise::storage
