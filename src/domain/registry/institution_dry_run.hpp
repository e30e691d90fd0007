// A unit of work for an import's dry run: reads go to a read unit (no write lock, so writers
// go on while a large file is checked), and the institutions, status changes and memberships
// the import adds are kept in memory, where later rows of the same file find them exactly as
// they would find them written (a federation before its members, a person already a member of
// an institution of the type). Any other write, and Commit, throws: a dry run writes nothing.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

class DryRunInstitutions final : public InstitutionRepository {
 public:
  explicit DryRunInstitutions(InstitutionRepository& base) : base_(base) {}
  std::optional<Institution> Get(const std::string& id) override;
  std::optional<Institution> GetByCode(const std::string& code) override;
  Page<Institution> List(const InstitutionQuery& query) override { return base_.List(query); }
  Status Insert(const Institution& institution) override;
  bool Update(const Institution&, std::int64_t) override;
  void Delete(const std::string&) override;
  std::int64_t CountReferences(const std::string& id) override;
  void AddStatusChange(const StatusChange&) override {}
  std::vector<StatusChange> StatusHistory(const std::string& id) override {
    return base_.StatusHistory(id);
  }
  std::optional<Membership> GetMembership(const std::string& id) override;
  std::vector<Membership> Members(const std::string& institution_id, bool current_only) override;
  std::vector<Membership> MembershipsOfHousehold(const std::string& household_id) override;
  std::vector<Membership> ActiveOfSameType(const std::string& type, MemberKind kind,
                                           const Membership& candidate,
                                           const std::string& on) override;
  void InsertMembership(const Membership& membership) override;
  bool UpdateMembership(const Membership&, std::int64_t) override;
  void RefreshMemberCount(const std::string&) override;
  std::vector<Assessment> Assessments(const std::string& id) override {
    return base_.Assessments(id);
  }
  void InsertAssessment(const Assessment&) override;
  void RefreshLatestGrade(const std::string&) override;

 private:
  InstitutionRepository& base_;
  std::map<std::string, Institution> made_;  // id ->
  std::vector<Membership> members_;
};

class DryRunUnitOfWork final : public UnitOfWork {
 public:
  // `base`: a read unit.
  explicit DryRunUnitOfWork(std::unique_ptr<UnitOfWork> base)
      : base_(std::move(base)), institutions_(base_->Institutions()) {}
  AreaRepository& Areas() override { return base_->Areas(); }
  UserRepository& Users() override { return base_->Users(); }
  AuditRepository& Audit() override { return base_->Audit(); }
  CredentialRepository& Credentials() override { return base_->Credentials(); }
  RegistryConfigRepository& RegistryConfig() override { return base_->RegistryConfig(); }
  InstitutionRepository& Institutions() override { return institutions_; }
  HouseholdRepository& Households() override { return base_->Households(); }
  RollupRepository& Rollups() override { return base_->Rollups(); }
  FeedbackRepository& Feedback() override { return base_->Feedback(); }
  ActivityRepository& Activities() override { return base_->Activities(); }
  TrainingRepository& Trainings() override { return base_->Trainings(); }
  IndicatorRepository& Indicators() override { return base_->Indicators(); }
  TargetRepository& Targets() override { return base_->Targets(); }
  ReportRepository& Reports() override { return base_->Reports(); }
  IdempotencyRepository& Idempotency() override { return base_->Idempotency(); }
  SyncRepository& Sync() override { return base_->Sync(); }
  CollectDeviceRepository& CollectDevices() override { return base_->CollectDevices(); }
  XFormRepository& XForms() override { return base_->XForms(); }
  SubmissionRepository& Submissions() override { return base_->Submissions(); }
  ChoiceListRepository& ChoiceLists() override { return base_->ChoiceLists(); }
  SubmissionReviewRepository& SubmissionReviews() override { return base_->SubmissionReviews(); }
  BookRepository& Books() override { return base_->Books(); }
  WorkPlanRepository& WorkPlans() override { return base_->WorkPlans(); }
  DiaryRepository& Diaries() override { return base_->Diaries(); }
  SupervisionRepository& Supervision() override { return base_->Supervision(); }
  ProfileRepository& Profiles() override { return base_->Profiles(); }
  RiskRepository& Risks() override { return base_->Risks(); }
  void Commit() override;

 private:
  std::unique_ptr<UnitOfWork> base_;
  DryRunInstitutions institutions_;
};

}  // namespace mobilise::domain
