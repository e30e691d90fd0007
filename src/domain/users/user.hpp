// Staff accounts and their role grants.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "domain/page.hpp"

namespace mobilise::domain {

struct RoleAssignment {
  Role role = Role::kMobiliser;
  std::string area_id;
  std::string area_name;  // filled by reads
  std::string area_path;  // filled by reads
};

struct User {
  std::string id;
  std::string username;
  std::string full_name;
  std::string pw_hash;
  std::string locale = "en";
  bool disabled = false;
  std::vector<RoleAssignment> roles;
  std::optional<std::string> supervisor_id;  // the reporting line (one supervisor, no loops)
  std::string supervisor_name;               // filled by reads
  std::int64_t version = 1;
  std::string created_at, updated_at;
  std::optional<std::string> created_by, updated_by;
};

struct UserQuery {
  // Users whose every role area lies inside one of these subtrees; users without roles only
  // when `include_unassigned`.
  std::vector<PathRange> scope;
  bool include_unassigned = false;
  std::optional<std::string> text;  // username or full name contains
  std::optional<Role> role;
  std::optional<PathRange> area;  // has a role somewhere in this subtree
  std::optional<bool> disabled;
  PageRequest page;
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  virtual std::optional<User> Get(const std::string& id) = 0;
  virtual std::optional<User> GetByUsername(const std::string& username) = 0;
  virtual Page<User> List(const UserQuery& query) = 0;
  virtual std::vector<User> ListAll() = 0;  // for the CLI
  virtual Status Insert(const User& user) = 0;
  // Writes every field and replaces the roles; false if the version mismatched.
  virtual Result<bool> Update(const User& user, std::int64_t expected_version) = 0;
  // The supervisor of `id` (nullopt: none, or no such user): one indexed read.
  virtual std::optional<std::string> SupervisorOf(const std::string& id) = 0;
  // `root` and everyone who reports to them directly or through others, with their depth below
  // `root` (0 for root), in one recursive query; no particular order.
  virtual std::vector<std::pair<User, int>> Team(const std::string& root) = 0;
};

}  // namespace mobilise::domain
