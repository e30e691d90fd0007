#pragma once

#include "domain/supervision/supervision.hpp"
#include "storage/database.hpp"

namespace mobilise::storage {

// Supervision visits (with their checklist answers), review meetings (with their attendees,
// review_meeting_repository.cpp) and actions in SQL.
class SqlSupervisionRepository final : public domain::SupervisionRepository {
 public:
  explicit SqlSupervisionRepository(Connection& conn) : conn_(conn) {}
  domain::Page<domain::SupervisionVisit> Visits(const std::vector<domain::PathRange>& scope,
                                                const std::optional<std::string>& from,
                                                const std::optional<std::string>& to,
                                                domain::PageRequest page) override;
  std::optional<domain::SupervisionVisit> GetVisit(const std::string& id) override;
  void InsertVisit(const domain::SupervisionVisit& visit) override;
  bool UpdateVisit(const domain::SupervisionVisit& visit, std::int64_t expected_version) override;
  domain::Page<domain::SupervisionAction> Actions(const std::vector<domain::PathRange>& scope,
                                                  const domain::ActionFilter& filter,
                                                  domain::PageRequest page) override;
  std::optional<domain::SupervisionAction> GetAction(const std::string& id) override;
  void InsertAction(const domain::SupervisionAction& action) override;
  bool UpdateAction(const domain::SupervisionAction& action,
                    std::int64_t expected_version) override;
  domain::Page<domain::ReviewMeeting> Meetings(const std::vector<domain::PathRange>& scope,
                                               const std::optional<std::string>& from,
                                               const std::optional<std::string>& to,
                                               domain::PageRequest page) override;
  std::optional<domain::ReviewMeeting> GetMeeting(const std::string& id) override;
  void InsertMeeting(const domain::ReviewMeeting& meeting) override;
  bool UpdateMeeting(const domain::ReviewMeeting& meeting, std::int64_t expected_version) override;
  domain::SupervisionReport Report(const std::vector<domain::PathRange>& scope,
                                   const std::string& from, const std::string& to,
                                   const std::string& today) override;

 private:
  void WriteAnswers(const domain::SupervisionVisit& visit);
  void WriteAttendees(const domain::ReviewMeeting& meeting);
  std::vector<domain::SupervisionAction> ActionsWhere(const std::string& where,
                                                      const std::vector<Param>& params);
  Connection& conn_;
};

}  // namespace mobilise::storage
