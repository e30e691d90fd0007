#include "domain/audit/audit_service.hpp"

namespace mobilise::domain {

Result<Page<AuditEntry>> AuditService::List(const Actor& actor, AuditQuery q) {
  if (!actor.HasPermission(Permission::kAuditRead)) return Fail(Error::Forbidden());
  q.scope = actor.Scope(Permission::kAuditRead);
  q.include_unscoped = actor.CanAtRoot(Permission::kAuditRead);
  return db_.Begin(false)->Audit().List(q);
}

}  // namespace mobilise::domain
