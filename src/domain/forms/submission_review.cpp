#include "domain/forms/submission_review.hpp"

#include <algorithm>

#include "core/id.hpp"
#include "domain/audit/audit.hpp"

namespace mobilise::domain {
namespace {

constexpr int kExportPage = 500;
constexpr std::size_t kMaxComment = 2000;

bool MayRead(const Actor& actor, const Submission& s) {
  if (actor.system) return true;
  if (!s.area_path) return actor.CanAtRoot(Permission::kRegistryRead);
  return actor.Can(Permission::kRegistryRead, *s.area_path);
}

// Supervisors (who verify activities) and administrators (who hold the configuration).
bool MayReview(const Actor& actor, const Submission& s) {
  if (actor.system) return true;
  for (const auto p : {Permission::kActivityVerify, Permission::kConfigWrite})
    if (s.area_path ? actor.Can(p, *s.area_path) : actor.CanAtRoot(p)) return true;
  return false;
}

// The submission if the actor may read it (not found otherwise: its existence is not told).
Result<SubmissionRow> Visible(UnitOfWork& uow, const Actor& actor, const std::string& id) {
  auto row = uow.SubmissionReviews().Get(id);
  if (!row || !MayRead(actor, row->submission)) return Fail(Error::NotFound("submission"));
  return *row;
}

std::string Cursor(const SubmissionRow& row) {
  return row.submission.submitted_at + "~" + row.submission.id;
}

std::optional<std::pair<std::string, std::string>> ParseCursor(const std::string& text) {
  const auto tilde = text.rfind('~');
  if (tilde == std::string::npos || tilde == 0 || tilde + 1 == text.size()) return std::nullopt;
  return std::pair{text.substr(0, tilde), text.substr(tilde + 1)};
}

Snapshot ReviewSnapshot(const Submission& s) {
  return {{"review_state", std::string(ToString(s.review_state))}};
}

}  // namespace

SubmissionListQuery ReaderQuery(const Actor& actor, const std::string& form_id) {
  SubmissionListQuery q;
  q.form_id = form_id;
  q.programme_wide = actor.system || actor.CanAtRoot(Permission::kRegistryRead);
  q.scope = actor.system ? std::vector<PathRange>{SubtreeRange("/")}
                         : actor.Scope(Permission::kRegistryRead);
  return q;
}

Result<SubmissionPage> SubmissionReviewService::List(const Actor& actor, const std::string& form_id,
                                                     std::optional<ReviewState> review_state,
                                                     const std::optional<std::string>& area_id,
                                                     const std::optional<std::string>& cursor,
                                                     int limit) {
  auto uow = db_.Begin(false);
  if (!uow->XForms().Get(form_id)) return Fail(Error::NotFound("form"));
  SubmissionListQuery q = ReaderQuery(actor, form_id);
  q.review_state = review_state;
  if (area_id) {
    const auto area = uow->Areas().Get(*area_id);
    if (!area || !(actor.system || actor.Sees(area->path)))
      return Fail(Error::Field("area_id", problem::NoSuchInScope("area")));
    q.area_path = area->path;
  }
  if (cursor) {
    q.after = ParseCursor(*cursor);
    if (!q.after) return Fail(Error::Field("cursor", problem::Invalid()));
  }
  q.limit = limit + 1;
  SubmissionPage page;
  page.items = uow->SubmissionReviews().List(q);
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.resize(static_cast<std::size_t>(limit));
    page.next_cursor = Cursor(page.items.back());
  }
  return page;
}

Result<SubmissionDetail> SubmissionReviewService::Get(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(false);
  auto row = Visible(*uow, actor, id);
  if (!row) return Fail(row.error());
  SubmissionDetail d;
  d.row = *row;
  const auto& s = row->submission;
  if (s.xml_hash) d.xml = blobs_.Get(*s.xml_hash);
  d.form_version = uow->XForms().GetVersion(s.form_id, s.form_version);
  d.attachments = uow->Submissions().Attachments(id);
  d.comments = uow->SubmissionReviews().Comments(id);
  return d;
}

Result<SubmissionDetail> SubmissionReviewService::Review(const Actor& actor, const std::string& id,
                                                         std::int64_t version,
                                                         const ReviewInput& in) {
  FieldErrors errors;
  if (!in.review_state && !in.comment) errors["review_state"] = problem::Required();
  if (in.review_state == ReviewState::kEdited)
    errors["review_state"] =
        problem::OneOf(std::vector<std::string>{"received", "has_issues", "approved", "rejected"});
  if (in.comment && (in.comment->empty() || in.comment->size() > kMaxComment))
    errors["comment"] = in.comment->empty() ? problem::Required() : problem::TooLong(kMaxComment);
  {
    auto uow = db_.Begin(true);
    auto row = Visible(*uow, actor, id);
    if (!row) return Fail(row.error());
    const Submission before = row->submission;
    if (!MayReview(actor, before)) return Fail(Error::Forbidden());
    if (!errors.empty()) return Fail(Error::Validation("the review has invalid fields", errors));
    if (version != before.version) return Fail(Error::Stale("submission", before.version));
    Submission after = before;
    if (in.review_state) after.review_state = *in.review_state;
    // A comment alone is a change too (version + 1): a reviewer sees what they answer to.
    if (!uow->SubmissionReviews().SetReviewState(id, after.review_state, version))
      return Fail(Error::Stale("submission", before.version));
    const auto now = clock_.Timestamp();
    if (in.comment) {
      const std::optional<std::string> state =
          in.review_state ? std::optional<std::string>(ToString(*in.review_state)) : std::nullopt;
      uow->SubmissionReviews().InsertComment({NewId(), id, actor.user_id, *in.comment, now, state});
    }
    RecordAudit(uow->Audit(), clock_, actor, in.review_state ? "review" : "comment", "submission",
                id, before.area_path, ReviewSnapshot(before), ReviewSnapshot(after));
    uow->Commit();
  }
  return Get(actor, id);
}

Result<AttachmentFile> SubmissionReviewService::Attachment(const Actor& actor,
                                                           const std::string& id,
                                                           const std::string& name) {
  auto uow = db_.Begin(false);
  auto row = Visible(*uow, actor, id);
  if (!row) return Fail(row.error());
  for (const auto& a : uow->Submissions().Attachments(id)) {
    if (a.name != name || !a.blob_hash) continue;
    auto bytes = blobs_.Get(*a.blob_hash);
    if (!bytes) break;
    return AttachmentFile{a.name, a.content_type, std::move(*bytes), *a.blob_hash};
  }
  return Fail(Error::NotFound("attachment"));
}

Result<XForm> SubmissionReviewService::Exportable(const Actor& actor, const std::string& form_id) {
  if (!actor.system && !actor.HasPermission(Permission::kRegistryRead))
    return Fail(Error::Forbidden());
  auto uow = db_.Begin(false);
  auto form = uow->XForms().Get(form_id);
  if (!form) return Fail(Error::NotFound("form"));
  return *form;
}

Status SubmissionReviewService::ForEach(
    const Actor& actor, const std::string& form_id,
    const std::function<Status(const ExportedSubmission&)>& each) {
  SubmissionListQuery q = ReaderQuery(actor, form_id);
  q.limit = kExportPage;
  q.with_answers = true;
  for (;;) {
    std::vector<SubmissionRow> rows;
    {
      auto uow = db_.Begin(false);
      rows = uow->SubmissionReviews().List(q);
    }
    for (const auto& row : rows) {
      const auto& hash = row.submission.xml_hash;
      const std::optional<std::string> xml =
          hash && !row.answers ? blobs_.Get(*hash) : std::nullopt;
      if (auto done = each({row, xml}); !done) return done;
    }
    if (static_cast<int>(rows.size()) < q.limit) return {};
    q.after = std::pair{rows.back().submission.submitted_at, rows.back().submission.id};
  }
}

}  // namespace mobilise::domain
