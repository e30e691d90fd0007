#include "domain/registry/registry_config_service.hpp"

#include <algorithm>
#include <set>

#include "core/clock.hpp"
#include "domain/audit/audit.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {
namespace {

Status Admin(const Actor& actor) {
  if (!actor.CanAtRoot(Permission::kConfigWrite))
    return Fail(
        Error::Forbidden("only an administrator of the whole programme may change the "
                         "registry configuration"));
  return {};
}

std::string Joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : " ") + x;
  return s;
}

}  // namespace

RegistryConfig RegistryConfigService::Get() { return db_.Begin(false)->RegistryConfig().Load(); }

Result<InstitutionType> RegistryConfigService::SaveType(const Actor& actor,
                                                        const InstitutionType& t) {
  if (auto ok = Admin(actor); !ok) return Fail(ok.error());
  FieldErrors errors;
  CheckCode(errors, "code", t.code);
  CheckName(errors, "name", t.name, 100);
  if (t.name_local) CheckOptionalName(errors, "name_local", *t.name_local, 100);
  if (t.tier < 1 || t.tier > 6) errors["tier"] = problem::OutOfRange(1, 6);
  if (t.size_min && (*t.size_min < 1 || *t.size_min > 100000))
    errors["size_min"] = problem::OutOfRange(1, 100000);
  if (t.size_max && (*t.size_max < 1 || *t.size_max > 100000))
    errors["size_max"] = problem::OutOfRange(1, 100000);
  if (t.size_min && t.size_max && *t.size_min > *t.size_max)
    errors["size_max"] = problem::BelowSizeMin();
  auto uow = db_.Begin(true);
  auto config = uow->RegistryConfig().Load();
  for (const auto& p : t.parent_types) {
    const auto* parent = p == t.code ? &t : config.Type(p);
    if (!parent)
      errors["parent_types"] = problem::UnknownNamed("type", p);
    else if (parent->tier <= t.tier)
      errors["parent_types"] = problem::NotHigherTier(p, t.code);
  }
  if (!errors.empty()) return Fail(Error::Validation("the institution type is invalid", errors));
  InstitutionType saved = t;
  const auto* before = config.Type(t.code);
  if (before)
    saved.position = before->position;
  else
    saved.position = static_cast<int>(config.types.size()) + 1;
  uow->RegistryConfig().SaveType(saved);
  auto snap = [](const InstitutionType& x) {
    return Snapshot{
        {"name", x.name},
        {"tier", std::to_string(x.tier)},
        {"parent_types", Joined(x.parent_types)},
        {"member_kind", std::string(MemberKindId(x.member_kind))},
        {"size_min", x.size_min ? std::optional(std::to_string(*x.size_min)) : std::nullopt},
        {"size_max", x.size_max ? std::optional(std::to_string(*x.size_max)) : std::nullopt}};
  };
  RecordAudit(uow->Audit(), clock_, actor, before ? "update" : "create", "institution_type", t.code,
              std::nullopt, before ? std::optional(snap(*before)) : std::nullopt, snap(saved));
  uow->Commit();
  return saved;
}

Status RegistryConfigService::SaveBandSet(const Actor& actor, const PovertyBandSet& set) {
  if (auto ok = Admin(actor); !ok) return ok;
  FieldErrors errors;
  if (!IsValidDate(set.effective_from)) errors["effective_from"] = problem::NotADate();
  if (set.source) CheckOptionalName(errors, "source", *set.source, 200);
  if (set.bands.empty() || set.bands.size() > 20)
    errors["bands"] = problem::GiveCount(1, 20, "bands");
  std::set<std::string> codes;
  bool has_zero = false;
  for (std::size_t i = 0; i < set.bands.size(); ++i) {
    const auto& b = set.bands[i];
    const std::string f = "bands[" + std::to_string(i) + "].";
    CheckCode(errors, f + "code", b.code);
    CheckName(errors, f + "name", b.name, 100);
    CheckRange(errors, f + "lower_bound", b.lower_bound, 0, 100);
    if (!codes.insert(b.code).second) errors[f + "code"] = problem::UsedTwice();
    if (i > 0 && b.lower_bound <= set.bands[i - 1].lower_bound)
      errors[f + "lower_bound"] = problem::BandsInOrder();
    has_zero = has_zero || b.lower_bound == 0;
  }
  if (!set.bands.empty() && !has_zero) errors["bands"] = problem::FirstBandAtZero();
  if (!errors.empty()) return Fail(Error::Validation("the poverty bands are invalid", errors));
  auto uow = db_.Begin(true);
  uow->RegistryConfig().SaveBandSet(set);
  uow->Households().RecomputeBands(uow->RegistryConfig().Load().band_sets);
  Snapshot after{{"effective_from", set.effective_from}, {"source", set.source}};
  for (const auto& b : set.bands) after["band." + b.code] = std::to_string(b.lower_bound);
  RecordAudit(uow->Audit(), clock_, actor, "update", "poverty_bands", set.effective_from,
              std::nullopt, std::nullopt, after);
  uow->Commit();
  return {};
}

Status RegistryConfigService::SaveChecklist(const Actor& actor, const Checklist& c) {
  if (auto ok = Admin(actor); !ok) return ok;
  FieldErrors errors;
  CheckCode(errors, "code", c.code);
  CheckName(errors, "name", c.name, 100);
  if (c.items.empty() || c.items.size() > 50) errors["items"] = problem::GiveCount(1, 50, "items");
  if (c.grades.empty()) errors["grades"] = problem::AtLeastOneGrade();
  CheckOneOf(errors, "purpose", c.purpose, {kMaturityChecklist, kSupervisionChecklist});
  std::set<std::string> codes;
  for (std::size_t i = 0; i < c.items.size(); ++i) {
    const std::string f = "items[" + std::to_string(i) + "].";
    CheckCode(errors, f + "code", c.items[i].code);
    CheckName(errors, f + "name", c.items[i].name, 200);
    if (c.items[i].section) CheckName(errors, f + "section", *c.items[i].section, 100);
    if (c.items[i].max_score < 1 || c.items[i].max_score > 100)
      errors[f + "max_score"] = problem::OutOfRange(1, 100);
    if (!codes.insert(c.items[i].code).second) errors[f + "code"] = problem::UsedTwice();
  }
  bool zero = false;
  for (std::size_t i = 0; i < c.grades.size(); ++i) {
    const std::string f = "grades[" + std::to_string(i) + "].";
    CheckName(errors, f + "grade", c.grades[i].grade, 20);
    CheckRange(errors, f + "min_percent", c.grades[i].min_percent, 0, 100);
    zero = zero || c.grades[i].min_percent == 0;
  }
  if (!c.grades.empty() && !zero) errors["grades"] = problem::GradeAtZero();
  auto uow = db_.Begin(true);
  const auto config = uow->RegistryConfig().Load();
  for (const auto& t : c.institution_types)
    if (!config.Type(t)) errors["institution_types"] = problem::UnknownNamed("type", t);
  if (!errors.empty()) return Fail(Error::Validation("the checklist is invalid", errors));
  const bool existed = config.FindChecklist(c.code) != nullptr;
  uow->RegistryConfig().SaveChecklist(c);
  Snapshot after{
      {"name", c.name}, {"institution_types", Joined(c.institution_types)}, {"purpose", c.purpose}};
  for (const auto& i : c.items) after["item." + i.code] = std::to_string(i.max_score);
  for (const auto& g : c.grades) after["grade." + g.grade] = std::to_string(g.min_percent);
  RecordAudit(uow->Audit(), clock_, actor, existed ? "update" : "create", "checklist", c.code,
              std::nullopt, std::nullopt, after);
  uow->Commit();
  return {};
}

Status RegistryConfigService::SaveOptions(const Actor& actor, const std::string& list,
                                          const std::vector<RegistryOption>& options) {
  if (auto ok = Admin(actor); !ok) return ok;
  if (list != "member_role" && list != "vulnerability" && list != "activity_type" &&
      list != "topic" && list != "facility_type" && list != "risk_category")
    return Fail(Error::NotFound("option list"));
  FieldErrors errors;
  std::set<std::string> codes;
  if (options.empty() || options.size() > 100)
    errors["options"] = problem::GiveCount(1, 100, "options");
  for (std::size_t i = 0; i < options.size(); ++i) {
    const std::string f = "[" + std::to_string(i) + "].";
    CheckCode(errors, f + "code", options[i].code);
    CheckName(errors, f + "name", options[i].name, 100);
    if (options[i].name_local)
      CheckOptionalName(errors, f + "name_local", *options[i].name_local, 100);
    if (!codes.insert(options[i].code).second) errors[f + "code"] = problem::UsedTwice();
  }
  auto uow = db_.Begin(true);
  const auto config = uow->RegistryConfig().Load();
  // Codes in use cannot disappear: the records holding them would lose their meaning.
  const auto& current = list == "member_role"     ? config.member_roles
                        : list == "vulnerability" ? config.vulnerability_flags
                        : list == "activity_type" ? config.activity_types
                        : list == "facility_type" ? config.facility_types
                        : list == "risk_category" ? config.risk_categories
                                                  : config.topics;
  for (const auto& o : current)
    if (!codes.count(o.code) && (list == "member_role" ? o.code == "member" : false))
      errors["options"] = problem::MemberRoleKept();
  if (!errors.empty()) return Fail(Error::Validation("the options are invalid", errors));
  Snapshot before, after;
  for (const auto& o : current) before[o.code] = o.name;
  for (const auto& o : options) after[o.code] = o.name;
  uow->RegistryConfig().SaveOptions(list, options);
  RecordAudit(uow->Audit(), clock_, actor, "update", "registry_option", list, std::nullopt, before,
              after);
  uow->Commit();
  return {};
}

}  // namespace mobilise::domain
