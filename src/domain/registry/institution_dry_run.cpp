#include "domain/registry/institution_dry_run.hpp"

#include <stdexcept>

namespace mobilise::domain {
namespace {

[[noreturn]] void NoWrite(const char* what) {
  throw std::logic_error(std::string("a dry run writes nothing: ") + what);
}

const std::optional<std::string>& KeyOf(MemberKind kind, const Membership& m) {
  return kind == MemberKind::kHousehold ? m.household_id
         : kind == MemberKind::kPerson  ? m.person_id
                                        : m.member_institution_id;
}

}  // namespace

std::optional<Institution> DryRunInstitutions::Get(const std::string& id) {
  if (auto it = made_.find(id); it != made_.end()) return it->second;
  return base_.Get(id);
}

std::optional<Institution> DryRunInstitutions::GetByCode(const std::string& code) {
  for (const auto& [id, inst] : made_)
    if (inst.code == code) return inst;
  return base_.GetByCode(code);
}

Status DryRunInstitutions::Insert(const Institution& institution) {
  // As the table's unique code would refuse it.
  if (institution.code && GetByCode(*institution.code))
    return Fail(Error::Conflict("an institution with this code is already registered"));
  made_[institution.id] = institution;
  return {};
}

bool DryRunInstitutions::Update(const Institution&, std::int64_t) { NoWrite("Update"); }
void DryRunInstitutions::Delete(const std::string&) { NoWrite("Delete"); }

std::int64_t DryRunInstitutions::CountReferences(const std::string& id) {
  std::int64_t n = made_.contains(id) ? 0 : base_.CountReferences(id);
  for (const auto& m : members_) n += m.institution_id == id;
  for (const auto& [other, inst] : made_) n += inst.parent_id == id;
  return n;
}

std::optional<Membership> DryRunInstitutions::GetMembership(const std::string& id) {
  for (const auto& m : members_)
    if (m.id == id) return m;
  return base_.GetMembership(id);
}

std::vector<Membership> DryRunInstitutions::Members(const std::string& institution_id,
                                                    bool current_only) {
  auto out = made_.contains(institution_id) ? std::vector<Membership>()
                                            : base_.Members(institution_id, current_only);
  for (const auto& m : members_)
    if (m.institution_id == institution_id && (!current_only || !m.left_on)) out.push_back(m);
  return out;
}

std::vector<Membership> DryRunInstitutions::MembershipsOfHousehold(
    const std::string& household_id) {
  auto out = base_.MembershipsOfHousehold(household_id);
  for (const auto& m : members_)
    if (m.household_id == household_id) out.push_back(m);
  return out;
}

std::vector<Membership> DryRunInstitutions::ActiveOfSameType(const std::string& type,
                                                             MemberKind kind,
                                                             const Membership& candidate,
                                                             const std::string& on) {
  auto out = base_.ActiveOfSameType(type, kind, candidate, on);
  const auto& key = KeyOf(kind, candidate);
  if (!key) return out;
  for (const auto& m : members_)
    if (KeyOf(kind, m) == key && m.type == type && m.id != candidate.id &&
        (!m.left_on || *m.left_on > on))
      out.push_back(m);
  return out;
}

void DryRunInstitutions::InsertMembership(const Membership& membership) {
  Membership m = membership;
  if (auto inst = Get(m.institution_id)) m.institution_name = inst->name;
  members_.push_back(std::move(m));
}

bool DryRunInstitutions::UpdateMembership(const Membership&, std::int64_t) {
  NoWrite("UpdateMembership");
}
void DryRunInstitutions::RefreshMemberCount(const std::string&) { NoWrite("RefreshMemberCount"); }
void DryRunInstitutions::InsertAssessment(const Assessment&) { NoWrite("InsertAssessment"); }
void DryRunInstitutions::RefreshLatestGrade(const std::string&) { NoWrite("RefreshLatestGrade"); }

void DryRunUnitOfWork::Commit() { NoWrite("Commit"); }

}  // namespace mobilise::domain
