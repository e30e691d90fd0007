// One transaction's worth of repositories. Services begin one per request, do their reads and
// writes through it, and commit; destroying it uncommitted rolls everything back.
#pragma once

#include <memory>

#include "domain/areas/area.hpp"
#include "domain/audit/audit.hpp"
#include "domain/auth/credentials.hpp"
#include "domain/users/user.hpp"

namespace mobilise::domain {

class UnitOfWork {
 public:
  virtual ~UnitOfWork() = default;
  virtual AreaRepository& Areas() = 0;
  virtual UserRepository& Users() = 0;
  virtual AuditRepository& Audit() = 0;
  virtual CredentialRepository& Credentials() = 0;
  virtual void Commit() = 0;
};

class UnitOfWorkFactory {
 public:
  virtual ~UnitOfWorkFactory() = default;
  // `write`: the transaction will write (takes SQLite's write lock up front).
  // Throws if the database is unavailable.
  virtual std::unique_ptr<UnitOfWork> Begin(bool write) = 0;
  // Cheap liveness check of the database.
  virtual bool Ping() = 0;
};

}  // namespace mobilise::domain
