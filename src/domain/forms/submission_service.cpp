#include "domain/forms/submission_service.hpp"

#include <algorithm>
#include <map>

#include "core/id.hpp"
#include "domain/forms/submission_review.hpp"

namespace mobilise::domain {
namespace {

Error DifferentXml() {
  return Error::Conflict(
      "A submission already exists with this ID, but with different XML. Resubmissions to attach "
      "additional multimedia must resubmit an identical xml_submission_file.");
}

Error OutOfDate(const std::string& id) {
  return Error::Conflict("You tried to update a submission, but the copy you were editing (" + id +
                         ") is now out of date. Please get the new version that has been "
                         "submitted, and make your edits again.");
}

const SubmissionFile* FileNamed(const SubmissionInput& input, const std::string& name) {
  for (const SubmissionFile& f : input.files) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

// The area a submission belongs to: the `area` field (id or code) inside the caller's areas, or
// the caller's one area.
Result<std::optional<Area>> SubmissionArea(UnitOfWork& uow, const Actor& actor,
                                           const SubmissionInput& input) {
  if (input.area_ref && !input.area_ref->empty()) {
    auto area = uow.Areas().Get(*input.area_ref);
    if (!area) area = uow.Areas().GetByCode(*input.area_ref);
    if (!area || !actor.Sees(area->path)) {
      return Fail(Error::Forbidden("The submission's area (" + *input.area_ref +
                                   ") is outside your areas."));
    }
    return std::optional<Area>(*area);
  }
  if (actor.grants.size() == 1) {
    if (auto area = uow.Areas().Get(actor.grants.front().area_id)) return std::optional(*area);
  }
  return std::optional<Area>();
}

}  // namespace

std::optional<Submission> SubmissionService::Find(const std::string& form_id,
                                                  const std::string& instance_id) {
  return db_.Begin(false)->Submissions().FindByInstance(form_id, instance_id);
}

Result<Ingested> SubmissionService::Ingest(const Actor& actor, const SubmissionInput& input) {
  auto uow = db_.Begin(true);
  uow->Submissions().LockInstance(input.form_id, input.instance_id);
  auto existing = uow->Submissions().FindByInstance(input.form_id, input.instance_id);
  Result<Ingested> done =
      existing ? Resend(*uow, actor, input, *existing) : Create(*uow, actor, input);
  if (done) uow->Commit();
  return done;
}

Result<Ingested> SubmissionService::Resend(UnitOfWork& uow, const Actor& actor,
                                           const SubmissionInput& input,
                                           const Submission& existing) {
  if (existing.xml_sha256 != input.xml_sha256) {
    if (!input.deprecated_id.empty()) {
      return Fail(Error::Conflict("A resource already exists with instanceID value(s) of " +
                                  input.instance_id + "."));
    }
    return Fail(DifferentXml());
  }
  if (!existing.current) return Fail(OutOfDate(input.instance_id));
  Ingested out{IngestOutcome::kResent, existing, {}};
  std::vector<std::string> expected;
  for (const SubmissionAttachment& a : uow.Submissions().Attachments(existing.id)) {
    expected.push_back(a.name);
  }
  StoreFiles(uow, actor, existing, expected, input, out.stored);
  out.submission = *uow.Submissions().Get(existing.id);
  return out;
}

Result<Ingested> SubmissionService::Create(UnitOfWork& uow, const Actor& actor,
                                           const SubmissionInput& input) {
  std::optional<Submission> replaced;
  if (!input.deprecated_id.empty()) {
    replaced = uow.Submissions().FindByInstance(input.form_id, input.deprecated_id);
    if (!replaced) {
      return Fail(Error{ErrorCode::kNotFound,
                        "You tried to update an existing submission, but we can't find that "
                        "submission to update (" +
                            input.deprecated_id + ")"});
    }
    if (!replaced->current) return Fail(OutOfDate(input.deprecated_id));
  }
  auto area = SubmissionArea(uow, actor, input);
  if (!area) return Fail(area.error());
  Submission s;
  s.id = NewId();
  s.form_id = input.form_id;
  s.form_version = input.form_version;
  s.instance_id = input.instance_id;
  s.xml_hash = input.xml_hash;
  s.xml_sha256 = input.xml_sha256;
  if (!input.instance_name.empty()) s.instance_name = input.instance_name;
  if (!input.deprecated_id.empty()) s.deprecated_id = input.deprecated_id;
  s.root_id = replaced ? replaced->root_id : s.id;
  s.collect_device_id = input.collect_device_id;
  s.device_ref = input.device_ref;
  s.user_agent = input.user_agent;
  s.user_id = actor.user_id;
  if (*area) {
    s.area_id = (*area)->id;
    s.area_path = (*area)->path;
  }
  s.submitted_at = clock_.Timestamp();
  s.review_state = replaced ? ReviewState::kEdited : ReviewState::kReceived;
  s.record_type = input.record_type;
  s.record_id = input.record_id;
  uow.Submissions().Insert(s);
  if (!input.values.empty()) uow.SubmissionReviews().SaveAnswers(s.id, input.values);
  Ingested out{replaced ? IngestOutcome::kEdited : IngestOutcome::kCreated, s, {}};
  if (replaced) {
    uow.Submissions().MarkReplaced(replaced->id);
    // Attachments not sent again come forward from the copy that was edited, by file name.
    for (const SubmissionAttachment& a : uow.Submissions().Attachments(replaced->id)) {
      bool wanted = std::find(input.expected_files.begin(), input.expected_files.end(), a.name) !=
                    input.expected_files.end();
      if (!wanted || !a.blob_hash) continue;
      uow.Submissions().UpsertAttachment({s.id, a.name, a.content_type, a.blob_hash, a.size});
    }
  }
  RecordAudit(uow.Audit(), clock_, actor, replaced ? "edit" : "create", "submission", s.id,
              s.area_path, std::nullopt,
              Snapshot{{"form_id", s.form_id},
                       {"instance_id", s.instance_id},
                       {"deprecated_id", s.deprecated_id},
                       {"record_type", s.record_type},
                       {"record_id", s.record_id}});
  StoreFiles(uow, actor, s, input.expected_files, input, out.stored);
  out.submission = *uow.Submissions().Get(s.id);
  return out;
}

void SubmissionService::StoreFiles(UnitOfWork& uow, const Actor& actor, const Submission& s,
                                   const std::vector<std::string>& expected,
                                   const SubmissionInput& input,
                                   std::vector<SubmissionFile>& stored) {
  std::map<std::string, SubmissionAttachment> have;
  for (SubmissionAttachment& a : uow.Submissions().Attachments(s.id)) have[a.name] = a;
  for (const std::string& name : expected) {
    const SubmissionFile* file = FileNamed(input, name);
    auto it = have.find(name);
    if (!file) {
      if (it == have.end()) uow.Submissions().UpsertAttachment({s.id, name, "", std::nullopt, 0});
      continue;
    }
    if (it != have.end() && it->second.blob_hash == file->blob_hash) continue;
    uow.Submissions().UpsertAttachment(
        {s.id, name, file->content_type, file->blob_hash, file->size});
    stored.push_back(*file);
    RecordAudit(
        uow.Audit(), clock_, actor, "attach", "submission", s.id, s.area_path, std::nullopt,
        Snapshot{
            {"name", name}, {"instance_id", s.instance_id}, {"size", std::to_string(file->size)}});
  }
  uow.Submissions().CountAttachments(s.id);
}

}  // namespace mobilise::domain
