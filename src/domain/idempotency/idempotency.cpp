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

Status ClaimRecordId(UnitOfWork& uow, RecordTable table,
                     const std::optional<std::string>& client_id, const std::string& field) {
  if (!client_id || !IsClientId(*client_id) || !uow.Idempotency().RecordIdTaken(table, *client_id))
    return {};
  Error e = Error::Conflict("the id " + *client_id + " is taken by another record");
  e.fields[field] = problem::IdUsedElsewhere();
  return Fail(std::move(e));
}

std::optional<IdempotencyKey> IdempotencyService::Find(const std::string& id) {
  return db_.Begin(false)->Idempotency().Find(id);
}

IdempotencyKey IdempotencyService::Store(IdempotencyKey key) {
  const auto now = clock_.Now();
  key.created_at = FormatTimestamp(now);
  auto uow = db_.Begin(true);
  auto& keys = uow->Idempotency();
  keys.DeleteCreatedBefore(FormatTimestamp(now - std::chrono::days(kRetentionDays)));
  if (!keys.Insert(key))
    if (auto first = keys.Find(key.id)) key = *first;
  uow->Commit();
  return key;
}

}  // namespace mobilise::domain
