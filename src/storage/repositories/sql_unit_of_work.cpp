#include "storage/repositories/sql_unit_of_work.hpp"

#include <optional>

#include "storage/repositories/activity_repository.hpp"
#include "storage/repositories/area_repository.hpp"
#include "storage/repositories/audit_repository.hpp"
#include "storage/repositories/book_repository.hpp"
#include "storage/repositories/choice_list_repository.hpp"
#include "storage/repositories/credential_repository.hpp"
#include "storage/repositories/feedback_repository.hpp"
#include "storage/repositories/form_repositories.hpp"
#include "storage/repositories/idempotency_repository.hpp"
#include "storage/repositories/indicator_repository.hpp"
#include "storage/repositories/profile_repository.hpp"
#include "storage/repositories/registry_repositories.hpp"
#include "storage/repositories/report_repository.hpp"
#include "storage/repositories/submission_review_repository.hpp"
#include "storage/repositories/supervision_repository.hpp"
#include "storage/repositories/sync_repository.hpp"
#include "storage/repositories/training_repository.hpp"
#include "storage/repositories/user_repository.hpp"
#include "storage/repositories/work_plan_repository.hpp"

namespace mobilise::storage {
namespace {

class SqlUnitOfWork final : public domain::UnitOfWork {
 public:
  SqlUnitOfWork(PooledConnection conn, bool write)
      : conn_(std::move(conn)),
        tx_(write ? std::make_optional<Transaction>(*conn_, true) : std::nullopt),
        areas_(*conn_),
        users_(*conn_),
        audit_(*conn_),
        credentials_(*conn_),
        registry_config_(*conn_),
        institutions_(*conn_),
        households_(*conn_),
        rollups_(*conn_),
        feedback_(*conn_),
        activities_(*conn_),
        trainings_(*conn_),
        indicators_(*conn_),
        targets_(*conn_),
        reports_(*conn_),
        idempotency_(*conn_) {}

  domain::AreaRepository& Areas() override { return areas_; }
  domain::UserRepository& Users() override { return users_; }
  domain::AuditRepository& Audit() override { return audit_; }
  domain::CredentialRepository& Credentials() override { return credentials_; }
  domain::RegistryConfigRepository& RegistryConfig() override { return registry_config_; }
  domain::InstitutionRepository& Institutions() override { return institutions_; }
  domain::HouseholdRepository& Households() override { return households_; }
  domain::RollupRepository& Rollups() override { return rollups_; }
  domain::FeedbackRepository& Feedback() override { return feedback_; }
  domain::ActivityRepository& Activities() override { return activities_; }
  domain::TrainingRepository& Trainings() override { return trainings_; }
  domain::IndicatorRepository& Indicators() override { return indicators_; }
  domain::TargetRepository& Targets() override { return targets_; }
  domain::ReportRepository& Reports() override { return reports_; }
  domain::IdempotencyRepository& Idempotency() override { return idempotency_; }
  domain::SyncRepository& Sync() override { return sync_; }
  domain::CollectDeviceRepository& CollectDevices() override { return collect_devices_; }
  domain::XFormRepository& XForms() override { return xforms_; }
  domain::SubmissionRepository& Submissions() override { return submissions_; }
  domain::ChoiceListRepository& ChoiceLists() override { return choice_lists_; }
  domain::SubmissionReviewRepository& SubmissionReviews() override { return submission_reviews_; }
  domain::BookRepository& Books() override { return books_; }
  domain::WorkPlanRepository& WorkPlans() override { return work_plans_; }
  domain::DiaryRepository& Diaries() override { return diaries_; }
  domain::SupervisionRepository& Supervision() override { return supervision_; }
  domain::ProfileRepository& Profiles() override { return profiles_; }
  domain::RiskRepository& Risks() override { return risks_; }
  void Commit() override {
    if (tx_) tx_->Commit();
  }

 private:
  PooledConnection conn_;  // declared first: destroyed last, after the transaction
  // Only write units open a transaction (see UnitOfWorkFactory::Begin).
  std::optional<Transaction> tx_;
  SqlAreaRepository areas_;
  SqlUserRepository users_;
  SqlAuditRepository audit_;
  SqlCredentialRepository credentials_;
  SqlRegistryConfigRepository registry_config_;
  SqlInstitutionRepository institutions_;
  SqlHouseholdRepository households_;
  SqlRollupRepository rollups_;
  SqlFeedbackRepository feedback_;
  SqlActivityRepository activities_;
  SqlTrainingRepository trainings_;
  SqlIndicatorRepository indicators_;
  SqlTargetRepository targets_;
  SqlReportRepository reports_;
  SqlIdempotencyRepository idempotency_;
  SqlSyncRepository sync_{*conn_};
  SqlCollectDeviceRepository collect_devices_{*conn_};
  SqlXFormRepository xforms_{*conn_};
  SqlSubmissionRepository submissions_{*conn_};
  SqlChoiceListRepository choice_lists_{*conn_};
  SqlSubmissionReviewRepository submission_reviews_{*conn_};
  SqlBookRepository books_{*conn_};
  SqlWorkPlanRepository work_plans_{*conn_};
  SqlDiaryRepository diaries_{*conn_};
  SqlSupervisionRepository supervision_{*conn_};
  SqlProfileRepository profiles_{*conn_};
  SqlRiskRepository risks_{*conn_};
};

}  // namespace

std::unique_ptr<domain::UnitOfWork> SqlUnitOfWorkFactory::Begin(bool write) {
  return std::make_unique<SqlUnitOfWork>(db_.Acquire(), write);
}

std::unique_ptr<domain::UnitOfWork> SqlUnitOfWorkFactory::TryBeginRead() {
  auto conn = db_.TryAcquire();
  if (!conn) return nullptr;
  return std::make_unique<SqlUnitOfWork>(std::move(conn), false);
}

void SqlUnitOfWorkFactory::Analyze() {
  // PostgreSQL plans range scans badly without statistics. SQLite's planner did better without
  // them here (area search 1.2k -> 0.8k req/s after ANALYZE), so it is left alone.
  if (db_.dialect() != Dialect::kPostgres) return;
  db_.Acquire()->ExecuteScript("ANALYZE");
}

bool SqlUnitOfWorkFactory::Ping() {
  try {
    auto conn = db_.Acquire();
    return conn->Query("SELECT 1").size() == 1;
  } catch (const DatabaseError&) {
    return false;
  }
}

}  // namespace mobilise::storage
