// AuthService: listing and revoking bearer tokens.
#include <map>

#include "core/id.hpp"
#include "domain/auth/auth_service.hpp"
#include "domain/users/user_service.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {
namespace {

// The token's user when `actor` is that user or may change them (kUserWrite over all their
// areas); nullopt otherwise, so a token of another province is not found.
std::optional<User> TokenOwner(UserRepository& users, const Actor& actor,
                               const std::string& user_id) {
  auto u = users.Get(user_id);
  if (!u) return std::nullopt;
  if (actor.user_id == user_id || UserVisibleTo(actor, Permission::kUserWrite, *u)) return u;
  return std::nullopt;
}

Snapshot TokenSnapshot(const ApiToken& t) {
  return Snapshot{{"user_id", t.user_id}, {"name", t.name}, {"expires_at", t.expires_at}};
}

}  // namespace

Result<std::vector<ApiToken>> AuthService::Tokens(const Actor& actor) {
  auto uow = db_.Begin(false);
  std::map<std::string, bool> may;  // user id -> the actor may see that user's tokens
  std::vector<ApiToken> out;
  for (auto& t : uow->Credentials().Tokens(clock_.Timestamp())) {
    auto [it, fresh] = may.try_emplace(t.user_id, false);
    if (fresh) it->second = TokenOwner(uow->Users(), actor, t.user_id).has_value();
    if (it->second) out.push_back(std::move(t));
  }
  return out;
}

Status AuthService::RevokeToken(const Actor& actor, const std::string& id) {
  if (!IsValidId(id)) return Fail(Error::NotFound("token"));
  auto uow = db_.Begin(true);
  auto& creds = uow->Credentials();
  auto token = creds.GetToken(id);
  if (!token) return Fail(Error::NotFound("token"));
  auto owner = TokenOwner(uow->Users(), actor, token->user_id);
  if (!owner) return Fail(Error::NotFound("token"));
  creds.DeleteToken(id);
  RecordAudit(uow->Audit(), clock_, actor, "revoke", "token", id, UserAuditPath(*owner),
              TokenSnapshot(*token), std::nullopt);
  uow->Commit();
  return {};
}

}  // namespace mobilise::domain
