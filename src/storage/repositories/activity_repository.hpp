#pragma once

#include "domain/activities/activity.hpp"
#include "storage/database.hpp"

namespace mobilise::storage {

// Activities (with topics, institutions, facilitators, counts, attendance) and their file rows
// in SQL; valid for the connection's current transaction.
class SqlActivityRepository final : public domain::ActivityRepository {
 public:
  explicit SqlActivityRepository(Connection& conn) : conn_(conn) {}
  std::optional<domain::Activity> Get(const std::string& id) override;
  domain::Page<domain::Activity> List(const domain::ActivityQuery& query) override;
  void Insert(const domain::Activity& activity) override;
  bool Update(const domain::Activity& activity, std::int64_t expected_version) override;
  void Delete(const std::string& id) override;
  std::vector<domain::StoredFile> Files(const std::string& record,
                                        const std::string& record_id) override;
  std::optional<domain::StoredFile> GetFile(const std::string& id) override;
  void InsertFile(const domain::StoredFile& file) override;
  std::vector<domain::ActivityMonthCount> MonthlyCounts(const std::vector<domain::PathRange>& scope,
                                                        const std::string& from,
                                                        const std::string& to,
                                                        const std::vector<std::string>& statuses,
                                                        const std::string& today) override;

 private:
  void WriteParts(const domain::Activity& activity);
  Connection& conn_;
};

}  // namespace mobilise::storage
