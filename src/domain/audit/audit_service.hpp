// Reading the audit log: administrators, entries about records in their areas.
#pragma once

#include "core/result.hpp"
#include "domain/audit/audit.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

class AuditService {
 public:
  explicit AuditService(UnitOfWorkFactory& db) : db_(db) {}
  Result<Page<AuditEntry>> List(const Actor& actor, AuditQuery query);

 private:
  UnitOfWorkFactory& db_;
};

}  // namespace mobilise::domain
