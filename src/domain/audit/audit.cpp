#include "domain/audit/audit.hpp"

#include "core/clock.hpp"
#include "core/id.hpp"

namespace mobilise::domain {

void RecordAudit(AuditRepository& audit, const Clock& clock, const Actor& actor, std::string action,
                 std::string entity, std::optional<std::string> entity_id,
                 std::optional<std::string> area_path, std::optional<Snapshot> before,
                 std::optional<Snapshot> after) {
  AuditEntry e;
  e.id = NewId();
  e.at = clock.Timestamp();
  if (!actor.user_id.empty()) e.user_id = actor.user_id;
  e.action = std::move(action);
  e.entity = std::move(entity);
  e.entity_id = std::move(entity_id);
  e.area_path = std::move(area_path);
  e.before = std::move(before);
  e.after = std::move(after);
  e.ip = actor.ip;
  if (!actor.device_id.empty()) {
    e.device_id = actor.device_id;
    e.device_name = actor.device_name;
  }
  audit.Append(e);
}

}  // namespace mobilise::domain
