// Staff account use cases. An actor sees a user when every one of the user's role areas lies
// in the actor's scope (users without roles: only programme-wide administrators); others are
// not found. Changes need kUserWrite over every role area, before and after.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/unit_of_work.hpp"
#include "domain/users/user.hpp"

namespace mobilise::domain {

struct RoleInput {
  std::string role;
  std::string area_id;
};

struct UserInput {
  std::string username;
  std::string full_name;
  std::string password;
  std::string locale = "en";
  std::vector<RoleInput> roles;
  std::optional<std::string> id;  // the client's id for a new record (see idempotency.hpp)
};

struct UserPatch {
  std::int64_t version = 0;
  std::optional<std::string> full_name, locale, password;
  std::optional<bool> disabled;
  std::optional<std::vector<RoleInput>> roles;
};

struct UserListFilter {
  std::optional<std::string> text, role, area_id;
  std::optional<bool> disabled;
  PageRequest page;
};

class UserService {
 public:
  UserService(UnitOfWorkFactory& db, const Clock& clock) : db_(db), clock_(clock) {}

  Result<Page<User>> List(const Actor& actor, const UserListFilter& filter);
  Result<User> Get(const Actor& actor, const std::string& id);
  Result<User> Create(const Actor& actor, const UserInput& input);
  Result<User> Update(const Actor& actor, const std::string& id, const UserPatch& patch);
  // For the CLI.
  std::vector<User> ListAll();
  Result<User> GetByUsername(const std::string& username);

 private:
  UnitOfWorkFactory& db_;
  const Clock& clock_;
};

// `actor` holds `p` over every role area of `u` (a user without roles: at a root area).
bool UserVisibleTo(const Actor& actor, Permission p, const User& u);
// The user `id` when it may be named in a record `actor` writes (a facilitator, the subject of a
// training need): the user holds a role in an area `actor` sees. Else nullopt, and the caller
// answers NoSuchInScope on the field, never the user's name.
std::optional<User> UserInScope(UserRepository& users, const Actor& actor, const std::string& id);
Snapshot UserSnapshot(const User& user);
// Where a change of `user` is audited: the area path of their first role (none without roles).
std::optional<std::string> UserAuditPath(const User& user);
// Writes `user`, the version after `expected_version`: the repository's error, or Stale when
// someone else changed the user first.
Status UpdateUser(UserRepository& users, const User& user, std::int64_t expected_version);

}  // namespace mobilise::domain
