// Idempotency keys (migration 0017) and the check of a client's id against a record table.
#pragma once

#include "domain/idempotency/idempotency.hpp"
#include "storage/database.hpp"

namespace mobilise::storage {

class SqlIdempotencyRepository final : public domain::IdempotencyRepository {
 public:
  explicit SqlIdempotencyRepository(Connection& conn) : conn_(conn) {}
  std::optional<domain::IdempotencyKey> Find(const std::string& id) override;
  bool Insert(const domain::IdempotencyKey& key) override;
  bool SetAnswer(const domain::IdempotencyKey& key) override;
  void DeleteCreatedBefore(const std::string& before) override;
  bool RecordIdTaken(domain::RecordTable table, const std::string& id) override;

 private:
  Connection& conn_;
};

}  // namespace mobilise::storage
