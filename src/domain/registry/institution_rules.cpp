#include "domain/registry/institution_rules.hpp"

#include <algorithm>

#include "core/enum_text.hpp"

namespace mobilise::domain {
namespace {

using enum InstitutionStatus;

// The changes an existing institution's status may make. Every one needs the right to change the
// registry in the institution's area; a row with a narrower permission is how a role would be
// reserved a change (none is today).
constexpr InstitutionTransition kTransitions[] = {
    {kForming, "activate", kActive, Permission::kRegistryWrite},
    {kForming, "suspend", kDormant, Permission::kRegistryWrite},
    {kForming, "dissolve", kDissolved, Permission::kRegistryWrite},
    {kForming, "merge", kMerged, Permission::kRegistryWrite},
    {kActive, "suspend", kDormant, Permission::kRegistryWrite},
    {kActive, "dissolve", kDissolved, Permission::kRegistryWrite},
    {kActive, "merge", kMerged, Permission::kRegistryWrite},
    {kDormant, "reactivate", kActive, Permission::kRegistryWrite},
    {kDormant, "dissolve", kDissolved, Permission::kRegistryWrite},
    {kDormant, "merge", kMerged, Permission::kRegistryWrite},
};

FieldProblem FinalProblem(InstitutionStatus from) { return problem::FinalStatus(ToString(from)); }

// `field` given as a date: not after today (an empty string clears it and is not checked).
void CheckOptionalPastDate(FieldErrors& errors, const std::string& field,
                           const std::optional<std::string>& value, std::string_view today,
                           std::optional<std::string>& target) {
  if (!value) return;
  if (!value->empty()) CheckPastDate(errors, field, *value, today);
  target = NonEmpty(*value);
}

// An optional text of up to `max` code points; "" clears it.
void ApplyOptionalText(FieldErrors& errors, const std::string& field,
                       const std::optional<std::string>& value, std::size_t max,
                       std::optional<std::string>& target) {
  if (!value) return;
  CheckOptionalName(errors, field, *value, max);
  target = NonEmpty(*value);
}

void ApplyIdentity(const RegistryConfig& config, Institution& inst, const InstitutionInput& in,
                   bool creating, FieldErrors& errors) {
  if (creating) {
    if (!in.type) errors["type"] = problem::Required();
    if (!in.area_id) errors["area_id"] = problem::Required();
    if (!in.name) errors["name"] = problem::Required();
    if (!in.sex_composition) errors["sex_composition"] = problem::Required();
  }
  if (in.type) {
    if (!creating && *in.type != inst.type)
      errors["type"] = problem::TypeCannotChange();
    else if (!config.Type(*in.type))
      errors["type"] = problem::Unknown("institution_type");
    else
      inst.type = *in.type;
  }
  if (in.name) CheckName(errors, "name", *in.name), inst.name = *in.name;
  ApplyOptionalText(errors, "name_local", in.name_local, 200, inst.name_local);
  if (in.code) {
    if (!in.code->empty()) CheckCode(errors, "code", *in.code);
    inst.code = NonEmpty(*in.code);
  }
}

void ApplyRegistration(Institution& inst, const InstitutionInput& in, std::string_view today,
                       FieldErrors& errors) {
  if (in.registration_status) {
    CheckOneOf(errors, "registration_status", *in.registration_status,
               {"unregistered", "applied", "registered"});
    inst.registration_status = *in.registration_status;
  }
  ApplyOptionalText(errors, "registration_authority", in.registration_authority, 200,
                    inst.registration_authority);
  ApplyOptionalText(errors, "registration_number", in.registration_number, 60,
                    inst.registration_number);
  CheckOptionalPastDate(errors, "registration_date", in.registration_date, today,
                        inst.registration_date);
  if (in.bank_status) {
    CheckOneOf(errors, "bank_status", *in.bank_status, {"none", "applied", "opened"});
    inst.bank_status = *in.bank_status;
  }
  ApplyOptionalText(errors, "bank_name", in.bank_name, 200, inst.bank_name);
  CheckOptionalPastDate(errors, "bank_opened_on", in.bank_opened_on, today, inst.bank_opened_on);
  if (in.savings) {
    CheckRange(errors, "savings", *in.savings, 0, 1e12);
    inst.savings = static_cast<double>(static_cast<long long>(*in.savings * 100 + 0.5)) / 100;
  }
}

}  // namespace

std::string_view ToString(InstitutionStatus status) {
  return EnumText(kInstitutionStatuses, status);
}

std::optional<InstitutionStatus> ParseInstitutionStatus(std::string_view text) {
  return ParseEnumText<InstitutionStatus>(kInstitutionStatuses, text);
}

bool IsFinal(InstitutionStatus status) { return status == kDissolved || status == kMerged; }

std::span<const InstitutionTransition> InstitutionTransitions() { return kTransitions; }

const InstitutionTransition* FindTransition(InstitutionStatus from, InstitutionStatus to) {
  for (const auto& t : kTransitions)
    if (t.from == from && t.to == to) return &t;
  return nullptr;
}

std::optional<FieldProblem> TransitionProblem(InstitutionStatus from, InstitutionStatus to) {
  if (FindTransition(from, to)) return std::nullopt;
  if (IsFinal(from)) return FinalProblem(from);
  if (to == kForming) return problem::CannotGoBackToForming();
  return problem::CannotGoFromTo(ToString(from), ToString(to));
}

void ApplyInstitutionFields(const RegistryConfig& config, Institution& inst,
                            const InstitutionInput& in, bool creating, std::string_view today,
                            FieldErrors& errors) {
  ApplyIdentity(config, inst, in, creating, errors);
  CheckOptionalPastDate(errors, "formed_on", in.formed_on, today, inst.formed_on);
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
  ApplyRegistration(inst, in, today, errors);
  ApplyOptionalText(errors, "notes", in.notes, 4000, inst.notes);
  if (inst.bank_status == "opened" && !inst.bank_name)
    errors["bank_name"] = problem::RequiredWhenBankOpened();
  if (inst.registration_status == "registered" && !inst.registration_number)
    errors["registration_number"] = problem::RequiredWhenRegistered();
}

bool ApplyInstitutionStatus(const Actor& actor, Institution& inst, const InstitutionInput& in,
                            bool creating, std::string_view today, FieldErrors& errors) {
  const auto to = in.status ? ParseInstitutionStatus(*in.status) : std::nullopt;
  if (!in.status || (!creating && to == inst.status)) {
    if (in.status_on || in.status_reason || in.merged_into_id)
      errors["status"] = problem::StatusFieldsWithChange();
    if (!creating || in.status) return false;
    inst.status = kForming;
    inst.status_on = inst.formed_on.value_or(std::string(today));
    return true;
  }
  if (!to) CheckOneOf(errors, "status", *in.status, kInstitutionStatuses);
  if (!creating && IsFinal(inst.status)) {
    errors["status"] = FinalProblem(inst.status);
  } else if (!creating && to) {
    if (auto why = TransitionProblem(inst.status, *to))
      errors["status"] = *why;
    else if (const auto* t = FindTransition(inst.status, *to); !actor.Can(t->who, inst.area_path))
      errors["status"] = problem::RoleMayNotInstitution(std::string(t->action));
  }
  const std::string on = in.status_on.value_or(std::string(today));
  if (in.status_on) CheckPastDate(errors, "status_on", *in.status_on, today);
  if (inst.formed_on && on < *inst.formed_on)
    errors["status_on"] = problem::BeforeFormedOn(*inst.formed_on);
  if (to && IsFinal(*to) && (!in.status_reason || in.status_reason->empty()))
    errors["status_reason"] = problem::RequiredWhenStatus(*in.status);
  if (in.status_reason) CheckOptionalName(errors, "status_reason", *in.status_reason, 1000);
  if (to == kMerged && !in.merged_into_id) errors["merged_into_id"] = problem::RequiredWhenMerged();
  if (to) inst.status = *to;
  inst.status_on = on;
  inst.status_reason = in.status_reason ? NonEmpty(*in.status_reason) : std::nullopt;
  return true;
}

std::optional<FieldProblem> MergeTargetProblem(const Institution& inst, const Institution& into) {
  if (into.id == inst.id) return problem::CannotMergeIntoItself();
  if (into.type != inst.type) return problem::MergeSameType();
  if (IsFinal(into.status)) return problem::MergeTargetFinal();
  return std::nullopt;
}

std::optional<FieldProblem> FederationProblem(const InstitutionType* type, const Institution& inst,
                                              const Institution& parent) {
  if (type && !type->MayFederateInto(parent.type)) {
    if (type->parent_types.empty()) return problem::CannotFederateAtAll(inst.type, parent.type);
    return problem::CannotFederateInto(inst.type, parent.type, type->parent_types);
  }
  if (!inst.area_path.empty() && !PathWithin(inst.area_path, parent.area_path))
    return problem::FederationOutsideArea();
  if (IsFinal(parent.status)) return problem::FederationFinal();
  return std::nullopt;
}

std::string_view MemberField(MemberKind kind) {
  return kind == MemberKind::kHousehold ? "household_id"
         : kind == MemberKind::kPerson  ? "person_id"
                                        : "member_institution_id";
}

void CheckMemberBasics(const RegistryConfig& config, const Institution& inst, const MemberInput& in,
                       std::string_view today, FieldErrors& errors) {
  if (!config.HasRole(in.role)) errors["role"] = problem::Unknown("member_role");
  CheckPastDate(errors, "joined_on", in.joined_on, today);
  if (inst.formed_on && in.joined_on < *inst.formed_on)
    errors["joined_on"] = problem::BeforeFormedOn(*inst.formed_on);
  if (IsFinal(inst.status)) errors["institution"] = problem::TakesNoMembers(ToString(inst.status));
}

std::optional<FieldProblem> SexCompositionProblem(const Institution& inst, std::string_view sex) {
  if (inst.sex_composition == "women" && sex != "f")
    return problem::SexComposition("women", inst.type);
  if (inst.sex_composition == "men" && sex != "m") return problem::SexComposition("men", inst.type);
  return std::nullopt;
}

void ApplyMemberPatch(const RegistryConfig& config, const Membership& found, const MemberPatch& p,
                      std::string_view today, Membership& m, FieldErrors& errors) {
  if (p.role) {
    if (!config.HasRole(*p.role)) errors["role"] = problem::Unknown("member_role");
    m.role = *p.role;
  }
  if (p.left_on) {
    if (found.left_on) errors["left_on"] = problem::MembershipEnded();
    CheckPastDate(errors, "left_on", *p.left_on, today);
    if (*p.left_on < m.joined_on) errors["left_on"] = problem::BeforeJoined();
    m.left_on = *p.left_on;
  }
  if (p.left_reason) {
    CheckOptionalName(errors, "left_reason", *p.left_reason, 1000);
    if (!p.left_on && !found.left_on) errors["left_reason"] = problem::GoesWith("left_on");
    m.left_reason = NonEmpty(*p.left_reason);
  }
}

void ScoreAssessment(const RegistryConfig& config, const Institution& inst,
                     const AssessmentInput& in, std::string_view today, Assessment& a,
                     FieldErrors& errors) {
  const auto* checklist = config.FindChecklist(in.checklist);
  if (!checklist || checklist->purpose != kMaturityChecklist)
    errors["checklist"] = problem::Unknown("checklist"), checklist = nullptr;
  else if (std::find(checklist->institution_types.begin(), checklist->institution_types.end(),
                     inst.type) == checklist->institution_types.end())
    errors["checklist"] = problem::ChecklistNotFor(inst.type);
  CheckPastDate(errors, "assessed_on", in.assessed_on, today);
  if (inst.formed_on && in.assessed_on < *inst.formed_on)
    errors["assessed_on"] = problem::BeforeFormedOn(*inst.formed_on);
  const double points = checklist ? ScoreAnswers(*checklist, in.answers, a.answers, errors) : 0;
  if (in.notes) CheckOptionalName(errors, "notes", *in.notes, 4000);
  if (!errors.empty()) return;
  const auto g = GradeFor(*checklist, points);
  a.checklist = checklist->code;
  a.assessed_on = in.assessed_on;
  a.score = g.percent;
  a.grade = g.grade;
  if (in.notes) a.notes = NonEmpty(*in.notes);
}

std::optional<Warning> SizeWarning(const RegistryConfig& config, const Institution& inst) {
  const auto* type = config.Type(inst.type);
  if (!type) return std::nullopt;
  const auto n = inst.member_count;
  auto warn = [&](const char* where, int bound) {
    return Warning{"size",
                   inst.type + " has " + std::to_string(n) + " members, " + where +
                       " the expected " + std::to_string(bound),
                   inst.id, n, bound};
  };
  if (type->size_max && n > *type->size_max) return warn("above", *type->size_max);
  if (type->size_min && n < *type->size_min && inst.status != kForming)
    return warn("below", *type->size_min);
  return std::nullopt;
}

Snapshot InstitutionSnapshot(const Institution& i) {
  return Snapshot{{"type", i.type},
                  {"code", i.code},
                  {"name", i.name},
                  {"name_local", i.name_local},
                  {"area_id", i.area_id},
                  {"parent_id", i.parent_id},
                  {"formed_on", i.formed_on},
                  {"sex_composition", i.sex_composition},
                  {"status", std::string(ToString(i.status))},
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
                  {"savings", std::to_string(i.savings)},
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

Snapshot AssessmentSnapshot(const Assessment& a) {
  return Snapshot{{"institution_id", a.institution_id},
                  {"checklist", a.checklist},
                  {"assessed_on", a.assessed_on},
                  {"score", std::to_string(a.score)},
                  {"grade", a.grade}};
}

}  // namespace mobilise::domain
