// Reading the audit log: administrators, entries about records in their areas.
#pragma once

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/audit/audit.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

class AuditService {
 public:
  AuditService(UnitOfWorkFactory& db, const Clock& clock) : db_(db), clock_(clock) {}
  Result<Page<AuditEntry>> List(const Actor& actor, AuditQuery query);

 private:
  UnitOfWorkFactory& db_;
  const Clock& clock_;
};

}  // namespace mobilise::domain
