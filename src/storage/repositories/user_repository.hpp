#pragma once

#include "domain/users/user.hpp"
#include "storage/database.hpp"

namespace mobilise::storage {

// Users and their role assignments in SQL; valid for the connection's current transaction.
class SqlUserRepository final : public domain::UserRepository {
 public:
  explicit SqlUserRepository(Connection& conn) : conn_(conn) {}
  std::optional<domain::User> Get(const std::string& id) override;
  std::optional<domain::User> GetByUsername(const std::string& username) override;
  domain::Page<domain::User> List(const domain::UserQuery& query) override;
  std::vector<domain::User> ListAll() override;
  Status Insert(const domain::User& user) override;
  Result<bool> Update(const domain::User& user, std::int64_t expected_version) override;
  std::optional<std::string> SupervisorOf(const std::string& id) override;
  std::vector<std::pair<domain::User, int>> Team(const std::string& root) override;

 private:
  std::vector<domain::User> Read(const std::string& where_order, const std::vector<Param>& params);
  void InsertRoles(const domain::User& user);
  Connection& conn_;
};

}  // namespace mobilise::storage
