#include "domain/idempotency/idempotency.hpp"

#include <chrono>

#include "core/id.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

bool IsClientId(const std::string& id) {
  if (!IsValidId(id)) return false;
  for (char c : id)
    if (c >= 'A' && c <= 'Z') return false;
  return true;
}

std::string NewRecordId(const std::optional<std::string>& id, const std::string& field,
                        FieldErrors& errors) {
  if (!id) return NewId();
  if (!IsClientId(*id)) errors[field] = problem::NotAUuid();
  return *id;
}

namespace {
thread_local const IdempotencyKey* t_pending = nullptr;
}  // namespace

PendingKey::PendingKey(IdempotencyKey key) : key_(std::move(key)), previous_(t_pending) {
  t_pending = &key_;
}
PendingKey::~PendingKey() { t_pending = previous_; }
const IdempotencyKey* PendingKey::Current() { return t_pending; }

Status ClaimRecordId(UnitOfWork& uow, RecordTable table,
                     const std::optional<std::string>& client_id, const std::string& field) {
  if (!client_id || !IsClientId(*client_id)) return {};
  if (!uow.Idempotency().RecordIdTaken(table, *client_id)) {
    const auto* pending = PendingKey::Current();
    if (pending && pending->id == *client_id) uow.Idempotency().Insert(*pending);
    return {};
  }
  Error e = Error::Conflict("the id " + *client_id + " is taken by another record");
  e.fields[field] = problem::IdUsedElsewhere();
  return Fail(std::move(e));
}

std::optional<IdempotencyKey> IdempotencyService::Find(const std::string& id) {
  return db_.Begin(false)->Idempotency().Find(id);
}

std::unique_ptr<PendingKey> IdempotencyService::Expect(IdempotencyKey key) const {
  key.status = 0;
  key.response.clear();
  key.created_at = FormatTimestamp(clock_.Now());
  return std::make_unique<PendingKey>(std::move(key));
}

IdempotencyKey IdempotencyService::Store(IdempotencyKey key) {
  const auto now = clock_.Now();
  key.created_at = FormatTimestamp(now);
  auto uow = db_.Begin(true);
  auto& keys = uow->Idempotency();
  keys.DeleteCreatedBefore(FormatTimestamp(now - std::chrono::days(kRetentionDays)));
  if (!keys.Insert(key)) {
    auto first = keys.Find(key.id);
    const bool mine = first && first->user_id == key.user_id && first->route == key.route &&
                      first->body_hash == key.body_hash;
    if (first && !(mine && first->status == 0 && keys.SetAnswer(key))) key = *first;
  }
  uow->Commit();
  return key;
}

}  // namespace mobilise::domain
