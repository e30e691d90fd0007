#pragma once

#include "domain/profiles/profile.hpp"
#include "storage/database.hpp"

namespace mobilise::storage {

// Community profile versions: one community_profile row per version, its entries in
// community_profile_item (one row per entry, `section` naming which list it belongs to).
class SqlProfileRepository final : public domain::ProfileRepository {
 public:
  explicit SqlProfileRepository(Connection& conn) : conn_(conn) {}
  std::vector<domain::ProfileVersionRef> Versions(const std::string& area_id) override;
  std::optional<domain::ProfileVersion> Get(const std::string& id) override;
  void Insert(const domain::ProfileVersion& version) override;
  std::vector<domain::ProfileInstitution> Institutions(const std::vector<std::string>& ids,
                                                       const std::string& path) override;

 private:
  Connection& conn_;
};

// Risks and their level changes; scope through the risk's area (joined, never copied).
class SqlRiskRepository final : public domain::RiskRepository {
 public:
  explicit SqlRiskRepository(Connection& conn) : conn_(conn) {}
  domain::Page<domain::Risk> List(const domain::RiskQuery& query) override;
  std::optional<domain::Risk> Get(const std::string& id) override;
  std::string AreaPath(const std::string& risk_id) override;
  void Insert(const domain::Risk& risk) override;
  bool Update(const domain::Risk& risk, std::int64_t expected_version) override;
  void InsertChange(const domain::RiskLevelChange& change) override;
  std::vector<domain::RiskLevelChange> ChangesSince(const std::vector<domain::PathRange>& scope,
                                                    const std::string& since, int limit) override;

 private:
  Connection& conn_;
};

}  // namespace mobilise::storage
