// InstitutionService's membership use cases and the database checks of a membership: who may
// join (by the type's member kind), in the institution's area, one institution of a type at a
// time. Memberships are ended, never deleted.
#include "core/id.hpp"
#include "domain/idempotency/idempotency.hpp"
#include "domain/registry/institution_checks.hpp"
#include "domain/registry/institution_rules.hpp"
#include "domain/registry/institution_service.hpp"
#include "domain/versioned.hpp"

namespace mobilise::domain {
namespace {

// A household member (its head, or the named person of the household) in the institution's area.
void ResolveHousehold(UnitOfWork& uow, const Institution& inst, const MemberInput& in,
                      Membership& m, FieldErrors& errors) {
  auto& households = uow.Households();
  if (in.member_institution_id)
    errors["member_institution_id"] = problem::HasMembers(inst.type, "households");
  if (!in.household_id) {
    errors["household_id"] = problem::RequiredMembers(inst.type, "households");
    return;
  }
  auto h = IsValidId(*in.household_id) ? households.Get(*in.household_id) : std::nullopt;
  if (!h || !PathWithin(h->area_path, inst.area_path)) {
    errors["household_id"] = problem::NoSuchInInstitutionArea("household");
    return;
  }
  m.household_id = h->id;
  if (!in.person_id) {
    m.person_id = h->head_person_id;
    return;
  }
  auto p = IsValidId(*in.person_id) ? households.GetPerson(*in.person_id) : std::nullopt;
  if (!p || p->household_id != h->id)
    errors["person_id"] = problem::NotMemberOfHousehold();
  else
    m.person_id = p->id;
}

// A person member in the institution's area, of the sex the group is for.
void ResolvePerson(UnitOfWork& uow, const Institution& inst, const MemberInput& in, Membership& m,
                   FieldErrors& errors) {
  if (in.member_institution_id)
    errors["member_institution_id"] = problem::HasMembers(inst.type, "people");
  if (!in.person_id) {
    errors["person_id"] = problem::RequiredMembers(inst.type, "people");
    return;
  }
  auto p = IsValidId(*in.person_id) ? uow.Households().GetPerson(*in.person_id) : std::nullopt;
  if (!p || !PathWithin(p->area_path, inst.area_path)) {
    errors["person_id"] = problem::NoSuchInInstitutionArea("person");
    return;
  }
  if (in.household_id && *in.household_id != p->household_id)
    errors["household_id"] = problem::NotPersonsHousehold();
  m.person_id = p->id;
  m.household_id = p->household_id;
  if (auto why = SexCompositionProblem(inst, p->sex)) errors["person_id"] = *why;
}

// A member institution federated into this one, with its representative: a current member of
// the member institution (in person or through their household).
void ResolveInstitution(UnitOfWork& uow, const Institution& inst, const MemberInput& in,
                        Membership& m, FieldErrors& errors) {
  if (!in.member_institution_id) {
    errors["member_institution_id"] = problem::RequiredInstitutionMember(inst.type);
    return;
  }
  auto mi = IsValidId(*in.member_institution_id) ? uow.Institutions().Get(*in.member_institution_id)
                                                 : std::nullopt;
  if (!mi || mi->parent_id != inst.id) {
    errors["member_institution_id"] = problem::NotFederatedInto(inst.type);
    return;
  }
  m.member_institution_id = mi->id;
  if (!in.person_id) {
    errors["person_id"] = problem::RequiredRepresentative();
    return;
  }
  bool found = false;
  for (const auto& x : uow.Institutions().Members(mi->id, true))
    if (x.person_id == in.person_id) found = true;
  if (!found) {
    errors["person_id"] = problem::NotCurrentMemberOf(mi->name);
    return;
  }
  m.person_id = in.person_id;
  if (auto p = uow.Households().GetPerson(*in.person_id)) m.household_id = p->household_id;
}

// The membership as stored now, with a size warning for its institution.
MembershipResult Outcome(UnitOfWork& uow, const RegistryConfig& config, const Membership& m) {
  MembershipResult r{*uow.Institutions().GetMembership(m.id), {}};
  if (auto updated = uow.Institutions().Get(m.institution_id))
    if (auto w = SizeWarning(config, *updated)) r.warnings.push_back(*w);
  return r;
}

// Counts that follow the memberships: the institution's members, the household's.
void RefreshCounts(UnitOfWork& uow, const Membership& m) {
  uow.Institutions().RefreshMemberCount(m.institution_id);
  if (m.household_id) uow.Households().RefreshCounts(*m.household_id);
}

}  // namespace

Result<Membership> CheckMembership(UnitOfWork& uow, const RegistryConfig& config,
                                   const Institution& inst, const MemberInput& in,
                                   std::string_view today) {
  FieldErrors errors;
  const auto* type = config.Type(inst.type);
  if (!type) return Fail(Error::Internal("institution of an unknown type"));
  CheckMemberBasics(config, inst, in, today, errors);
  Membership m;
  m.id = NewRecordId(in.id, "id", errors);
  m.institution_id = inst.id;
  m.type = inst.type;
  m.area_path = inst.area_path;
  m.role = in.role;
  m.joined_on = in.joined_on;
  switch (type->member_kind) {
    case MemberKind::kHousehold:
      ResolveHousehold(uow, inst, in, m, errors);
      break;
    case MemberKind::kPerson:
      ResolvePerson(uow, inst, in, m, errors);
      break;
    case MemberKind::kInstitution:
      ResolveInstitution(uow, inst, in, m, errors);
      break;
  }
  if (!errors.empty()) return Fail(Error::Validation("the membership is invalid", errors));
  // One institution of a type at a time: a household / person / member institution already a
  // current member of an institution of the same type cannot join another (or this one again).
  for (const auto& other :
       uow.Institutions().ActiveOfSameType(inst.type, type->member_kind, m, m.joined_on)) {
    return Fail(Error::Validation(
        "the membership is invalid",
        {{std::string(MemberField(type->member_kind)),
          problem::AlreadyMemberOf(other.institution_name.value_or("another"), inst.type)}}));
  }
  return m;
}

Result<std::vector<Membership>> InstitutionService::Members(const Actor& actor,
                                                            const std::string& id, bool all) {
  return ReadInstitution(db_, actor, id, [&](auto& repo) { return repo.Members(id, !all); });
}

Result<MembershipResult> InstitutionService::AddMember(const Actor& actor, const std::string& id,
                                                       const MemberInput& in) {
  auto w = BeginInstitutionWrite(db_, actor, id);
  if (!w) return Fail(w.error());
  auto& [uow, inst, config] = *w;
  if (auto ok = ClaimRecordId(*uow, RecordTable::kMembership, in.id); !ok) return Fail(ok.error());
  auto m = CheckMembership(*uow, config, inst, in, clock_.Today());
  if (!m) return Fail(m.error());
  m->created_at = m->updated_at = clock_.Timestamp();
  m->created_by = m->updated_by = actor.UserId();
  uow->Institutions().InsertMembership(*m);
  RefreshCounts(*uow, *m);
  RecordAudit(uow->Audit(), clock_, actor, "create", "membership", m->id, inst.area_path,
              std::nullopt, MembershipSnapshot(*m));
  auto r = Outcome(*uow, config, *m);
  uow->Commit();
  return r;
}

Result<MembershipResult> InstitutionService::UpdateMember(const Actor& actor, const std::string& id,
                                                          const std::string& membership_id,
                                                          const MemberPatch& p) {
  auto w = BeginInstitutionWrite(db_, actor, id);
  if (!w) return Fail(w.error());
  auto& [uow, inst, config] = *w;
  auto found =
      IsValidId(membership_id) ? uow->Institutions().GetMembership(membership_id) : std::nullopt;
  if (!found || found->institution_id != id) return Fail(Error::NotFound("membership"));
  Membership m = *found;
  FieldErrors errors;
  ApplyMemberPatch(config, *found, p, clock_.Today(), m, errors);
  if (!errors.empty()) return Fail(Error::Validation("the membership is invalid", errors));
  NextVersion(m, *found, actor, clock_.Timestamp());
  if (!uow->Institutions().UpdateMembership(m, found->version))
    return Fail(Error::Conflict("the membership was changed by someone else; reload"));
  RefreshCounts(*uow, m);
  RecordAudit(uow->Audit(), clock_, actor, "update", "membership", m.id, inst.area_path,
              MembershipSnapshot(*found), MembershipSnapshot(m));
  auto r = Outcome(*uow, config, m);
  uow->Commit();
  return r;
}

}  // namespace mobilise::domain
