#pragma once

#include "domain/areas/area.hpp"
#include "storage/database.hpp"

namespace mobilise::storage {

// Areas in SQL; valid for the connection's current transaction.
class SqlAreaRepository final : public domain::AreaRepository {
 public:
  explicit SqlAreaRepository(Connection& conn) : conn_(conn) {}
  std::optional<domain::Area> Get(const std::string& id) override;
  std::optional<domain::Area> GetByCode(const std::string& code) override;
  domain::Page<domain::Area> List(const domain::AreaQuery& query) override;
  std::vector<domain::Area> Ancestors(const domain::Area& area) override;
  std::int64_t CountRoots() override;
  std::int64_t CountAssignedUsers(const std::string& area_id) override;
  Status Insert(const domain::Area& area) override;
  Result<bool> Update(const domain::Area& area, std::int64_t expected_version) override;
  void MoveSubtree(const std::string& old_path, const std::string& new_path) override;
  Status Delete(const std::string& id) override;
  std::vector<domain::AreaLevel> Levels() override;
  void SetLevel(const domain::AreaLevel& level) override;

 private:
  Connection& conn_;
};

}  // namespace mobilise::storage
