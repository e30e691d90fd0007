// UserService::Import: staff accounts and their reporting line from a table (see user_import.hpp).
#include "domain/users/user_import.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/id.hpp"
#include "domain/areas/area_scope.hpp"
#include "domain/audit/audit.hpp"
#include "domain/auth/password.hpp"
#include "domain/languages.hpp"
#include "domain/users/user_service.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {
namespace {

// What the file says about one username, from all of its rows.
struct FileUser {
  int first_row = 0;
  std::string username, full_name, supervisor, locale;
  std::vector<RoleAssignment> roles;
  std::optional<User> existing;  // the user as the database holds it
};

class UserImporter {
 public:
  UserImporter(UnitOfWork& uow, const Actor& actor, std::vector<ImportRowError>& errors)
      : uow_(uow), actor_(actor), errors_(errors) {}

  // Every row checked and grouped by username, then every supervisor checked against the file
  // and the database (in the user's areas, no loop in the reporting line).
  std::vector<FileUser> Read(const std::vector<UserImportRow>& rows) {
    for (const auto& r : rows) ReadRow(r);
    for (auto& [name, u] : users_) CheckUser(u);
    for (auto& [name, u] : users_) CheckSupervisor(u);
    std::vector<FileUser> out;
    for (auto& [name, u] : users_) out.push_back(std::move(u));
    return out;
  }

 private:
  void Err(int row, const char* column, const FieldProblem& p) {
    errors_.push_back({row, column, std::string(p.id()), p.Text(), p});
  }

  // A value later rows may leave blank; given twice, it must be the same.
  void Agree(int row, const char* column, std::string& kept, const std::string& value,
             int first_row) {
    if (value.empty()) return;
    if (kept.empty())
      kept = value;
    else if (kept != value)
      Err(row, column, problem::DiffersFromRow(first_row));
  }

  void ReadRow(const UserImportRow& r) {
    if (!UsernameAllowed(r.username)) return Err(r.row, "username", problem::UsernameForm());
    auto [it, fresh] = users_.try_emplace(r.username);
    FileUser& u = it->second;
    if (fresh) {
      u.first_row = r.row;
      u.username = r.username;
      u.existing = uow_.Users().GetByUsername(r.username);
    }
    if (!r.full_name.empty()) {
      FieldErrors fe;
      CheckName(fe, "full_name", r.full_name);
      if (!fe.empty()) Err(r.row, "full_name", fe.begin()->second);
    }
    Agree(r.row, "full_name", u.full_name, r.full_name, u.first_row);
    Agree(r.row, "supervisor", u.supervisor, r.supervisor, u.first_row);
    if (!r.locale.empty() && !IsSupportedLocale(r.locale))
      Err(r.row, "locale", problem::OneOf(AppLanguages()));
    Agree(r.row, "locale", u.locale, r.locale, u.first_row);
    ReadRole(r, u);
  }

  void ReadRole(const UserImportRow& r, FileUser& u) {
    if (r.role.empty() && r.area_code.empty()) return;  // a row that only sets the line
    auto role = ParseRole(r.role);
    if (!role) return Err(r.row, "role", problem::OneOf(RoleIds()));
    auto area = r.area_code.empty() ? std::nullopt : uow_.Areas().GetByCode(r.area_code);
    if (!area || !actor_.Sees(area->path))
      return Err(r.row, "area_code", problem::NoSuchInScope("area"));
    if (!actor_.Can(Permission::kUserWrite, area->path))
      return Err(r.row, "area_code", problem::GrantOnlyWhereAdministered());
    for (const auto& have : u.roles)
      if (have.role == *role && have.area_id == area->id) return;
    u.roles.push_back(RoleAssignment{*role, area->id, area->name, area->path});
  }

  void CheckUser(FileUser& u) {
    if (u.existing) {
      // Someone the importer does not administer: the name is taken, nothing more is said.
      if (!UserVisibleTo(actor_, Permission::kUserWrite, *u.existing))
        Err(u.first_row, "username", problem::UsernameTaken());
      return;
    }
    if (u.full_name.empty()) Err(u.first_row, "full_name", problem::Required());
    if (u.roles.empty()) Err(u.first_row, "role", problem::AtLeastOneRole());
  }

  // The supervisor named for `name`: the file's, else the database's (by username).
  std::optional<std::string> SupervisorOf(const std::string& name) {
    if (auto it = users_.find(name); it != users_.end()) {
      if (!it->second.supervisor.empty()) return it->second.supervisor;
      if (!it->second.existing) return std::nullopt;
    }
    auto user = uow_.Users().GetByUsername(name);
    auto sup = user ? uow_.Users().SupervisorOf(user->id) : std::nullopt;
    auto s = sup ? uow_.Users().Get(*sup) : std::nullopt;
    return s ? std::optional(s->username) : std::nullopt;
  }

  void CheckSupervisor(const FileUser& u) {
    if (u.supervisor.empty()) return;
    if (!users_.contains(u.supervisor)) {
      auto s = uow_.Users().GetByUsername(u.supervisor);
      if (!s || !UserInScope(uow_.Users(), actor_, s->id))
        return Err(u.first_row, "supervisor", problem::NoSuchInScope("user"));
    }
    // Walk up from the supervisor: meeting the user again closes a loop. A line longer than
    // every user of the file and the database has a loop outside the file; stop there.
    std::string at = u.supervisor;
    for (std::size_t step = 0; step < users_.size() + 10000; ++step) {
      if (at == u.username) return Err(u.first_row, "supervisor", problem::SupervisorCycle());
      auto next = SupervisorOf(at);
      if (!next) return;
      at = *next;
    }
  }

  UnitOfWork& uow_;
  const Actor& actor_;
  std::vector<ImportRowError>& errors_;
  std::map<std::string, FileUser> users_;  // by username: a stable order for the report
};

// Writes one user of the file: created with `pw_hash`, or updated (the file's roles added; its
// name, supervisor and language taken where given); audited as a change on the screen is.
Status SaveImported(UnitOfWork& uow, const Clock& clock, const Actor& actor, const FileUser& f,
                    const std::string& pw_hash, UserImportReport& report) {
  User u = f.existing.value_or(User{});
  const std::optional<User> before = f.existing;
  if (!before) {
    u.id = NewId();
    u.username = f.username;
    u.pw_hash = pw_hash;
    u.created_at = clock.Timestamp();
    if (!actor.user_id.empty()) u.created_by = actor.user_id;
  }
  if (!f.full_name.empty()) u.full_name = f.full_name;
  if (!f.locale.empty()) u.locale = f.locale;
  for (const auto& r : f.roles) {
    const bool held = std::any_of(u.roles.begin(), u.roles.end(), [&](const RoleAssignment& h) {
      return h.role == r.role && h.area_id == r.area_id;
    });
    if (!held) u.roles.push_back(r);
  }
  if (!f.supervisor.empty()) u.supervisor_id = uow.Users().GetByUsername(f.supervisor)->id;
  u.updated_at = clock.Timestamp();
  if (!actor.user_id.empty()) u.updated_by = actor.user_id;
  if (!before) {
    if (auto ok = uow.Users().Insert(u); !ok) return ok;
    ++report.created;
  } else {
    const auto snap = UserSnapshot(*before), after = UserSnapshot(u);
    if (snap == after) return {};  // the file says what the database holds
    u.version = before->version + 1;
    if (auto ok = UpdateUser(uow.Users(), u, before->version); !ok) return ok;
    ++report.updated;
  }
  RecordAudit(uow.Audit(), clock, actor, before ? "update" : "create", "user", u.id,
              UserAuditPath(u), before ? std::optional(UserSnapshot(*before)) : std::nullopt,
              UserSnapshot(u));
  return {};
}

// The file's users ordered so that a new user's supervisor, when also new in the file, is saved
// before them (there is no loop: the check refused any).
std::vector<FileUser> SupervisorsFirst(std::vector<FileUser> users) {
  std::set<std::string> pending;
  for (const auto& u : users)
    if (!u.existing) pending.insert(u.username);
  std::vector<FileUser> out;
  while (!users.empty()) {
    std::vector<FileUser> later;
    for (auto& u : users) {
      if (pending.contains(u.supervisor)) {
        later.push_back(std::move(u));
        continue;
      }
      pending.erase(u.username);
      out.push_back(std::move(u));
    }
    if (later.size() == users.size()) {  // no progress: cannot happen without a loop
      for (auto& u : later) out.push_back(std::move(u));
      break;
    }
    users = std::move(later);
  }
  return out;
}

// A first password: 12 characters of [0-9a-z] (62 bits) in groups of four, easy to copy.
std::string FirstPassword() {
  const std::string k = RandomKey(12);
  return k.substr(0, 4) + "-" + k.substr(4, 4) + "-" + k.substr(8, 4);
}

}  // namespace

Result<UserImportReport> UserService::Import(const Actor& actor,
                                             const std::vector<UserImportRow>& rows, bool dry_run) {
  if (!actor.HasPermission(Permission::kUserWrite)) return Fail(Error::Forbidden());
  UserImportReport report;
  report.rows = static_cast<int>(rows.size());
  std::map<std::string, std::pair<std::string, std::string>> first;  // username -> pw, hash
  {
    // Checked on a read unit first: a dry run ends here, and a load hashes the new users'
    // passwords (about 45 ms each) before it takes the write lock.
    auto uow = db_.Begin(false);
    auto users = UserImporter(*uow, actor, report.errors).Read(rows);
    if (dry_run || !report.errors.empty()) return report;
    for (const auto& u : users)
      if (!u.existing) {
        auto pw = FirstPassword();
        first[u.username] = {pw, HashPassword(pw)};
      }
  }
  auto uow = db_.Begin(true);
  auto users = UserImporter(*uow, actor, report.errors).Read(rows);  // again, under the lock
  if (!report.errors.empty()) return report;
  for (const auto& f : SupervisorsFirst(std::move(users))) {
    std::string pw_hash;
    if (!f.existing) {
      auto& [pw, hash] = first[f.username];
      if (pw.empty()) pw = FirstPassword(), hash = HashPassword(pw);  // new since the check
      report.passwords.emplace_back(f.username, pw);
      pw_hash = hash;
    }
    if (auto ok = SaveImported(*uow, clock_, actor, f, pw_hash, report); !ok)
      return Fail(ok.error());
  }
  const auto changed = static_cast<std::size_t>(report.created + report.updated);
  report.saved = CommitImport(*uow, clock_, actor, "user", "users", changed, report).saved;
  return report;
}

}  // namespace mobilise::domain
