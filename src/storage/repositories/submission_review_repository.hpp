// The SQL repository of the submissions review (domain/forms/submission_review.hpp).
#pragma once

#include "domain/forms/submission_review.hpp"
#include "storage/database.hpp"

namespace mobilise::storage {

class SqlSubmissionReviewRepository final : public domain::SubmissionReviewRepository {
 public:
  explicit SqlSubmissionReviewRepository(Connection& conn) : conn_(conn) {}
  std::vector<domain::SubmissionRow> List(const domain::SubmissionListQuery& query) override;
  std::int64_t Count(const domain::SubmissionListQuery& query) override;
  std::optional<domain::SubmissionRow> Get(const std::string& id) override;
  std::vector<domain::SubmissionCommentRow> Comments(const std::string& submission_id) override;
  void InsertComment(const domain::SubmissionComment& comment) override;
  bool SetReviewState(const std::string& id, domain::ReviewState state,
                      std::int64_t expected_version) override;
  void SaveAnswers(const std::string& submission_id,
                   const domain::SubmissionAnswers& answers) override;

 private:
  Connection& conn_;
};

}  // namespace mobilise::storage
