// Test-only set-up shared by the tests of the domain services over the real SQL repositories
// (services_test, activity_summary_test, training_services_test), every case on SQLite and on
// PostgreSQL: a fresh migrated database with its unit-of-work factory, and areas, users and
// households made through the services by the system actor.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/activities/activity.hpp"
#include "domain/areas/area_service.hpp"
#include "domain/registry/household_service.hpp"
#include "domain/registry/institution_service.hpp"
#include "domain/users/user_service.hpp"
#include "storage/embedded_migrations.hpp"
#include "storage/repositories/sql_unit_of_work.hpp"
#include "test_databases.hpp"

namespace mobilise::test {

// Migration `version`'s SQL for `dialect` from the first `from` on (all of it when `from` is
// empty; "" when either is missing): a test runs it again over rows stored as before it.
inline std::string MigrationSql(storage::Dialect dialect, int version, std::string_view from = {}) {
  for (const auto& m : storage::EmbeddedMigrations())
    if (m.dialect == dialect && m.version == version) {
      const auto at = m.sql.find(from);
      return at == std::string_view::npos ? "" : std::string(m.sql.substr(at));
    }
  return "";
}

// Stores no files: for the activity service where no test uploads any.
class NoBlobs final : public domain::BlobStore {
 public:
  std::string Put(std::string_view) override { return ""; }
  std::optional<std::string> Get(const std::string&) override { return std::nullopt; }
};

class ServiceTest : public ::testing::TestWithParam<storage::Dialect> {
 protected:
  void SetUp() override {
    db_ = FreshDatabase(GetParam());
    uow_ = std::make_unique<storage::SqlUnitOfWorkFactory>(*db_);
  }

  // An area named "Name <code>"; the case fails if it cannot be made.
  domain::Area Add(std::optional<std::string> parent, const std::string& code) {
    domain::AreaService areas(*uow_, clock_);
    auto a = areas.Create(system_, domain::AreaInput{parent, code, "Name " + code, std::nullopt});
    EXPECT_TRUE(a) << (a ? "" : a.error().message);
    return a.value_or(domain::Area{});
  }

  // An area for AddAreas: the member it is made into, its code, and its parent (made before it;
  // none: a root).
  struct NewArea {
    domain::Area* into;
    std::string code;
    const domain::Area* parent = nullptr;
  };

  // Makes `areas` in order (see Add).
  void AddAreas(std::initializer_list<NewArea> areas) {
    for (const auto& a : areas)
      *a.into = Add(a.parent ? std::optional(a.parent->id) : std::nullopt, a.code);
  }

  // A user `name` ("Full <name>") with one role on `area`, as the actor they act as.
  domain::Actor User(const std::string& name, domain::Role role, const domain::Area& area) {
    domain::UserService users(*uow_, clock_);
    auto u =
        users.Create(system_, domain::UserInput{name,
                                                "Full " + name,
                                                "long-enough-pass",
                                                "en",
                                                {{std::string(domain::RoleId(role)), area.id}}});
    EXPECT_TRUE(u) << (u ? "" : u.error().message);
    domain::Actor a;
    a.user_id = u ? u->id : "";
    a.username = name;
    a.grants = {{role, area.id, area.path, !area.parent_id}};
    return a;
  }

  // A household in `area` with these people; the first one heads it.
  Result<domain::HouseholdDetail> Household(const domain::Area& area,
                                            std::vector<domain::PersonInput> people) {
    domain::HouseholdInput h;
    h.area_id = area.id;
    h.head_name = people.empty() ? std::nullopt : people.front().name;
    h.people = std::move(people);
    return domain::HouseholdService(*uow_, clock_).Create(system_, h);
  }

  // An institution of `type` called `name` in `area`, formed on `formed_on` by people of
  // `sex_composition`.
  Result<domain::InstitutionDetail> NewInstitution(const std::string& type,
                                                   const domain::Area& area,
                                                   const std::string& name,
                                                   const std::string& formed_on,
                                                   const std::string& sex_composition = "women") {
    return domain::InstitutionService(*uow_, clock_)
        .Create(system_, domain::InstitutionInput{.type = type,
                                                  .area_id = area.id,
                                                  .name = name,
                                                  .formed_on = formed_on,
                                                  .sex_composition = sex_composition});
  }

  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<storage::SqlUnitOfWorkFactory> uow_;
  // Real time: these tests keep the behaviour they had before the clock was injected.
  const SystemClock clock_;
  domain::Actor system_ = domain::Actor::System("test");
};

}  // namespace mobilise::test
