// InstitutionService's maturity assessments: scored against a configured checklist
// (institution_rules.hpp), graded, and the institution's latest grade kept.
#include "core/id.hpp"
#include "domain/idempotency/idempotency.hpp"
#include "domain/registry/institution_checks.hpp"
#include "domain/registry/institution_rules.hpp"
#include "domain/registry/institution_service.hpp"

namespace mobilise::domain {

Result<std::vector<Assessment>> InstitutionService::Assessments(const Actor& actor,
                                                                const std::string& id) {
  return ReadInstitution(db_, actor, id, [&](auto& repo) { return repo.Assessments(id); });
}

Result<Assessment> InstitutionService::AddAssessment(const Actor& actor, const std::string& id,
                                                     const AssessmentInput& in) {
  auto w = BeginInstitutionWrite(db_, actor, id);
  if (!w) return Fail(w.error());
  auto& [uow, inst, config] = *w;
  if (auto ok = ClaimRecordId(*uow, RecordTable::kAssessment, in.id); !ok) return Fail(ok.error());
  FieldErrors errors;
  Assessment a;
  ScoreAssessment(config, inst, in, clock_.Today(), a, errors);
  a.id = NewRecordId(in.id, "id", errors);
  if (!errors.empty()) return Fail(Error::Validation("the assessment is invalid", errors));
  a.institution_id = id;
  a.area_path = inst.area_path;
  a.created_at = clock_.Timestamp();
  a.created_by = actor.UserId();
  uow->Institutions().InsertAssessment(a);
  uow->Institutions().RefreshLatestGrade(id);
  RecordAudit(uow->Audit(), clock_, actor, "create", "assessment", a.id, inst.area_path,
              std::nullopt, AssessmentSnapshot(a));
  uow->Commit();
  return a;
}

}  // namespace mobilise::domain
