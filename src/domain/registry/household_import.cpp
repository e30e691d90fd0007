// HouseholdService::Import: households with their people from one file, all or nothing.
#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "core/id.hpp"
#include "domain/registry/household_rules.hpp"
#include "domain/registry/household_service.hpp"
#include "domain/registry/registry_import.hpp"

namespace mobilise::domain {
namespace {

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

const std::map<std::string, std::string> kPersonColumns = {{"name", "person_name"},
                                                           {"phone", "person_phone"}};
const std::map<std::string, std::string> kHouseholdColumns = {{"code", "household_code"}};

struct PendingHousehold {
  Household household;
  std::vector<Person> people;
  int first_row = 0;
};

// The flags cell: codes separated by spaces, commas or semicolons.
std::vector<std::string> SplitFlags(const std::string& cell) {
  std::vector<std::string> flags;
  std::string f;
  for (char c : cell + " ") {
    if (c == ' ' || c == ',' || c == ';') {
      if (!f.empty()) flags.push_back(f);
      f.clear();
    } else {
      f += c;
    }
  }
  return flags;
}

// The household columns of a row as API input (the area is resolved by the importer).
HouseholdInput HouseholdOf(const HouseholdImportRow& r, std::vector<ImportRowError>& errors) {
  HouseholdInput in;
  in.code = r.household_code;
  in.head_name = r.head_name;
  in.head_father_name = NonEmpty(r.head_father_name);
  in.address = NonEmpty(r.address);
  in.phone = NonEmpty(r.phone);
  in.national_id = NonEmpty(r.national_id);
  in.psc_score = Number(r.psc_score, r.row, "psc_score", errors);
  in.psc_date = NonEmpty(r.psc_date);
  in.psc_source = NonEmpty(r.psc_source);
  in.latitude = Number(r.latitude, r.row, "latitude", errors);
  in.longitude = Number(r.longitude, r.row, "longitude", errors);
  if (!r.flags.empty()) in.flags = SplitFlags(r.flags);
  return in;
}

// The person columns of a row as API input: the six Washington Group answers or none.
PersonInput PersonOf(const HouseholdImportRow& r, std::vector<ImportRowError>& errors) {
  PersonInput pin;
  pin.name = r.person_name;
  pin.sex = r.sex;
  pin.relation = r.relation;
  pin.birth_date = NonEmpty(r.birth_date);
  pin.age = Whole(r.age, r.row, "age", errors);
  pin.displacement = NonEmpty(r.displacement);
  pin.phone = NonEmpty(r.person_phone);
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
  return pin;
}

// One import in one transaction: the households of the file so far (grouped by code), what the
// database already holds, and the rows in error.
class HouseholdImporter {
 public:
  HouseholdImporter(UnitOfWork& uow, const Actor& actor, const RegistryConfig& config,
                    const Clock& clock, HouseholdImportReport& report)
      : uow_(uow),
        clock_(clock),
        actor_(actor),
        config_(config),
        report_(report),
        errors_(report.errors),
        now_(clock.Timestamp()),
        today_(clock.Today()),
        user_(actor.UserId()) {}

  // Every row checked and grouped into households, counted in the report.
  void Read(const std::vector<HouseholdImportRow>& rows) {
    report_.rows = static_cast<int>(rows.size());
    LoadTaken(rows);
    for (const auto& r : rows) Add(r);
    report_.households = static_cast<int>(pending_.size());
    for (const auto& p : pending_) report_.people += static_cast<int>(p.people.size());
  }

  // The households with their people, and one audit entry for the whole load (records carry
  // created_by/at; a million per-row entries would double the cost of a large import).
  Status Write() {
    for (auto& p : pending_) {
      auto& h = p.household;
      DeriveFlags(h, p.people, today_);
      h.person_count = static_cast<std::int64_t>(p.people.size());
      h.created_at = h.updated_at = now_;
      h.created_by = h.updated_by = user_;
      if (auto ok = uow_.Households().Insert(h); !ok) return Fail(ok.error());
      for (const auto& person : p.people) uow_.Households().InsertPerson(person);
    }
    RecordAudit(uow_.Audit(), clock_, actor_, "import", "household", std::nullopt, std::nullopt,
                std::nullopt,
                Snapshot{{"households", std::to_string(report_.households)},
                         {"people", std::to_string(report_.people)},
                         {"rows", std::to_string(report_.rows)}});
    return {};
  }

 private:
  // What the database already holds, asked once for the whole file.
  void LoadTaken(const std::vector<HouseholdImportRow>& rows) {
    std::vector<std::string> codes, ids;
    for (const auto& r : rows) {
      if (!r.household_code.empty()) codes.push_back(r.household_code);
      if (!r.national_id.empty()) ids.push_back(NormaliseNationalId(r.national_id));
    }
    taken_codes_ = uow_.Households().TakenCodes(codes);
    taken_ids_ = uow_.Households().TakenNationalIds(ids);
  }

  // A row: the household's first row carries its columns, later rows may repeat them; a row
  // with a person name adds a person to its household.
  void Add(const HouseholdImportRow& r) {
    if (r.household_code.empty()) {
      errors_.push_back(
          {r.row, "household_code", "required", "is required (it groups a household's people)"});
      return;
    }
    auto found = by_code_.find(r.household_code);
    PendingHousehold& h = found == by_code_.end() ? FirstRow(r) : LaterRow(r, found->second);
    if (r.person_name.empty()) {
      bool person_cells =
          !r.sex.empty() || !r.relation.empty() || !r.birth_date.empty() || !r.age.empty();
      if (person_cells)
        errors_.push_back({r.row, "person_name", "required", "is required for a person"});
      return;
    }
    AddPerson(r, h);
  }

  // The area of a household's first row: in the actor's areas and writable by them.
  void ResolveArea(const HouseholdImportRow& r, Household& h) {
    auto& area = areas_[r.area_code];
    if (r.area_code.empty()) {
      errors_.push_back({r.row, "area_code", "required", "is required"});
      return;
    }
    if (!area) area = uow_.Areas().GetByCode(r.area_code);
    if (!area || !actor_.Sees(area->path))
      errors_.push_back({r.row, "area_code", "unknown", "no area with this code in your areas"});
    else if (!actor_.Can(Permission::kRegistryWrite, area->path))
      errors_.push_back(
          {r.row, "area_code", "forbidden", "your role may not register households here"});
    else
      h.area_id = area->id, h.area_path = area->path;
  }

  // National IDs and codes are unique in the file and in the registry.
  void CheckUnique(const HouseholdImportRow& r, const Household& h) {
    if (h.national_id) {
      auto [it, fresh] = national_ids_.emplace(*h.national_id, r.household_code);
      if (!fresh)
        errors_.push_back({r.row, "national_id", "duplicate",
                           "also the national ID of household " + it->second + " in this file"});
      else if (taken_ids_.count(*h.national_id))
        errors_.push_back(
            {r.row, "national_id", "duplicate", "a registered household has this national ID"});
    }
    if (taken_codes_.count(r.household_code))
      errors_.push_back({r.row, "household_code", "duplicate",
                         "a household with this code is already registered"});
  }

  PendingHousehold& FirstRow(const HouseholdImportRow& r) {
    PendingHousehold p;
    p.first_row = r.row;
    p.household.id = NewId();
    ResolveArea(r, p.household);
    const HouseholdInput in = HouseholdOf(r, errors_);
    FieldErrors fields;
    ApplyHousehold(config_, p.household, in, true, today_, fields);
    AddFieldErrors(fields, r.row, kHouseholdColumns, errors_);
    CheckUnique(r, p.household);
    by_code_.emplace(r.household_code, pending_.size());
    pending_.push_back(std::move(p));
    return pending_.back();
  }

  // Later rows may repeat the household's columns, but not contradict them.
  PendingHousehold& LaterRow(const HouseholdImportRow& r, std::size_t index) {
    PendingHousehold& h = pending_[index];
    if (!r.head_name.empty() && r.head_name != h.household.head_name)
      errors_.push_back(
          {r.row, "head_name", "mismatch",
           "differs from the household's first row (" + std::to_string(h.first_row) + ")"});
    if (!r.area_code.empty() && areas_.count(r.area_code) && areas_[r.area_code] &&
        areas_[r.area_code]->id != h.household.area_id)
      errors_.push_back({r.row, "area_code", "mismatch", "differs from the household's first row"});
    return h;
  }

  void AddPerson(const HouseholdImportRow& r, PendingHousehold& h) {
    const PersonInput pin = PersonOf(r, errors_);
    Person p;
    p.id = NewId();
    p.household_id = h.household.id;
    p.area_path = h.household.area_path;
    FieldErrors fields;
    ApplyPerson(p, pin, true, today_, fields);
    AddFieldErrors(fields, r.row, kPersonColumns, errors_);
    if (p.relation == "head") {
      if (h.household.head_person_id)
        errors_.push_back({r.row, "relation", "duplicate", "the household already has a head"});
      h.household.head_person_id = p.id;
    }
    p.created_at = p.updated_at = now_;
    p.created_by = p.updated_by = user_;
    h.people.push_back(std::move(p));
  }

  UnitOfWork& uow_;
  const Clock& clock_;
  const Actor& actor_;
  const RegistryConfig& config_;
  HouseholdImportReport& report_;
  std::vector<ImportRowError>& errors_;
  const std::string now_, today_;
  const std::optional<std::string> user_;
  std::map<std::string, std::optional<Area>> areas_;  // by code
  std::map<std::string, std::size_t> by_code_;        // household code -> index in pending_
  std::map<std::string, std::string> national_ids_;   // id -> household code, within the file
  std::vector<PendingHousehold> pending_;
  std::set<std::string> taken_codes_, taken_ids_;
};

}  // namespace

Result<HouseholdImportReport> HouseholdService::Import(const Actor& actor,
                                                       const std::vector<HouseholdImportRow>& rows,
                                                       bool dry_run) {
  if (!actor.HasPermission(Permission::kRegistryWrite)) return Fail(Error::Forbidden());
  auto uow = db_.Begin(!dry_run);  // a dry run only reads: it takes no write lock
  const auto config = uow->RegistryConfig().Load();
  HouseholdImportReport report;
  HouseholdImporter importer(*uow, actor, config, clock_, report);
  importer.Read(rows);
  SortByRow(report.errors);
  if (dry_run || !report.errors.empty()) return report;
  if (auto ok = importer.Write(); !ok) return Fail(ok.error());
  uow->Commit();
  report.created = report.households;
  return report;
}

}  // namespace mobilise::domain
