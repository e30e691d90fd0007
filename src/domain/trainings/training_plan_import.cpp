// TrainingService: the import of training plans from a table (every row checked; all saved or
// none).
#include <set>
#include <tuple>

#include "core/id.hpp"
#include "domain/indicators/programme_settings.hpp"
#include "domain/periods/period.hpp"
#include "domain/trainings/training_rules.hpp"
#include "domain/trainings/training_service.hpp"

namespace mobilise::domain {
namespace {

// The plan of one row, or none with the row's errors added to `errors`.
std::optional<TrainingPlan> PlanOfRow(UnitOfWork& uow, const Actor& actor, const PlanImportRow& r,
                                      const FiscalYear& fy, const std::string& now,
                                      std::vector<ImportRowError>& errors) {
  const auto before = errors.size();
  auto err = [&](const char* column, const char* code, std::string message) {
    errors.push_back({r.row, column, code, std::move(message)});
  };
  auto course =
      r.course_code.empty() ? std::nullopt : uow.Trainings().GetCourseByCode(r.course_code);
  if (!course)
    err("course_code", "unknown",
        r.course_code.empty() ? "is required" : "no course with this code");
  auto area = r.area_code.empty() ? std::nullopt : uow.Areas().GetByCode(r.area_code);
  if (!area || !actor.Sees(area->path))
    err("area_code", "unknown", "no area with this code in your areas");
  else if (!MaySetPlans(actor, area->path))
    err("area_code", "forbidden", problem::PlansSetByOfficers().Text());
  auto period = PlanPeriod(r.period, fy);
  if (!period) err("period", "invalid", problem::NotAPeriod().Text());
  const auto events = ParseWholeNumber(r.planned_events);
  if (!events) err("planned_events", "invalid", "must be a whole number");
  const auto participants = ParseWholeNumber(r.planned_participants);
  if (!participants) err("planned_participants", "invalid", "must be a whole number");
  if (errors.size() != before) return std::nullopt;
  return TrainingPlan{NewId(),    course->id,    course->title, area->id,    area->path,
                      area->name, period->text,  period->start, period->end, now,
                      *events,    *participants, actor.UserId()};
}

}  // namespace

Result<ImportReport> TrainingService::ImportPlans(const Actor& actor,
                                                  const std::vector<PlanImportRow>& rows,
                                                  bool dry_run) {
  auto uow = db_.Begin(!dry_run);  // a dry run only reads: it takes no write lock
  ImportReport report;
  report.rows = static_cast<int>(rows.size());
  std::vector<TrainingPlan> plans;
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  const auto now = clock_.Timestamp();
  const auto fy = SettingsFrom(uow->Indicators().Settings(), clock_.Today()).fiscal_year;
  for (const auto& r : rows) {
    auto plan = PlanOfRow(*uow, actor, r, fy, now, report.errors);
    if (!plan) continue;
    if (!seen.insert({plan->course_id, plan->area_id, plan->period}).second) {
      report.errors.push_back(
          {r.row, "period", "duplicate", "the same course, area and period twice in the file"});
      continue;
    }
    plans.push_back(std::move(*plan));
  }
  if (dry_run || !report.errors.empty()) return report;
  for (const auto& p : plans) uow->Trainings().UpsertPlan(p);
  return CommitImport(*uow, clock_, actor, "training_plan", "plans", plans.size(),
                      std::move(report));
}

}  // namespace mobilise::domain
