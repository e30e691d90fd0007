// The SQL of the submissions review (domain/forms/submission_review.hpp) and of a submission's
// stored answers (submission.answers, migration 0024).
#include "storage/repositories/submission_review_repository.hpp"

#include "storage/repositories/form_repositories.hpp"
#include "storage/repositories/sql_rows.hpp"
#include "storage/repositories/sql_where.hpp"
#include "storage/repositories/submission_answers_json.hpp"

namespace mobilise::storage {
namespace {

using domain::SubmissionCommentRow;
using domain::SubmissionRow;

// The submissions chosen by `inner` (a SELECT of kSubmissionColumns) with their submitter's and
// device's names and their edit count.
std::string WithNames(const std::string& inner) {
  return "SELECT s.*, COALESCE(u.full_name, s.user_id) AS user_name, "
         "COALESCE(d.name, '') AS device_name, "
         "(SELECT COUNT(*) - 1 FROM submission e WHERE e.root_id = s.root_id) AS edits FROM (" +
         inner +
         ") s LEFT JOIN app_user u ON u.id = s.user_id "
         "LEFT JOIN collect_device d ON d.id = s.collect_device_id";
}

SubmissionRow ReadRow(const ResultSet::Row& r) {
  SubmissionRow row;
  row.submission = ReadSubmission(r);
  row.user_name = r.Str("user_name");
  row.device_name = r.Str("device_name");
  row.edits = r.Int("edits");
  return row;
}

// A row with its answers when they were stored whole (the query selected `answers` and
// `answers_whole`).
SubmissionRow ReadRowWithAnswers(const ResultSet::Row& r) {
  SubmissionRow row = ReadRow(r);
  if (r.Int("answers_whole") == 1)
    if (const auto json = r.OptText("answers")) row.answers = DecodeAnswers(*json);
  return row;
}

// The current submissions `q` selects (its cursor and limit aside).
SqlWhere Selected(const domain::SubmissionListQuery& q) {
  SqlWhere w;
  w.And("form_id = ?", {q.form_id});
  w.And("current = 1");
  if (q.review_state) w.And("review_state = ?", {std::string(ToString(*q.review_state))});
  if (q.area_path) {
    const auto range = domain::SubtreeRange(*q.area_path);
    w.And("area_path >= ? AND area_path < ?", {range.lo, range.hi});
  }
  std::vector<Param> scope_params;
  std::string scope = ScopeSql("area_path", q.scope, scope_params);
  if (q.programme_wide) scope = "(" + scope + ") OR area_path IS NULL";
  w.And("(" + scope + ")", scope_params);
  return w;
}

}  // namespace

std::vector<SubmissionRow> SqlSubmissionReviewRepository::List(
    const domain::SubmissionListQuery& q) {
  SqlWhere w = Selected(q);
  if (q.after)
    w.And("(submitted_at < ? OR (submitted_at = ? AND id < ?))",
          {q.after->first, q.after->first, q.after->second});
  std::vector<Param> params = w.params;
  params.emplace_back(static_cast<std::int64_t>(q.limit));
  const std::string inner = "SELECT " + std::string(kSubmissionColumns) +
                            (q.with_answers ? ", answers, answers_whole" : "") +
                            " FROM submission" + w.sql +
                            " ORDER BY submitted_at DESC, id DESC LIMIT ?";
  return ReadRows(
      conn_.Query(WithNames(inner) + " ORDER BY s.submitted_at DESC, s.id DESC", params),
      q.with_answers ? ReadRowWithAnswers : ReadRow);
}

std::int64_t SqlSubmissionReviewRepository::Count(const domain::SubmissionListQuery& q) {
  const SqlWhere w = Selected(q);
  return conn_.Query("SELECT COUNT(*) FROM submission" + w.sql, w.params)[0].Int(0);
}

std::optional<SubmissionRow> SqlSubmissionReviewRepository::Get(const std::string& id) {
  return ReadFirst(conn_.Query(WithNames("SELECT " + std::string(kSubmissionColumns) +
                                         " FROM submission WHERE id = ?"),
                               {id}),
                   ReadRow);
}

std::vector<SubmissionCommentRow> SqlSubmissionReviewRepository::Comments(
    const std::string& submission_id) {
  return ReadRows(conn_.Query("SELECT c.id, c.submission_id, c.user_id, c.body, c.created_at, "
                              "c.review_state, COALESCE(u.full_name, c.user_id) AS user_name "
                              "FROM submission_comment c LEFT JOIN app_user u ON u.id = c.user_id "
                              "WHERE c.submission_id = ? ORDER BY c.created_at, c.id",
                              {submission_id}),
                  [](const ResultSet::Row& r) {
                    return SubmissionCommentRow{
                        {r.Str("id"), r.Str("submission_id"), r.Str("user_id"), r.Str("body"),
                         r.Str("created_at"), r.OptText("review_state")},
                        r.Str("user_name")};
                  });
}

void SqlSubmissionReviewRepository::InsertComment(const domain::SubmissionComment& c) {
  InsertRow(conn_, "submission_comment",
            "id, submission_id, user_id, body, review_state, created_at",
            {c.id, c.submission_id, c.user_id, c.body, OptParam(c.review_state), c.created_at});
}

bool SqlSubmissionReviewRepository::SetReviewState(const std::string& id, domain::ReviewState state,
                                                   std::int64_t expected_version) {
  return UpdateVersionedRow(conn_, "submission", "review_state, version",
                            {std::string(ToString(state)), expected_version + 1}, id,
                            expected_version);
}

void SqlSubmissionReviewRepository::SaveAnswers(const std::string& submission_id,
                                                const domain::SubmissionAnswers& answers) {
  conn_.Execute("UPDATE submission SET answers = ?, answers_whole = 1 WHERE id = ?",
                {EncodeAnswers(answers), submission_id});
}

}  // namespace mobilise::storage
