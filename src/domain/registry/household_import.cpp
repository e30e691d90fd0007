// HouseholdService::Import: households with their people from one file, all or nothing.
#include <charconv>
#include <map>
#include <set>

#include "core/clock.hpp"
#include "core/id.hpp"
#include "domain/registry/household_rules.hpp"
#include "domain/registry/household_service.hpp"

namespace mobilise::domain {
namespace {

std::optional<std::string> Text(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

// A decimal number cell, or a row error.
std::optional<double> Number(const std::string& s, int row, const char* column,
                             std::vector<ImportRowError>& errors) {
  if (s.empty()) return std::nullopt;
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) {
    errors.push_back({row, column, "invalid", "must be a number"});
    return std::nullopt;
  }
  return v;
}

std::optional<std::int64_t> Whole(const std::string& s, int row, const std::string& column,
                                  std::vector<ImportRowError>& errors) {
  if (s.empty()) return std::nullopt;
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) {
    errors.push_back({row, column, "invalid", "must be a whole number"});
    return std::nullopt;
  }
  return v;
}

// Field errors of the rules become row errors under the file's column names.
void AddFieldErrors(const FieldErrors& fields, int row, std::vector<ImportRowError>& errors,
                    const std::map<std::string, std::string>& columns) {
  for (const auto& [field, why] : fields) {
    auto it = columns.find(field);
    std::string column = it != columns.end() ? it->second : field;
    if (column.rfind("wg.", 0) == 0) column = "wg_" + column.substr(3);
    errors.push_back({row, column, "invalid", why});
  }
}

const std::map<std::string, std::string> kPersonColumns = {{"name", "person_name"},
                                                           {"phone", "person_phone"}};
const std::map<std::string, std::string> kHouseholdColumns = {{"code", "household_code"}};

struct PendingHousehold {
  Household household;
  std::vector<Person> people;
  int first_row = 0;
};

}  // namespace

Result<HouseholdImportReport> HouseholdService::Import(const Actor& actor,
                                                       const std::vector<HouseholdImportRow>& rows,
                                                       bool dry_run) {
  if (!actor.HasPermission(Permission::kRegistryWrite)) return Fail(Error::Forbidden());
  auto uow = db_.Begin(true);
  const auto config = uow->RegistryConfig().Load();
  HouseholdImportReport report;
  report.rows = static_cast<int>(rows.size());
  auto& errors = report.errors;
  std::map<std::string, std::optional<Area>> areas;  // by code
  std::map<std::string, std::size_t> by_code;        // household code -> index in pending
  std::map<std::string, std::string> national_ids;   // id -> household code, within the file
  std::vector<PendingHousehold> pending;
  const auto now = NowTimestamp();
  const auto user = actor.UserId();

  // What the database already holds, asked once for the whole file.
  std::set<std::string> taken_codes, taken_ids;
  {
    std::vector<std::string> codes, ids;
    for (const auto& r : rows) {
      if (!r.household_code.empty()) codes.push_back(r.household_code);
      if (!r.national_id.empty()) ids.push_back(NormaliseNationalId(r.national_id));
    }
    taken_codes = uow->Households().TakenCodes(codes);
    taken_ids = uow->Households().TakenNationalIds(ids);
  }
  for (const auto& r : rows) {
    if (r.household_code.empty()) {
      errors.push_back(
          {r.row, "household_code", "required", "is required (it groups a household's people)"});
      continue;
    }
    auto found = by_code.find(r.household_code);
    PendingHousehold* h = nullptr;
    if (found == by_code.end()) {
      // The household's first row carries its columns.
      PendingHousehold p;
      p.first_row = r.row;
      p.household.id = NewId();
      auto& area = areas[r.area_code];
      if (r.area_code.empty()) {
        errors.push_back({r.row, "area_code", "required", "is required"});
      } else {
        if (!areas.count(r.area_code) || !area) area = uow->Areas().GetByCode(r.area_code);
        if (!area || !actor.Sees(area->path))
          errors.push_back({r.row, "area_code", "unknown", "no area with this code in your areas"});
        else if (!actor.Can(Permission::kRegistryWrite, area->path))
          errors.push_back(
              {r.row, "area_code", "forbidden", "your role may not register households here"});
        else
          p.household.area_id = area->id, p.household.area_path = area->path;
      }
      HouseholdInput in;
      in.code = r.household_code;
      in.head_name = r.head_name;
      in.head_father_name = Text(r.head_father_name);
      in.address = Text(r.address);
      in.phone = Text(r.phone);
      in.national_id = Text(r.national_id);
      in.psc_score = Number(r.psc_score, r.row, "psc_score", errors);
      in.psc_date = Text(r.psc_date);
      in.psc_source = Text(r.psc_source);
      in.latitude = Number(r.latitude, r.row, "latitude", errors);
      in.longitude = Number(r.longitude, r.row, "longitude", errors);
      if (!r.flags.empty()) {
        in.flags.emplace();
        std::string f;
        for (char c : r.flags + " ") {
          if (c == ' ' || c == ',' || c == ';') {
            if (!f.empty()) in.flags->push_back(f);
            f.clear();
          } else {
            f += c;
          }
        }
      }
      FieldErrors fields;
      ApplyHousehold(config, p.household, in, true, fields);
      AddFieldErrors(fields, r.row, errors, kHouseholdColumns);
      if (p.household.national_id) {
        auto [it, fresh] = national_ids.emplace(*p.household.national_id, r.household_code);
        if (!fresh)
          errors.push_back({r.row, "national_id", "duplicate",
                            "also the national ID of household " + it->second + " in this file"});
        else if (taken_ids.count(*p.household.national_id))
          errors.push_back(
              {r.row, "national_id", "duplicate", "a registered household has this national ID"});
      }
      if (taken_codes.count(r.household_code))
        errors.push_back({r.row, "household_code", "duplicate",
                          "a household with this code is already registered"});
      by_code.emplace(r.household_code, pending.size());
      pending.push_back(std::move(p));
      h = &pending.back();
    } else {
      h = &pending[found->second];
      // Later rows may repeat the household's columns, but not contradict them.
      if (!r.head_name.empty() && r.head_name != h->household.head_name)
        errors.push_back(
            {r.row, "head_name", "mismatch",
             "differs from the household's first row (" + std::to_string(h->first_row) + ")"});
      if (!r.area_code.empty() && areas.count(r.area_code) && areas[r.area_code] &&
          areas[r.area_code]->id != h->household.area_id)
        errors.push_back(
            {r.row, "area_code", "mismatch", "differs from the household's first row"});
    }
    if (r.person_name.empty()) {
      bool person_cells =
          !r.sex.empty() || !r.relation.empty() || !r.birth_date.empty() || !r.age.empty();
      if (person_cells)
        errors.push_back({r.row, "person_name", "required", "is required for a person"});
      continue;
    }
    PersonInput pin;
    pin.name = r.person_name;
    pin.sex = r.sex;
    pin.relation = r.relation;
    pin.birth_date = Text(r.birth_date);
    pin.age = Whole(r.age, r.row, "age", errors);
    pin.displacement = Text(r.displacement);
    pin.phone = Text(r.person_phone);
    int answered = 0;
    std::array<std::int64_t, 6> wg{};
    for (std::size_t i = 0; i < 6; ++i) {
      if (r.wg[i].empty()) continue;
      ++answered;
      wg[i] = Whole(r.wg[i], r.row, std::string("wg_") + kWgDomains[i], errors).value_or(0);
    }
    if (answered == 6)
      pin.wg = wg;
    else if (answered > 0)
      errors.push_back(
          {r.row, "wg_seeing", "incomplete", "answer all six Washington Group questions or none"});
    Person p;
    p.id = NewId();
    p.household_id = h->household.id;
    p.area_path = h->household.area_path;
    FieldErrors fields;
    ApplyPerson(p, pin, true, fields);
    AddFieldErrors(fields, r.row, errors, kPersonColumns);
    if (p.relation == "head") {
      if (h->household.head_person_id)
        errors.push_back({r.row, "relation", "duplicate", "the household already has a head"});
      h->household.head_person_id = p.id;
    }
    p.created_at = p.updated_at = now;
    p.created_by = p.updated_by = user;
    h->people.push_back(std::move(p));
  }

  report.households = static_cast<int>(pending.size());
  for (const auto& p : pending) report.people += static_cast<int>(p.people.size());
  std::stable_sort(errors.begin(), errors.end(),
                   [](const ImportRowError& a, const ImportRowError& b) { return a.row < b.row; });
  if (dry_run || !errors.empty()) return report;

  for (auto& p : pending) {
    auto& h = p.household;
    DeriveFlags(h, p.people);
    h.person_count = static_cast<std::int64_t>(p.people.size());
    h.created_at = h.updated_at = now;
    h.created_by = h.updated_by = user;
    if (auto ok = uow->Households().Insert(h); !ok) return Fail(ok.error());
    for (const auto& person : p.people) uow->Households().InsertPerson(person);
  }
  // One audit entry for the whole load (records carry created_by/at; a million per-row entries
  // would double the cost of a large import).
  RecordAudit(uow->Audit(), actor, "import", "household", std::nullopt, std::nullopt, std::nullopt,
              Snapshot{{"households", std::to_string(report.households)},
                       {"people", std::to_string(report.people)},
                       {"rows", std::to_string(report.rows)}});
  uow->Commit();
  report.created = report.households;
  return report;
}

}  // namespace mobilise::domain
