// Pure rules of community institutions, shared by the institution service, its import and the
// tests: the status lifecycle (an enum and one table of allowed changes), the field checks, the
// federation, membership and assessment rules that need no database. Nothing here reads the
// clock: "today" is a parameter ("YYYY-MM-DD"), so a test pins it.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "domain/access/role.hpp"
#include "domain/registry/institution.hpp"
#include "domain/registry/institution_service.hpp"
#include "domain/registry/registry_config.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {

// The lifecycle: forming -> active <-> dormant, and from any of those to dissolved or merged,
// which are final. Stored and sent as the strings of kInstitutionStatuses.
enum class InstitutionStatus { kForming, kActive, kDormant, kDissolved, kMerged };
inline constexpr std::array<std::string_view, 5> kInstitutionStatuses = {
    "forming", "active", "dormant", "dissolved", "merged"};
std::string_view ToString(InstitutionStatus status);
std::optional<InstitutionStatus> ParseInstitutionStatus(std::string_view text);
// Dissolved and merged institutions change no more and take no members.
bool IsFinal(InstitutionStatus status);
// The same for a stored status; an unknown string is not final.
bool IsFinalStatus(std::string_view status);

// One allowed change of an existing institution's status and the permission (over the
// institution's area) it needs. A new institution may be registered in any status.
struct InstitutionTransition {
  InstitutionStatus from;
  std::string_view action;
  InstitutionStatus to;
  Permission who;
};
std::span<const InstitutionTransition> InstitutionTransitions();
// The row of the table for from -> to; nullptr when the change is not allowed.
const InstitutionTransition* FindTransition(InstitutionStatus from, InstitutionStatus to);
// Why the change from -> to is refused (the "status" field error); nullopt when it is allowed.
std::optional<FieldProblem> TransitionProblem(InstitutionStatus from, InstitutionStatus to);

// Applies the fields of `in` that need no database to `inst`, checking each: the required
// fields of a new institution, type (against `config`), names, the code's form, dates (not after
// `today`), sex composition, meeting frequency, registration, bank, savings and notes. The
// area, the code's uniqueness, the status and the federation are applied by the caller.
void ApplyInstitutionFields(const RegistryConfig& config, Institution& inst,
                            const InstitutionInput& in, bool creating, std::string_view today,
                            FieldErrors& errors);
// Applies the status fields of `in` (status, status_on, status_reason) by the transition table,
// each change allowed to `actor` over the institution's area; a new institution without a
// status is forming from its formation date (or today). Returns true when the status is set,
// i.e. a status change is to be recorded. A merge needs merged_into_id; the caller checks the
// institution it names (MergeTargetProblem) and sets it.
bool ApplyInstitutionStatus(const Actor& actor, Institution& inst, const InstitutionInput& in,
                            bool creating, std::string_view today, FieldErrors& errors);
// Why `into` cannot absorb `inst` (the "merged_into_id" field error), or nullopt.
std::optional<FieldProblem> MergeTargetProblem(const Institution& inst, const Institution& into);
// Why `inst` (of `type`, nullptr if unknown) cannot federate into `parent` (the "parent_id" field
// error): the parent's type, its area (the institution's area or one above it), its status.
// Cycles need the database and are the caller's.
std::optional<FieldProblem> FederationProblem(const InstitutionType* type, const Institution& inst,
                                              const Institution& parent);

// The field a membership of an institution with members of `kind` names its member by.
std::string_view MemberField(MemberKind kind);
// The checks of a new membership that need no database: the role, joined_on (not after `today`,
// not before the institution was formed) and the institution's status.
void CheckMemberBasics(const RegistryConfig& config, const Institution& inst, const MemberInput& in,
                       std::string_view today, FieldErrors& errors);
// Why a person of `sex` may not join `inst` (a women's or men's group), or nullopt.
std::optional<FieldProblem> SexCompositionProblem(const Institution& inst, std::string_view sex);
// Applies a change of role or the end of a membership to `m` (a copy of `found`).
void ApplyMemberPatch(const RegistryConfig& config, const Membership& found, const MemberPatch& p,
                      std::string_view today, Membership& m, FieldErrors& errors);

// Checks an assessment of `inst` against its checklist and fills `a`'s checklist, date, answers,
// score, grade and notes (not its ids or stamps). Errors name the fields ("answers.<item>").
void ScoreAssessment(const RegistryConfig& config, const Institution& inst,
                     const AssessmentInput& in, std::string_view today, Assessment& a,
                     FieldErrors& errors);

// A warning when the institution's member count is outside its type's expected size.
std::optional<Warning> SizeWarning(const RegistryConfig& config, const Institution& institution);

Snapshot InstitutionSnapshot(const Institution& institution);
Snapshot MembershipSnapshot(const Membership& membership);
Snapshot AssessmentSnapshot(const Assessment& assessment);

}  // namespace mobilise::domain
