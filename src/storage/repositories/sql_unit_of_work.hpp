// The SQL implementation of domain::UnitOfWork: one pooled connection, one transaction, the
// repositories bound to it.
#pragma once

#include <memory>

#include "domain/unit_of_work.hpp"
#include "storage/database.hpp"

namespace mobilise::storage {

class SqlUnitOfWorkFactory final : public domain::UnitOfWorkFactory {
 public:
  explicit SqlUnitOfWorkFactory(Database& db) : db_(db) {}
  std::unique_ptr<domain::UnitOfWork> Begin(bool write) override;
  std::unique_ptr<domain::UnitOfWork> TryBeginRead() override;
  bool Ping() override;
  void Analyze() override;

 private:
  Database& db_;
};

}  // namespace mobilise::storage
