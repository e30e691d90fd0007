#include "domain/registry/institution_service.hpp"

#include <algorithm>
#include <set>

#include "core/clock.hpp"
#include "core/id.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {
namespace {

Result<Institution> Visible(UnitOfWork& uow, const Actor& actor, const std::string& id) {
  if (!IsValidId(id)) return Fail(Error::NotFound("institution"));
  auto i = uow.Institutions().Get(id);
  if (!i || !actor.Sees(i->area_path)) return Fail(Error::NotFound("institution"));
  return *i;
}

bool Final(std::string_view status) { return status == "dissolved" || status == "merged"; }

// Applies `in` to `inst`, checking every field; `creating` makes type/area/name required.
void Apply(UnitOfWork& uow, const Actor& actor, const RegistryConfig& config, Institution& inst,
           const InstitutionInput& in, bool creating, FieldErrors& errors,
           std::optional<StatusChange>& status_change) {
  if (creating) {
    if (!in.type) errors["type"] = "is required";
    if (!in.area_id) errors["area_id"] = "is required";
    if (!in.name) errors["name"] = "is required";
    if (!in.sex_composition) errors["sex_composition"] = "is required";
  }
  if (in.type) {
    if (!creating && *in.type != inst.type)
      errors["type"] = "cannot change; register a new institution of the other type";
    else if (!config.Type(*in.type))
      errors["type"] = "unknown institution type";
    else
      inst.type = *in.type;
  }
  if (in.area_id && (creating || *in.area_id != inst.area_id)) {
    auto area = IsValidId(*in.area_id) ? uow.Areas().Get(*in.area_id) : std::nullopt;
    if (!area || !actor.Sees(area->path))
      errors["area_id"] = "no such area in your areas";
    else if (!actor.Can(Permission::kRegistryWrite, area->path))
      errors["area_id"] = "your role may not register institutions in this area";
    else {
      inst.area_id = area->id;
      inst.area_path = area->path;
    }
  }
  if (in.name) CheckName(errors, "name", *in.name), inst.name = *in.name;
  if (in.name_local)
    CheckOptionalName(errors, "name_local", *in.name_local),
        inst.name_local = NonEmpty(*in.name_local);
  if (in.code) {
    if (!in.code->empty()) CheckCode(errors, "code", *in.code);
    if (!in.code->empty() && *in.code != inst.code.value_or("")) {
      if (uow.Institutions().GetByCode(*in.code))
        errors["code"] = "another institution has this code";
    }
    inst.code = NonEmpty(*in.code);
  }
  if (in.formed_on) {
    if (!in.formed_on->empty()) CheckPastDate(errors, "formed_on", *in.formed_on);
    inst.formed_on = NonEmpty(*in.formed_on);
  }
  if (in.sex_composition) {
    CheckOneOf(errors, "sex_composition", *in.sex_composition, {"women", "men", "mixed"});
    inst.sex_composition = *in.sex_composition;
  }
  if (in.meeting_frequency) {
    if (!in.meeting_frequency->empty())
      CheckOneOf(errors, "meeting_frequency", *in.meeting_frequency,
                 {"weekly", "fortnightly", "monthly", "quarterly", "irregular"});
    inst.meeting_frequency = NonEmpty(*in.meeting_frequency);
  }
  if (in.registration_status) {
    CheckOneOf(errors, "registration_status", *in.registration_status,
               {"unregistered", "applied", "registered"});
    inst.registration_status = *in.registration_status;
  }
  if (in.registration_authority) {
    CheckOptionalName(errors, "registration_authority", *in.registration_authority);
    inst.registration_authority = NonEmpty(*in.registration_authority);
  }
  if (in.registration_number) {
    CheckOptionalName(errors, "registration_number", *in.registration_number, 60);
    inst.registration_number = NonEmpty(*in.registration_number);
  }
  if (in.registration_date) {
    if (!in.registration_date->empty())
      CheckPastDate(errors, "registration_date", *in.registration_date);
    inst.registration_date = NonEmpty(*in.registration_date);
  }
  if (in.bank_status) {
    CheckOneOf(errors, "bank_status", *in.bank_status, {"none", "applied", "opened"});
    inst.bank_status = *in.bank_status;
  }
  if (in.bank_name) {
    CheckOptionalName(errors, "bank_name", *in.bank_name);
    inst.bank_name = NonEmpty(*in.bank_name);
  }
  if (in.bank_opened_on) {
    if (!in.bank_opened_on->empty()) CheckPastDate(errors, "bank_opened_on", *in.bank_opened_on);
    inst.bank_opened_on = NonEmpty(*in.bank_opened_on);
  }
  if (in.savings) {
    CheckRange(errors, "savings", *in.savings, 0, 1e12);
    inst.savings = static_cast<double>(static_cast<long long>(*in.savings * 100 + 0.5)) / 100;
  }
  if (in.notes) {
    CheckOptionalName(errors, "notes", *in.notes, 4000);
    inst.notes = NonEmpty(*in.notes);
  }
  if (inst.bank_status == "opened" && !inst.bank_name)
    errors["bank_name"] = "is required when the account is opened";
  if (inst.registration_status == "registered" && !inst.registration_number)
    errors["registration_number"] = "is required when registered";

  // Status lifecycle: forming -> active -> dormant <-> active; any -> dissolved | merged (final).
  if (in.status && (creating || *in.status != inst.status)) {
    const std::string from = inst.status;
    CheckOneOf(errors, "status", *in.status,
               {"forming", "active", "dormant", "dissolved", "merged"});
    if (!creating && Final(from))
      errors["status"] = "a " + from + " institution cannot change status";
    else if (*in.status == "forming" && !creating)
      errors["status"] = "cannot go back to forming";
    std::string on = in.status_on.value_or(TodayDate());
    if (in.status_on) CheckPastDate(errors, "status_on", *in.status_on);
    if (inst.formed_on && on < *inst.formed_on)
      errors["status_on"] = "is before the formation date";
    if (Final(*in.status) && (!in.status_reason || in.status_reason->empty()))
      errors["status_reason"] = "is required when an institution is " + *in.status;
    if (in.status_reason) CheckOptionalName(errors, "status_reason", *in.status_reason, 1000);
    if (*in.status == "merged") {
      if (!in.merged_into_id) {
        errors["merged_into_id"] = "is required when merged";
      } else {
        auto into = IsValidId(*in.merged_into_id) ? uow.Institutions().Get(*in.merged_into_id)
                                                  : std::nullopt;
        if (!into || !actor.Sees(into->area_path))
          errors["merged_into_id"] = "no such institution in your areas";
        else if (into->id == inst.id)
          errors["merged_into_id"] = "cannot merge into itself";
        else if (into->type != inst.type)
          errors["merged_into_id"] = "must be an institution of the same type";
        else if (Final(into->status))
          errors["merged_into_id"] = "is itself dissolved or merged";
        else
          inst.merged_into_id = into->id;
      }
    }
    inst.status = *in.status;
    inst.status_on = on;
    inst.status_reason = in.status_reason ? NonEmpty(*in.status_reason) : std::nullopt;
    status_change = StatusChange{NewId(),        inst.id,       inst.status, on, inst.status_reason,
                                 NowTimestamp(), actor.UserId()};
  } else if (in.status_on || in.status_reason || in.merged_into_id) {
    errors["status"] = "status_on, status_reason and merged_into_id go with a status change";
  }
  if (creating && !in.status) {
    inst.status = "forming";
    inst.status_on = inst.formed_on.value_or(TodayDate());
    status_change = StatusChange{NewId(),      inst.id,        inst.status,   *inst.status_on,
                                 std::nullopt, NowTimestamp(), actor.UserId()};
  }

  // Federation: the parent's type is one this type federates into, the parent sits in the same
  // line of areas (its area is the institution's area or an ancestor), and no cycle.
  if (in.parent_id) {
    if (in.parent_id->empty()) {
      inst.parent_id.reset();
    } else {
      auto parent = IsValidId(*in.parent_id) ? uow.Institutions().Get(*in.parent_id) : std::nullopt;
      const auto* type = config.Type(inst.type);
      if (!parent || !actor.Sees(parent->area_path)) {
        errors["parent_id"] = "no such institution in your areas";
      } else if (type && !type->MayFederateInto(parent->type)) {
        std::string allowed;
        for (const auto& t : type->parent_types) allowed += (allowed.empty() ? "" : ", ") + t;
        errors["parent_id"] =
            "a " + inst.type + " cannot federate into a " + parent->type +
            (allowed.empty() ? " (it federates into nothing)" : " (only into " + allowed + ")");
      } else if (!inst.area_path.empty() && !PathWithin(inst.area_path, parent->area_path)) {
        errors["parent_id"] = "the federation must be in the institution's area or one above it";
      } else if (Final(parent->status)) {
        errors["parent_id"] = "the federation is dissolved or merged";
      } else {
        // Walk up from the parent: reaching this institution would close a cycle.
        std::optional<Institution> at = parent;
        for (int depth = 0; at && depth < 32; ++depth) {
          if (at->id == inst.id) {
            errors["parent_id"] = "would make a cycle in the federation";
            break;
          }
          at = at->parent_id ? uow.Institutions().Get(*at->parent_id) : std::nullopt;
        }
        inst.parent_id = parent->id;
      }
    }
  }
}

}  // namespace

Snapshot InstitutionSnapshot(const Institution& i) {
  auto num = [](double v) { return std::to_string(v); };
  return Snapshot{{"type", i.type},
                  {"code", i.code},
                  {"name", i.name},
                  {"name_local", i.name_local},
                  {"area_id", i.area_id},
                  {"parent_id", i.parent_id},
                  {"formed_on", i.formed_on},
                  {"sex_composition", i.sex_composition},
                  {"status", i.status},
                  {"status_on", i.status_on},
                  {"status_reason", i.status_reason},
                  {"merged_into_id", i.merged_into_id},
                  {"meeting_frequency", i.meeting_frequency},
                  {"registration_status", i.registration_status},
                  {"registration_authority", i.registration_authority},
                  {"registration_number", i.registration_number},
                  {"registration_date", i.registration_date},
                  {"bank_status", i.bank_status},
                  {"bank_name", i.bank_name},
                  {"bank_opened_on", i.bank_opened_on},
                  {"savings", num(i.savings)},
                  {"notes", i.notes},
                  {"version", std::to_string(i.version)}};
}

Snapshot MembershipSnapshot(const Membership& m) {
  return Snapshot{{"institution_id", m.institution_id},
                  {"household_id", m.household_id},
                  {"person_id", m.person_id},
                  {"member_institution_id", m.member_institution_id},
                  {"role", m.role},
                  {"joined_on", m.joined_on},
                  {"left_on", m.left_on},
                  {"left_reason", m.left_reason}};
}

std::optional<Warning> SizeWarning(const RegistryConfig& config, const Institution& inst) {
  const auto* type = config.Type(inst.type);
  if (!type) return std::nullopt;
  const auto n = inst.member_count;
  if (type->size_max && n > *type->size_max)
    return Warning{"size",
                   inst.type + " has " + std::to_string(n) + " members, above the expected " +
                       std::to_string(*type->size_max),
                   inst.id, n, *type->size_max};
  if (type->size_min && n < *type->size_min && inst.status != "forming")
    return Warning{"size",
                   inst.type + " has " + std::to_string(n) + " members, below the expected " +
                       std::to_string(*type->size_min),
                   inst.id, n, *type->size_min};
  return std::nullopt;
}

Result<Page<Institution>> InstitutionService::List(const Actor& actor, const InstitutionFilter& f) {
  auto uow = db_.Begin(false);
  InstitutionQuery q;
  q.scope = actor.Scope(Permission::kRegistryRead);
  if (f.area_id) {
    auto area = IsValidId(*f.area_id) ? uow->Areas().Get(*f.area_id) : std::nullopt;
    if (!area || !actor.Sees(area->path))
      return Fail(Error::Field("area", "no such area in your areas"));
    q.scope = {SubtreeRange(area->path)};
  }
  if (f.parent_id) {
    auto parent = Visible(*uow, actor, *f.parent_id);
    if (!parent) return Fail(Error::Field("parent", "no such institution in your areas"));
    q.parent_id = f.parent_id;
  }
  q.type = f.type;
  q.status = f.status;
  q.tier = f.tier;
  q.text = f.text;
  q.page = f.page;
  if (q.scope.empty()) return Page<Institution>{};
  return uow->Institutions().List(q);
}

Result<InstitutionDetail> InstitutionService::Get(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(false);
  auto inst = Visible(*uow, actor, id);
  if (!inst) return Fail(inst.error());
  InstitutionDetail d{*inst, uow->Institutions().StatusHistory(id), {}};
  if (auto w = SizeWarning(uow->RegistryConfig().Load(), *inst)) d.warnings.push_back(*w);
  return d;
}

Result<InstitutionDetail> InstitutionService::Create(const Actor& actor,
                                                     const InstitutionInput& in) {
  auto uow = db_.Begin(true);
  const auto config = uow->RegistryConfig().Load();
  Institution inst;
  inst.id = NewId();
  FieldErrors errors;
  std::optional<StatusChange> change;
  Apply(*uow, actor, config, inst, in, true, errors, change);
  if (!errors.empty()) return Fail(Error::Validation("the institution has invalid fields", errors));
  inst.created_at = inst.updated_at = NowTimestamp();
  inst.created_by = inst.updated_by = actor.UserId();
  if (auto ok = uow->Institutions().Insert(inst); !ok) return Fail(ok.error());
  if (change) uow->Institutions().AddStatusChange(*change);
  RecordAudit(uow->Audit(), actor, "create", "institution", inst.id, inst.area_path, std::nullopt,
              InstitutionSnapshot(inst));
  auto stored = uow->Institutions().Get(inst.id);
  InstitutionDetail d{stored.value_or(inst), uow->Institutions().StatusHistory(inst.id), {}};
  uow->Commit();
  return d;
}

Result<InstitutionDetail> InstitutionService::Update(const Actor& actor, const std::string& id,
                                                     std::int64_t version,
                                                     const InstitutionInput& in) {
  auto uow = db_.Begin(true);
  auto found = Visible(*uow, actor, id);
  if (!found) return Fail(found.error());
  const Institution before = *found;
  if (!actor.Can(Permission::kRegistryWrite, before.area_path)) return Fail(Error::Forbidden());
  if (version != before.version) return Fail(Error::Stale("institution", before.version));
  const auto config = uow->RegistryConfig().Load();
  Institution inst = before;
  FieldErrors errors;
  std::optional<StatusChange> change;
  Apply(*uow, actor, config, inst, in, false, errors, change);
  if (!errors.empty()) return Fail(Error::Validation("the institution has invalid fields", errors));
  inst.version = before.version + 1;
  inst.updated_at = NowTimestamp();
  inst.updated_by = actor.UserId();
  if (!uow->Institutions().Update(inst, before.version))
    return Fail(Error::Conflict("the institution was changed by someone else; reload"));
  if (change) uow->Institutions().AddStatusChange(*change);
  RecordAudit(uow->Audit(), actor, "update", "institution", inst.id, inst.area_path,
              InstitutionSnapshot(before), InstitutionSnapshot(inst));
  auto stored = uow->Institutions().Get(inst.id);
  InstitutionDetail d{stored.value_or(inst), uow->Institutions().StatusHistory(inst.id), {}};
  if (auto w = SizeWarning(config, d.institution)) d.warnings.push_back(*w);
  uow->Commit();
  return d;
}

Status InstitutionService::Delete(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(true);
  auto found = Visible(*uow, actor, id);
  if (!found) return Fail(found.error());
  if (!actor.Can(Permission::kRegistryWrite, found->area_path)) return Fail(Error::Forbidden());
  if (uow->Institutions().CountReferences(id) > 0)
    return Fail(
        Error::Conflict("the institution has members, member institutions or "
                        "assessments; dissolve it instead"));
  uow->Institutions().Delete(id);
  RecordAudit(uow->Audit(), actor, "delete", "institution", id, found->area_path,
              InstitutionSnapshot(*found), std::nullopt);
  uow->Commit();
  return {};
}

Result<std::vector<Membership>> InstitutionService::Members(const Actor& actor,
                                                            const std::string& id, bool all) {
  auto uow = db_.Begin(false);
  auto inst = Visible(*uow, actor, id);
  if (!inst) return Fail(inst.error());
  return uow->Institutions().Members(id, !all);
}

Result<Membership> CheckMembership(UnitOfWork& uow, const RegistryConfig& config,
                                   const Institution& inst, const MemberInput& in) {
  FieldErrors errors;
  const auto* type = config.Type(inst.type);
  if (!type) return Fail(Error::Internal("institution of an unknown type"));
  if (!config.HasRole(in.role)) errors["role"] = "unknown member role";
  CheckPastDate(errors, "joined_on", in.joined_on);
  if (inst.formed_on && in.joined_on < *inst.formed_on)
    errors["joined_on"] = "is before the institution was formed (" + *inst.formed_on + ")";
  if (Final(inst.status)) errors["institution"] = "is " + inst.status + "; it takes no members";
  Membership m;
  m.id = NewId();
  m.institution_id = inst.id;
  m.type = inst.type;
  m.area_path = inst.area_path;
  m.role = in.role;
  m.joined_on = in.joined_on;
  auto& households = uow.Households();
  auto within = [&](const std::string& path) { return PathWithin(path, inst.area_path); };
  switch (type->member_kind) {
    case MemberKind::kHousehold: {
      if (in.member_institution_id)
        errors["member_institution_id"] = "a " + inst.type + " has households as members";
      if (!in.household_id) {
        errors["household_id"] = "is required: a " + inst.type + " has households as members";
        break;
      }
      auto h = IsValidId(*in.household_id) ? households.Get(*in.household_id) : std::nullopt;
      if (!h || !within(h->area_path)) {
        errors["household_id"] = "no such household in the institution's area";
        break;
      }
      m.household_id = h->id;
      if (in.person_id) {
        auto p = IsValidId(*in.person_id) ? households.GetPerson(*in.person_id) : std::nullopt;
        if (!p || p->household_id != h->id)
          errors["person_id"] = "is not a member of that household";
        else
          m.person_id = p->id;
      } else {
        m.person_id = h->head_person_id;
      }
      break;
    }
    case MemberKind::kPerson: {
      if (in.member_institution_id)
        errors["member_institution_id"] = "a " + inst.type + " has people as members";
      if (!in.person_id) {
        errors["person_id"] = "is required: a " + inst.type + " has people as members";
        break;
      }
      auto p = IsValidId(*in.person_id) ? households.GetPerson(*in.person_id) : std::nullopt;
      if (!p || !within(p->area_path)) {
        errors["person_id"] = "no such person in the institution's area";
        break;
      }
      if (in.household_id && *in.household_id != p->household_id)
        errors["household_id"] = "is not the person's household";
      m.person_id = p->id;
      m.household_id = p->household_id;
      if (inst.sex_composition == "women" && p->sex != "f")
        errors["person_id"] = "this is a women's " + inst.type;
      else if (inst.sex_composition == "men" && p->sex != "m")
        errors["person_id"] = "this is a men's " + inst.type;
      break;
    }
    case MemberKind::kInstitution: {
      if (!in.member_institution_id) {
        errors["member_institution_id"] =
            "is required: a " + inst.type + " has member institutions, each with a representative";
        break;
      }
      auto mi = IsValidId(*in.member_institution_id)
                    ? uow.Institutions().Get(*in.member_institution_id)
                    : std::nullopt;
      if (!mi || mi->parent_id != inst.id) {
        errors["member_institution_id"] = "must be an institution federated into this " + inst.type;
        break;
      }
      m.member_institution_id = mi->id;
      if (!in.person_id) {
        errors["person_id"] = "is required: the representative nominated by the member institution";
        break;
      }
      // The representative is a current member of the member institution (in person or
      // through their household).
      bool found = false;
      for (const auto& x : uow.Institutions().Members(mi->id, true))
        if (x.person_id == in.person_id) found = true;
      if (!found) {
        errors["person_id"] = "is not a current member of " + mi->name;
        break;
      }
      m.person_id = in.person_id;
      if (auto p = households.GetPerson(*in.person_id)) m.household_id = p->household_id;
      break;
    }
  }
  if (!errors.empty()) return Fail(Error::Validation("the membership is invalid", errors));
  // One institution of a type at a time: a household / person / member institution already a
  // current member of an institution of the same type cannot join another (or this one again).
  for (const auto& other :
       uow.Institutions().ActiveOfSameType(inst.type, type->member_kind, m, m.joined_on)) {
    const std::string field = type->member_kind == MemberKind::kHousehold ? "household_id"
                              : type->member_kind == MemberKind::kPerson  ? "person_id"
                                                                          : "member_institution_id";
    return Fail(Error::Validation(
        "the membership is invalid",
        {{field, "is already a current member of " + other.institution_name.value_or("another") +
                     " (" + inst.type + "); end that membership first"}}));
  }
  return m;
}

Result<MembershipResult> InstitutionService::AddMember(const Actor& actor, const std::string& id,
                                                       const MemberInput& in) {
  auto uow = db_.Begin(true);
  auto inst = Visible(*uow, actor, id);
  if (!inst) return Fail(inst.error());
  if (!actor.Can(Permission::kRegistryWrite, inst->area_path)) return Fail(Error::Forbidden());
  const auto config = uow->RegistryConfig().Load();
  auto m = CheckMembership(*uow, config, *inst, in);
  if (!m) return Fail(m.error());
  m->created_at = m->updated_at = NowTimestamp();
  m->created_by = m->updated_by = actor.UserId();
  uow->Institutions().InsertMembership(*m);
  uow->Institutions().RefreshMemberCount(id);
  if (m->household_id) uow->Households().RefreshCounts(*m->household_id);
  RecordAudit(uow->Audit(), actor, "create", "membership", m->id, inst->area_path, std::nullopt,
              MembershipSnapshot(*m));
  MembershipResult r{*uow->Institutions().GetMembership(m->id), {}};
  if (auto updated = uow->Institutions().Get(id))
    if (auto w = SizeWarning(config, *updated)) r.warnings.push_back(*w);
  uow->Commit();
  return r;
}

Result<MembershipResult> InstitutionService::UpdateMember(const Actor& actor, const std::string& id,
                                                          const std::string& membership_id,
                                                          const MemberPatch& p) {
  auto uow = db_.Begin(true);
  auto inst = Visible(*uow, actor, id);
  if (!inst) return Fail(inst.error());
  if (!actor.Can(Permission::kRegistryWrite, inst->area_path)) return Fail(Error::Forbidden());
  auto found =
      IsValidId(membership_id) ? uow->Institutions().GetMembership(membership_id) : std::nullopt;
  if (!found || found->institution_id != id) return Fail(Error::NotFound("membership"));
  const auto config = uow->RegistryConfig().Load();
  Membership m = *found;
  FieldErrors errors;
  if (p.role) {
    if (!config.HasRole(*p.role)) errors["role"] = "unknown member role";
    m.role = *p.role;
  }
  if (p.left_on) {
    if (found->left_on) errors["left_on"] = "the membership has already ended";
    CheckPastDate(errors, "left_on", *p.left_on);
    if (*p.left_on < m.joined_on) errors["left_on"] = "is before the member joined";
    m.left_on = *p.left_on;
  }
  if (p.left_reason) {
    CheckOptionalName(errors, "left_reason", *p.left_reason, 1000);
    if (!p.left_on && !found->left_on) errors["left_reason"] = "goes with left_on";
    m.left_reason = NonEmpty(*p.left_reason);
  }
  if (!errors.empty()) return Fail(Error::Validation("the membership is invalid", errors));
  m.version = found->version + 1;
  m.updated_at = NowTimestamp();
  m.updated_by = actor.UserId();
  if (!uow->Institutions().UpdateMembership(m, found->version))
    return Fail(Error::Conflict("the membership was changed by someone else; reload"));
  uow->Institutions().RefreshMemberCount(id);
  if (m.household_id) uow->Households().RefreshCounts(*m.household_id);
  RecordAudit(uow->Audit(), actor, "update", "membership", m.id, inst->area_path,
              MembershipSnapshot(*found), MembershipSnapshot(m));
  MembershipResult r{*uow->Institutions().GetMembership(m.id), {}};
  if (auto updated = uow->Institutions().Get(id))
    if (auto w = SizeWarning(config, *updated)) r.warnings.push_back(*w);
  uow->Commit();
  return r;
}

Result<std::vector<Assessment>> InstitutionService::Assessments(const Actor& actor,
                                                                const std::string& id) {
  auto uow = db_.Begin(false);
  auto inst = Visible(*uow, actor, id);
  if (!inst) return Fail(inst.error());
  return uow->Institutions().Assessments(id);
}

Result<Assessment> InstitutionService::AddAssessment(const Actor& actor, const std::string& id,
                                                     const AssessmentInput& in) {
  auto uow = db_.Begin(true);
  auto inst = Visible(*uow, actor, id);
  if (!inst) return Fail(inst.error());
  if (!actor.Can(Permission::kRegistryWrite, inst->area_path)) return Fail(Error::Forbidden());
  const auto config = uow->RegistryConfig().Load();
  FieldErrors errors;
  const auto* checklist = config.FindChecklist(in.checklist);
  if (!checklist) {
    errors["checklist"] = "unknown checklist";
  } else if (std::find(checklist->institution_types.begin(), checklist->institution_types.end(),
                       inst->type) == checklist->institution_types.end()) {
    errors["checklist"] = "does not apply to a " + inst->type;
  }
  CheckPastDate(errors, "assessed_on", in.assessed_on);
  if (inst->formed_on && in.assessed_on < *inst->formed_on)
    errors["assessed_on"] = "is before the institution was formed";
  double points = 0;
  Assessment a;
  if (checklist) {
    for (const auto& item : checklist->items) {
      auto it = in.answers.find(item.code);
      const std::string f = "answers." + item.code;
      if (it == in.answers.end())
        errors[f] = "is required";
      else if (it->second < 0 || it->second > item.max_score)
        errors[f] = "must be between 0 and " + std::to_string(item.max_score);
      else {
        points += static_cast<double>(it->second);
        a.answers[item.code] = static_cast<int>(it->second);
      }
    }
    for (const auto& [code, score] : in.answers) {
      bool known = std::any_of(checklist->items.begin(), checklist->items.end(),
                               [&](const ChecklistItem& i) { return i.code == code; });
      if (!known) errors["answers." + code] = "is not an item of " + checklist->code;
    }
  }
  if (in.notes) CheckOptionalName(errors, "notes", *in.notes, 4000);
  if (!errors.empty()) return Fail(Error::Validation("the assessment is invalid", errors));
  const auto g = GradeFor(*checklist, points);
  a.id = NewId();
  a.institution_id = id;
  a.area_path = inst->area_path;
  a.checklist = checklist->code;
  a.assessed_on = in.assessed_on;
  a.score = g.percent;
  a.grade = g.grade;
  if (in.notes) a.notes = NonEmpty(*in.notes);
  a.created_at = NowTimestamp();
  a.created_by = actor.UserId();
  uow->Institutions().InsertAssessment(a);
  uow->Institutions().RefreshLatestGrade(id);
  RecordAudit(uow->Audit(), actor, "create", "assessment", a.id, inst->area_path, std::nullopt,
              Snapshot{{"institution_id", id},
                       {"checklist", a.checklist},
                       {"assessed_on", a.assessed_on},
                       {"score", std::to_string(a.score)},
                       {"grade", a.grade}});
  uow->Commit();
  return a;
}

}  // namespace mobilise::domain

namespace mobilise::domain {
namespace {

std::optional<std::string> Text(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

void AddFieldErrors(const FieldErrors& fields, int row, std::vector<ImportRowError>& errors) {
  static const std::map<std::string, std::string> kColumns = {
      {"area_id", "area_code"},
      {"parent_id", "parent_code"},
      {"household_id", "member_household_code"},
      {"person_id", "member_person_name"},
      {"member_institution_id", "member_institution_code"}};
  for (const auto& [field, why] : fields) {
    auto it = kColumns.find(field);
    errors.push_back({row, it != kColumns.end() ? it->second : field, "invalid", why});
  }
}

}  // namespace

Result<InstitutionImportReport> InstitutionService::Import(
    const Actor& actor, const std::vector<InstitutionImportRow>& rows, bool dry_run) {
  if (!actor.HasPermission(Permission::kRegistryWrite)) return Fail(Error::Forbidden());
  auto uow = db_.Begin(true);
  const auto config = uow->RegistryConfig().Load();
  InstitutionImportReport report;
  report.rows = static_cast<int>(rows.size());
  auto& errors = report.errors;
  const auto now = NowTimestamp();

  // Institutions: the first row of each code; federations (higher tiers) first so that their
  // members can name them as parent_code.
  std::map<std::string, const InstitutionImportRow*> first;
  std::vector<const InstitutionImportRow*> order;
  for (const auto& r : rows) {
    if (r.code.empty()) {
      errors.push_back(
          {r.row, "code", "required", "is required (it groups an institution's rows)"});
      continue;
    }
    if (first.emplace(r.code, &r).second) order.push_back(&r);
  }
  auto tier = [&](const InstitutionImportRow* r) {
    const auto* t = config.Type(r->type);
    return t ? t->tier : 0;
  };
  std::stable_sort(order.begin(), order.end(), [&](auto* a, auto* b) { return tier(a) > tier(b); });
  std::map<std::string, std::string> ids;  // code -> id (file and database)
  std::map<std::string, std::optional<Area>> areas;
  auto area_by_code = [&](const std::string& code) -> std::optional<Area> {
    auto it = areas.find(code);
    if (it == areas.end()) it = areas.emplace(code, uow->Areas().GetByCode(code)).first;
    return it->second;
  };
  for (const auto* r : order) {
    if (uow->Institutions().GetByCode(r->code)) {
      errors.push_back(
          {r->row, "code", "duplicate", "an institution with this code is already registered"});
      continue;
    }
    InstitutionInput in;
    in.type = r->type;
    in.code = r->code;
    in.name = r->name;
    in.name_local = Text(r->name_local);
    in.formed_on = Text(r->formed_on);
    in.sex_composition = r->sex_composition;
    in.status = Text(r->status);
    in.meeting_frequency = Text(r->meeting_frequency);
    if (auto area = area_by_code(r->area_code))
      in.area_id = area->id;
    else
      errors.push_back({r->row, "area_code", "unknown",
                        r->area_code.empty() ? "is required" : "no area with this code"});
    if (!r->parent_code.empty()) {
      if (auto it = ids.find(r->parent_code); it != ids.end())
        in.parent_id = it->second;
      else if (auto parent = uow->Institutions().GetByCode(r->parent_code))
        in.parent_id = parent->id;
      else
        errors.push_back({r->row, "parent_code", "unknown",
                          "no institution with this code in the file or the registry"});
    }
    if (!in.area_id) continue;
    Institution inst;
    inst.id = NewId();
    FieldErrors fields;
    std::optional<StatusChange> change;
    Apply(*uow, actor, config, inst, in, true, fields, change);
    AddFieldErrors(fields, r->row, errors);
    if (!fields.empty()) continue;
    inst.created_at = inst.updated_at = now;
    inst.created_by = inst.updated_by = actor.UserId();
    // Written even on a dry run (rolled back at the end) so that later rows can refer to it.
    if (auto ok = uow->Institutions().Insert(inst); !ok) {
      errors.push_back({r->row, "code", "duplicate", ok.error().message});
      continue;
    }
    if (change) uow->Institutions().AddStatusChange(*change);
    ids[r->code] = inst.id;
    ++report.institutions;
  }

  // Memberships, in file order.
  std::set<std::string> touched_institutions, touched_households;
  for (const auto& r : rows) {
    const bool has_member = !r.member_household_code.empty() || !r.member_person_name.empty() ||
                            !r.member_institution_code.empty();
    if (!has_member || r.code.empty()) continue;
    auto id = ids.find(r.code);
    if (id == ids.end()) continue;  // the institution itself is in error
    auto inst = uow->Institutions().Get(id->second);
    if (!inst) continue;
    MemberInput in;
    in.role = r.role.empty() ? "member" : r.role;
    in.joined_on = r.joined_on.empty() ? inst->formed_on.value_or(TodayDate()) : r.joined_on;
    if (!r.member_household_code.empty()) {
      auto h = uow->Households().GetByCode(r.member_household_code);
      if (!h) {
        errors.push_back(
            {r.row, "member_household_code", "unknown", "no household with this code"});
        continue;
      }
      in.household_id = h->id;
      if (!r.member_person_name.empty()) {
        const auto key = NameKey(r.member_person_name);
        for (const auto& p : uow->Households().People(h->id))
          if (NameKey(p.name) == key) in.person_id = p.id;
        if (!in.person_id) {
          errors.push_back(
              {r.row, "member_person_name", "unknown", "no person of this name in the household"});
          continue;
        }
      }
    }
    if (!r.member_institution_code.empty()) {
      auto it = ids.find(r.member_institution_code);
      auto mi = it != ids.end() ? uow->Institutions().Get(it->second)
                                : uow->Institutions().GetByCode(r.member_institution_code);
      if (!mi) {
        errors.push_back(
            {r.row, "member_institution_code", "unknown", "no institution with this code"});
        continue;
      }
      in.member_institution_id = mi->id;
    }
    const auto* type = config.Type(inst->type);
    if (type && type->member_kind == MemberKind::kPerson) {
      // A person member: the named person of the household.
      if (!in.person_id) {
        errors.push_back({r.row, "member_person_name", "required",
                          "a " + inst->type + " has people as members: name the person"});
        continue;
      }
    }
    auto m = CheckMembership(*uow, config, *inst, in);
    if (!m) {
      FieldErrors fields = m.error().fields;
      if (fields.empty()) fields["member"] = m.error().message;
      AddFieldErrors(fields, r.row, errors);
      continue;
    }
    m->created_at = m->updated_at = now;
    m->created_by = m->updated_by = actor.UserId();
    uow->Institutions().InsertMembership(*m);
    touched_institutions.insert(inst->id);
    if (m->household_id) touched_households.insert(*m->household_id);
    ++report.memberships;
  }
  std::stable_sort(errors.begin(), errors.end(),
                   [](const ImportRowError& a, const ImportRowError& b) { return a.row < b.row; });
  if (dry_run || !errors.empty()) return report;  // rolled back
  for (const auto& id : touched_institutions) uow->Institutions().RefreshMemberCount(id);
  for (const auto& id : touched_households) uow->Households().RefreshCounts(id);
  RecordAudit(uow->Audit(), actor, "import", "institution", std::nullopt, std::nullopt,
              std::nullopt,
              Snapshot{{"institutions", std::to_string(report.institutions)},
                       {"memberships", std::to_string(report.memberships)},
                       {"rows", std::to_string(report.rows)}});
  uow->Commit();
  report.created = report.institutions;
  return report;
}

}  // namespace mobilise::domain
