// Training use cases: the course catalogue (managers and administrators), training needs of staff
// and institutions, plans per course x area x period with plan-versus-achievement, trainees of a
// training event with pre/post test scores and knowledge gain, and follow-ups.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/activities/activity.hpp"
#include "domain/import_row_error.hpp"
#include "domain/trainings/training.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

struct CourseInput {
  std::optional<std::string> code, title, title_local, audience;
  std::optional<std::vector<std::string>> topics;
  std::optional<double> duration_hours, test_max;
};

struct NeedInput {
  std::string area_id;
  std::optional<std::string> user_id, institution_id, course_id;
  std::string need, priority, assessed_on;
};

struct PlanInput {
  std::string course_id, area_id, period;
  std::int64_t planned_events = 0, planned_participants = 0;
};

// One row of a plan import (the file's row number and its cells).
struct PlanImportRow {
  int row = 0;
  std::string course_code, area_code, period, planned_events, planned_participants;
};

struct PlanImportReport {
  int rows = 0, saved = 0;
  std::vector<ImportRowError> errors;
};

// A trainee's scores and knowledge gain: absolute (post - pre) and normalised
// ((post - pre) / (max - pre), Hake's gain), when both scores and the test maximum exist.
struct Trainee {
  Attendance attendance;
  std::optional<double> gain, normalised_gain;
};

struct TraineeReport {
  std::string activity_id, course_id, course_title;
  std::optional<double> test_max;
  std::vector<Trainee> trainees;
  std::optional<double> average_gain, average_normalised_gain;
};

class TrainingService {
 public:
  explicit TrainingService(UnitOfWorkFactory& db) : db_(db) {}
  std::vector<Course> Courses();
  Result<Course> CreateCourse(const Actor& actor, const CourseInput& input);
  Result<Course> UpdateCourse(const Actor& actor, const std::string& id, std::int64_t version,
                              const CourseInput& patch);
  Result<Page<TrainingNeed>> Needs(const Actor& actor, std::optional<std::string> area_id, PageRequest page);
  Result<TrainingNeed> AddNeed(const Actor& actor, const NeedInput& input);
  Result<Page<TrainingPlan>> Plans(const Actor& actor, std::optional<std::string> area_id,
                                   std::optional<std::string> period, PageRequest page);
  Result<TrainingPlan> SavePlan(const Actor& actor, const PlanInput& input);
  // Every row checked; all saved (each replacing the plan of its course x area x period) or none.
  Result<PlanImportReport> ImportPlans(const Actor& actor, const std::vector<PlanImportRow>& rows,
                                       bool dry_run);
  Result<std::vector<PlanAchievement>> Achievement(const Actor& actor, std::optional<std::string> area_id,
                                                   std::optional<std::string> period);
  Result<TraineeReport> Trainees(const Actor& actor, const std::string& activity_id);
  Result<std::vector<TrainingFollowup>> Followups(const Actor& actor, const std::string& activity_id);
  Result<TrainingFollowup> AddFollowup(const Actor& actor, const std::string& activity_id,
                                       const std::string& person_id, const std::string& followed_on,
                                       const std::string& applies, std::optional<std::string> notes);

 private:
  UnitOfWorkFactory& db_;
};

TraineeReport TraineeGains(const Activity& activity, const Course& course);

}  // namespace mobilise::domain
