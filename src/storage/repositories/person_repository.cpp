// SqlHouseholdRepository's people: the person rows of households, and what a change of a
// person's sex, birth date or disability rewrites in the rows derived from them.
#include "storage/repositories/activity_rollup.hpp"
#include "storage/repositories/registry_repositories.hpp"
#include "storage/repositories/sql_rows.hpp"
#include "storage/repositories/sql_where.hpp"

namespace mobilise::storage {
namespace {

using domain::Person;

constexpr const char* kPersonColumns =
    "id, household_id, area_path, name, sex, birth_date, birth_date_estimated, relation, "
    "wg_seeing, wg_hearing, wg_mobility, wg_cognition, wg_self_care, wg_communication, "
    "disability, displacement, phone, version, created_at, created_by, updated_at, updated_by";

Person ReadPerson(const ResultSet::Row& r) {
  Person p;
  p.id = r.Str("id");
  p.household_id = r.Str("household_id");
  p.area_path = r.Str("area_path");
  p.name = r.Str("name");
  p.sex = r.Str("sex");
  p.birth_date = r.OptText("birth_date");
  p.birth_date_estimated = r.Bool("birth_date_estimated");
  p.relation = r.Str("relation");
  if (!r.IsNull("wg_seeing")) {
    domain::WgAnswers wg{};
    for (std::size_t i = 0; i < wg.size(); ++i) {
      wg[i] = static_cast<int>(r.Int(std::string("wg_") + domain::kWgDomains[i]));
    }
    p.wg = wg;
  }
  p.disability = r.Bool("disability");
  p.displacement = r.OptText("displacement");
  p.phone = r.OptText("phone");
  ReadVersioned(r, p);
  return p;
}

Param Wg(const Person& p, std::size_t i) {
  return p.wg ? Param(std::int64_t{(*p.wg)[i]}) : Param();
}

// The columns that InsertPerson and UpdatePerson both write, and their values in that order.
constexpr const char* kWritten =
    "area_path, name, sex, birth_date, birth_date_estimated, relation, wg_seeing, wg_hearing, "
    "wg_mobility, wg_cognition, wg_self_care, wg_communication, disability, displacement, phone, "
    "version";

std::vector<Param> Written(const Person& p) {
  return {p.area_path,
          p.name,
          p.sex,
          OptParam(p.birth_date),
          std::int64_t{p.birth_date_estimated ? 1 : 0},
          p.relation,
          Wg(p, 0),
          Wg(p, 1),
          Wg(p, 2),
          Wg(p, 3),
          Wg(p, 4),
          Wg(p, 5),
          std::int64_t{p.disability ? 1 : 0},
          OptParam(p.displacement),
          OptParam(p.phone),
          p.version};
}

}  // namespace

std::optional<Person> SqlHouseholdRepository::GetPerson(const std::string& id) {
  return ReadFirst(conn_.Query(std::string("SELECT ") + kPersonColumns +
                                   " FROM person WHERE id = ? AND deleted_at IS NULL",
                               {id}),
                   ReadPerson);
}

std::vector<Person> SqlHouseholdRepository::People(const std::string& household_id) {
  auto rs = conn_.Query(std::string("SELECT ") + kPersonColumns +
                            " FROM person WHERE household_id = ? AND deleted_at IS NULL ORDER BY "
                            "relation <> 'head', id",
                        {household_id});
  return ReadRows(rs, ReadPerson);
}

void SqlHouseholdRepository::InsertPerson(const Person& p) {
  const auto params =
      Concat(Concat({p.id, p.household_id}, Written(p)),
             {p.created_at, OptParam(p.created_by), p.updated_at, OptParam(p.updated_by)});
  InsertRow(conn_, "person",
            std::string("id, household_id, ") + kWritten +
                ", created_at, created_by, updated_at, updated_by",
            params);
}

bool SqlHouseholdRepository::UpdatePerson(const Person& p, std::int64_t expected_version) {
  // What the memberships and activities derive from the person, as it was.
  auto was = conn_.Query("SELECT sex, birth_date, disability FROM person WHERE id = ?", {p.id});
  const bool updated = UpdateVersionedRow(
      conn_, "person", std::string(kWritten) + ", updated_at, updated_by",
      Concat(Written(p), {p.updated_at, OptParam(p.updated_by)}), p.id, expected_version);
  if (!updated ||
      (was.size() == 1 && was[0].Str("sex") == p.sex &&
       was[0].OptText("birth_date") == p.birth_date && was[0].Bool("disability") == p.disability))
    return updated;  // a name, phone, ... changed: nothing derived from the person did
  conn_.Execute(
      "UPDATE membership SET member_sex = ?, member_birth_date = ?, member_disability = ? WHERE "
      "person_id = ?",
      {p.sex, OptParam(p.birth_date), std::int64_t{p.disability ? 1 : 0}, p.id});
  RefreshActivitiesOfPerson(conn_, p.id);  // named-only activities count by sex
  RefreshNamedInCounts(conn_, "SELECT activity_id FROM attendance WHERE person_id = ?", {p.id});
  return true;
}

}  // namespace mobilise::storage
