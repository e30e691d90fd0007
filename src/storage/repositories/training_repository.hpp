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
  void DeleteCourse(const std::string& id) override;
  domain::CourseUse UseOfCourse(const std::string& id) override;
  std::optional<double> HighestScore(const std::string& course_id) override;
  domain::Page<domain::TrainingNeed> Needs(const std::vector<domain::PathRange>& scope,
                                           domain::PageRequest page) override;
  std::optional<domain::TrainingNeed> GetNeed(const std::string& id) override;
  void InsertNeed(const domain::TrainingNeed& need) override;
  bool UpdateNeed(const domain::TrainingNeed& need, std::int64_t expected_version) override;
  void DeleteNeed(const std::string& id) override;
  domain::Page<domain::TrainingPlan> Plans(const std::vector<domain::PathRange>& scope,
                                           const std::optional<std::string>& period_start,
                                           const std::optional<std::string>& period_end,
                                           domain::PageRequest page) override;
  void UpsertPlan(const domain::TrainingPlan& plan) override;
  std::optional<domain::TrainingPlan> GetPlan(const std::string& id) override;
  std::optional<domain::TrainingPlan> FindPlan(const std::string& course_id,
                                               const std::string& area_id,
                                               const std::string& period) override;
  bool UpdatePlan(const domain::TrainingPlan& plan, std::int64_t expected_version) override;
  void DeletePlan(const std::string& id) override;
  std::vector<domain::PlanAchievement> Achievement(
      const std::vector<domain::TrainingPlan>& plans) override;
  std::vector<domain::TrainingFollowup> Followups(const std::string& activity_id) override;
  void InsertFollowup(const domain::TrainingFollowup& followup) override;
  std::optional<domain::TrainingFollowup> GetFollowup(const std::string& id) override;
  bool UpdateFollowup(const domain::TrainingFollowup& followup,
                      std::int64_t expected_version) override;
  void DeleteFollowup(const std::string& id) override;
  domain::Page<domain::StaffMember> Staff(const std::vector<domain::PathRange>& scope,
                                          const std::optional<std::string>& area_path,
                                          const std::optional<std::string>& text,
                                          domain::PageRequest page) override;

 private:
  std::vector<domain::Course> CoursesWhere(const std::string& where, std::vector<Param> params);
  std::vector<domain::TrainingNeed> NeedsWhere(const std::string& where,
                                               const std::vector<Param>& params);
  std::vector<domain::TrainingPlan> PlansWhere(const std::string& where,
                                               const std::vector<Param>& params);
  std::vector<domain::TrainingFollowup> FollowupsWhere(const std::string& where,
                                                       const std::vector<Param>& params);
  Connection& conn_;
};

}  // namespace mobilise::storage
