#pragma once

#include "domain/audit/audit.hpp"
#include "storage/database.hpp"

namespace mobilise::storage {

// The audit log in SQL; snapshots are stored as JSON text.
class SqlAuditRepository final : public domain::AuditRepository {
 public:
  explicit SqlAuditRepository(Connection& conn) : conn_(conn) {}
  void Append(const domain::AuditEntry& entry) override;
  domain::Page<domain::AuditEntry> List(const domain::AuditQuery& query) override;
  std::vector<domain::AuditNote> Notes(const std::string& entity, const std::string& entity_id,
                                       const std::string& action, const std::string& field,
                                       int limit) override;

 private:
  Connection& conn_;
};

}  // namespace mobilise::storage
