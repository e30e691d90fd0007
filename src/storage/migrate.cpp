// Migrate(): one transaction per migration. Each transaction first takes the migration lock
// (PostgreSQL: a transaction-scoped advisory lock; SQLite: BEGIN IMMEDIATE's write lock), then
// reads what is applied, so two processes starting at once apply each migration exactly once.
#include <chrono>
#include <cstdio>
#include <set>

#include "storage/embedded_migrations.hpp"

namespace mobilise::storage {
namespace {

// pg_advisory_xact_lock key: "mobilise" in ASCII, unlikely to clash with other users of the server.
constexpr std::int64_t kMigrationLockKey = 0x6d6f62696c697365;

std::string UtcNow() {
  const auto now =
      std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
  const auto days = std::chrono::floor<std::chrono::days>(now);
  const std::chrono::year_month_day ymd(days);
  const std::chrono::hh_mm_ss hms(now - days);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02lldZ", int(ymd.year()),
                unsigned(ymd.month()), unsigned(ymd.day()), long(hms.hours().count()),
                long(hms.minutes().count()), static_cast<long long>(hms.seconds().count()));
  std::string s(buf);
  const auto ms = static_cast<int>(hms.subseconds().count());
  char frac[8];
  std::snprintf(frac, sizeof frac, ".%03d", ms);
  s.insert(s.size() - 1, frac);
  return s;
}

}  // namespace

int Migrate(Database& db) {
  std::vector<EmbeddedMigration> migrations;
  for (const auto& m : EmbeddedMigrations()) {
    if (m.dialect == db.dialect()) migrations.push_back(m);
  }
  auto conn = db.Acquire();
  int applied_now = 0;
  for (;;) {
    Transaction tx(*conn, /*write=*/true);
    if (db.dialect() == Dialect::kPostgres) {
      conn->Query("SELECT pg_advisory_xact_lock(?)", {kMigrationLockKey});
    }
    conn->ExecuteScript(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, "
        "applied_at TEXT)");
    std::set<std::int64_t> applied;
    const ResultSet rows = conn->Query("SELECT version FROM schema_migrations");
    for (std::size_t i = 0; i < rows.size(); ++i) applied.insert(rows[i].Int(0));
    const EmbeddedMigration* next = nullptr;
    for (const auto& m : migrations) {
      if (!applied.contains(m.version)) {
        next = &m;
        break;
      }
    }
    if (next == nullptr) {
      tx.Commit();
      return applied_now;
    }
    try {
      conn->ExecuteScript(next->sql);
    } catch (const DatabaseError& e) {
      throw DatabaseError("migration " + std::to_string(next->version) + "_" +
                          std::string(next->name) + " failed: " + e.what());
    }
    conn->Execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                  {std::int64_t{next->version}, std::string(next->name), UtcNow()});
    tx.Commit();
    ++applied_now;
  }
}

}  // namespace mobilise::storage
