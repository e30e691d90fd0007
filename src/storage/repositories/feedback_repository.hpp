#pragma once

#include "domain/feedback/feedback.hpp"
#include "storage/database.hpp"

namespace mobilise::storage {

// Feedback in SQL; valid for the connection's current transaction.
class SqlFeedbackRepository final : public domain::FeedbackRepository {
 public:
  explicit SqlFeedbackRepository(Connection& conn) : conn_(conn) {}
  std::vector<domain::FeedbackCategory> Categories() override;
  std::optional<domain::Feedback> Get(const std::string& id) override;
  domain::Page<domain::Feedback> List(const domain::FeedbackQuery& query) override;
  void Insert(const domain::Feedback& feedback) override;
  bool Update(const domain::Feedback& feedback, std::int64_t expected_version) override;
  void AddEvent(const domain::FeedbackEvent& event) override;
  std::vector<domain::FeedbackEvent> Events(const std::string& feedback_id) override;
  std::vector<domain::FeedbackCount> Counts(const domain::FeedbackQuery& query,
                                            const std::string& today) override;
  std::vector<std::string> Tags(const domain::FeedbackQuery& query) override;
  std::vector<domain::FeedbackHandler> Handlers(const std::vector<std::string>& area_paths,
                                                const std::vector<std::string>& roles) override;

 private:
  Connection& conn_;
};

}  // namespace mobilise::storage
