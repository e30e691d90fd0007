// InstitutionService::Import: institutions (federations before their members) and their
// memberships from one file, checked with the same rules as the API, all rows or none.
#include <algorithm>
#include <map>
#include <set>

#include "core/id.hpp"
#include "domain/registry/institution_checks.hpp"
#include "domain/registry/institution_dry_run.hpp"
#include "domain/registry/institution_rules.hpp"
#include "domain/registry/institution_service.hpp"
#include "domain/registry/registry_import.hpp"

namespace mobilise::domain {
namespace {

// The fields the rules name that are other columns in the file.
const std::map<std::string, std::string> kColumns = {
    {"area_id", "area_code"},
    {"parent_id", "parent_code"},
    {"household_id", "member_household_code"},
    {"person_id", "member_person_name"},
    {"member_institution_id", "member_institution_code"}};

// One import in one transaction: what the file has written so far, and the rows in error.
class InstitutionImporter {
 public:
  InstitutionImporter(UnitOfWork& uow, const Actor& actor, const Clock& clock,
                      InstitutionImportReport& report)
      : uow_(uow),
        actor_(actor),
        config_(uow.RegistryConfig().Load()),
        clock_(clock),
        report_(report),
        now_(clock.Timestamp()) {}

  // The first row of each code makes the institution; federations (higher tiers) first so that
  // their members can name them as parent_code.
  void AddInstitutions(const std::vector<InstitutionImportRow>& rows) {
    std::set<std::string> seen;
    std::vector<const InstitutionImportRow*> order;
    for (const auto& r : rows) {
      if (r.code.empty())
        Reject(r.row, "code", "required", "is required (it groups an institution's rows)");
      else if (seen.insert(r.code).second)
        order.push_back(&r);
    }
    auto tier = [&](const InstitutionImportRow* r) {
      const auto* t = config_.Type(r->type);
      return t ? t->tier : 0;
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](auto* a, auto* b) { return tier(a) > tier(b); });
    for (const auto* r : order) AddInstitution(*r);
  }

  // Every row naming a member adds a membership to its institution, in file order.
  void AddMemberships(const std::vector<InstitutionImportRow>& rows) {
    for (const auto& r : rows) {
      const bool has_member = !r.member_household_code.empty() || !r.member_person_name.empty() ||
                              !r.member_institution_code.empty();
      if (!has_member || r.code.empty()) continue;
      auto id = ids_.find(r.code);
      if (id == ids_.end()) continue;  // the institution itself is in error
      if (auto inst = uow_.Institutions().Get(id->second)) AddMembership(r, *inst);
    }
  }

  // The counts kept on the institutions and households the memberships changed, and one audit
  // entry for the whole load (the records carry created_by/at).
  void Finish() {
    for (const auto& id : touched_institutions_) uow_.Institutions().RefreshMemberCount(id);
    for (const auto& id : touched_households_) uow_.Households().RefreshCounts(id);
    RecordAudit(uow_.Audit(), clock_, actor_, "import", "institution", std::nullopt, std::nullopt,
                std::nullopt,
                Snapshot{{"institutions", std::to_string(report_.institutions)},
                         {"memberships", std::to_string(report_.memberships)},
                         {"rows", std::to_string(report_.rows)}});
  }

 private:
  void Reject(int row, std::string column, std::string code, std::string message) {
    report_.errors.push_back({row, std::move(column), std::move(code), std::move(message)});
  }

  std::optional<Area> AreaByCode(const std::string& code) {
    auto it = areas_.find(code);
    if (it == areas_.end()) it = areas_.emplace(code, uow_.Areas().GetByCode(code)).first;
    return it->second;
  }

  // The row as API input, with its area and parent resolved from the file or the database.
  InstitutionInput Input(const InstitutionImportRow& r) {
    InstitutionInput in;
    in.type = r.type;
    in.code = r.code;
    in.name = r.name;
    in.name_local = NonEmpty(r.name_local);
    in.formed_on = NonEmpty(r.formed_on);
    in.sex_composition = r.sex_composition;
    in.status = NonEmpty(r.status);
    in.meeting_frequency = NonEmpty(r.meeting_frequency);
    if (auto area = AreaByCode(r.area_code))
      in.area_id = area->id;
    else
      Reject(r.row, "area_code", "unknown",
             r.area_code.empty() ? "is required" : "no area with this code");
    if (!r.parent_code.empty()) {
      if (auto it = ids_.find(r.parent_code); it != ids_.end())
        in.parent_id = it->second;
      else if (auto parent = uow_.Institutions().GetByCode(r.parent_code))
        in.parent_id = parent->id;
      else
        Reject(r.row, "parent_code", "unknown",
               "no institution with this code in the file or the registry");
    }
    return in;
  }

  void AddInstitution(const InstitutionImportRow& r) {
    if (uow_.Institutions().GetByCode(r.code)) {
      Reject(r.row, "code", "duplicate", "an institution with this code is already registered");
      return;
    }
    const InstitutionInput in = Input(r);
    if (!in.area_id) return;
    Institution inst;
    inst.id = NewId();
    FieldErrors fields;
    const auto change = ApplyInstitution(uow_, actor_, config_, clock_, inst, in, true, fields);
    AddFieldErrors(fields, r.row, kColumns, report_.errors);
    if (!fields.empty()) return;
    inst.created_at = inst.updated_at = now_;
    inst.created_by = inst.updated_by = actor_.UserId();
    // Written (on a dry run, kept in memory: DryRunUnitOfWork) so later rows can refer to it.
    if (auto ok = uow_.Institutions().Insert(inst); !ok) {
      Reject(r.row, "code", "duplicate", ok.error().message);
      return;
    }
    if (change) uow_.Institutions().AddStatusChange(*change);
    ids_[r.code] = inst.id;
    ++report_.institutions;
  }

  // The member a row names (household and person by name, or member institution), or nullopt
  // after recording why not.
  std::optional<MemberInput> Member(const InstitutionImportRow& r, const Institution& inst) {
    MemberInput in;
    in.role = r.role.empty() ? "member" : r.role;
    in.joined_on = r.joined_on.empty() ? inst.formed_on.value_or(clock_.Today()) : r.joined_on;
    if (!r.member_household_code.empty()) {
      auto h = uow_.Households().GetByCode(r.member_household_code);
      if (!h) {
        Reject(r.row, "member_household_code", "unknown", "no household with this code");
        return std::nullopt;
      }
      in.household_id = h->id;
      if (!r.member_person_name.empty()) {
        const auto key = NameKey(r.member_person_name);
        for (const auto& p : uow_.Households().People(h->id))
          if (NameKey(p.name) == key) in.person_id = p.id;
        if (!in.person_id) {
          Reject(r.row, "member_person_name", "unknown", "no person of this name in the household");
          return std::nullopt;
        }
      }
    }
    if (!r.member_institution_code.empty()) {
      auto it = ids_.find(r.member_institution_code);
      auto mi = it != ids_.end() ? uow_.Institutions().Get(it->second)
                                 : uow_.Institutions().GetByCode(r.member_institution_code);
      if (!mi) {
        Reject(r.row, "member_institution_code", "unknown", "no institution with this code");
        return std::nullopt;
      }
      in.member_institution_id = mi->id;
    }
    return in;
  }

  void AddMembership(const InstitutionImportRow& r, const Institution& inst) {
    auto in = Member(r, inst);
    if (!in) return;
    const auto* type = config_.Type(inst.type);
    if (type && type->member_kind == MemberKind::kPerson && !in->person_id) {
      Reject(r.row, "member_person_name", "required",
             "a " + inst.type + " has people as members: name the person");
      return;
    }
    auto m = CheckMembership(uow_, config_, inst, *in, clock_.Today());
    if (!m) {
      FieldErrors fields = m.error().fields;
      if (fields.empty()) fields["member"] = problem::Unreadable(m.error().message);
      AddFieldErrors(fields, r.row, kColumns, report_.errors);
      return;
    }
    m->created_at = m->updated_at = now_;
    m->created_by = m->updated_by = actor_.UserId();
    uow_.Institutions().InsertMembership(*m);
    touched_institutions_.insert(inst.id);
    if (m->household_id) touched_households_.insert(*m->household_id);
    ++report_.memberships;
  }

  UnitOfWork& uow_;
  const Actor& actor_;
  const RegistryConfig config_;
  const Clock& clock_;
  InstitutionImportReport& report_;
  const std::string now_;
  std::map<std::string, std::string> ids_;  // code -> id (file and database)
  std::map<std::string, std::optional<Area>> areas_;
  std::set<std::string> touched_institutions_, touched_households_;
};

}  // namespace

Result<InstitutionImportReport> InstitutionService::Import(
    const Actor& actor, const std::vector<InstitutionImportRow>& rows, bool dry_run) {
  if (!actor.HasPermission(Permission::kRegistryWrite)) return Fail(Error::Forbidden());
  // A dry run reads only: what the file adds stays in memory, and writers are not held up.
  std::unique_ptr<UnitOfWork> uow =
      dry_run ? std::make_unique<DryRunUnitOfWork>(db_.Begin(false)) : db_.Begin(true);
  InstitutionImportReport report{.rows = static_cast<int>(rows.size())};
  InstitutionImporter importer(*uow, actor, clock_, report);
  importer.AddInstitutions(rows);
  importer.AddMemberships(rows);
  SortByRow(report.errors);
  if (dry_run || !report.errors.empty()) return report;  // nothing kept
  importer.Finish();
  uow->Commit();
  report.created = report.institutions;
  return report;
}

}  // namespace mobilise::domain
