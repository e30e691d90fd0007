// The audit log: who changed what, when, from where, with the record before and after.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "domain/access/actor.hpp"
#include "domain/page.hpp"

namespace mobilise::domain {

// A record's audited fields as text (absent = null). Secrets are never put in one.
using Snapshot = std::map<std::string, std::optional<std::string>>;

struct AuditEntry {
  std::string id;
  std::string at;
  std::optional<std::string> user_id;
  std::string username;  // filled by reads
  std::string action;    // "create", "update", "delete", "move", "login", ...
  std::string entity;    // "area", "user", "session", ...
  std::optional<std::string> entity_id;
  std::optional<std::string> area_path;  // scope of the record, for who may read the entry
  std::optional<Snapshot> before, after;
  std::string before_json, after_json;  // filled by reads ("null" when absent)
  std::string ip;
  std::optional<std::string> device_id, device_name;  // a write from a device session
};

struct AuditQuery {
  std::vector<PathRange> scope;
  bool include_unscoped = false;  // entries with no area (sessions, users without roles)
  std::optional<std::string> entity, entity_id, user_id, action, from, to;
  PageRequest page;
};

// One audited change of a record told without its before/after: when, who, and one field of
// what was written (e.g. the reason given for a correction).
struct AuditNote {
  std::string at;
  std::optional<std::string> user_id, user_name, note;
};

class AuditRepository {
 public:
  virtual ~AuditRepository() = default;
  virtual void Append(const AuditEntry& entry) = 0;
  virtual Page<AuditEntry> List(const AuditQuery& query) = 0;
  // The latest `limit` entries with `action` on one record, oldest first, each with the
  // user's full name and the value of `field` in its after snapshot.
  virtual std::vector<AuditNote> Notes(const std::string& entity, const std::string& entity_id,
                                       const std::string& action, const std::string& field,
                                       int limit) = 0;
};

// Builds and appends an entry for `actor` at the clock's now.
void RecordAudit(AuditRepository& audit, const Clock& clock, const Actor& actor, std::string action,
                 std::string entity, std::optional<std::string> entity_id,
                 std::optional<std::string> area_path, std::optional<Snapshot> before,
                 std::optional<Snapshot> after);

}  // namespace mobilise::domain
