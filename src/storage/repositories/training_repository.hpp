#pragma once

#include "domain/trainings/training.hpp"
#include "storage/database.hpp"

namespace mobilise::storage {

// Courses, training needs, plans (with achievement) and follow-ups in SQL.
class SqlTrainingRepository final : public domain::TrainingRepository {
 public:
  explicit SqlTrainingRepository(Connection& conn) : conn_(conn) {}
  std::vector<domain::Course> Courses() override;
  std::optional<domain::Course> GetCourse(const std::string& id) override;
  std::optional<domain::Course> GetCourseByCode(const std::string& code) override;
  void InsertCourse(const domain::Course& course) override;
  bool UpdateCourse(const domain::Course& course, std::int64_t expected_version) override;
  domain::Page<domain::TrainingNeed> Needs(const std::vector<domain::PathRange>& scope,
                                           domain::PageRequest page) override;
  void InsertNeed(const domain::TrainingNeed& need) override;
  domain::Page<domain::TrainingPlan> Plans(const std::vector<domain::PathRange>& scope,
                                           const std::optional<std::string>& period_start,
                                           const std::optional<std::string>& period_end,
                                           domain::PageRequest page) override;
  void UpsertPlan(const domain::TrainingPlan& plan) override;
  std::vector<domain::PlanAchievement> Achievement(const std::vector<domain::TrainingPlan>& plans) override;
  std::vector<domain::TrainingFollowup> Followups(const std::string& activity_id) override;
  void InsertFollowup(const domain::TrainingFollowup& followup) override;

 private:
  std::vector<domain::Course> CoursesWhere(const std::string& where, std::vector<Param> params);
  Connection& conn_;
};

}  // namespace mobilise::storage
