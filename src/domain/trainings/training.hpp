// Trainings: courses, training needs, plans, and follow-ups of trainees; and their storage.
// Training events themselves are activities of type "training" with a course (activities/).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/access/actor.hpp"
#include "domain/page.hpp"

namespace mobilise::domain {

struct Course {
  std::string id, code, title;
  std::optional<std::string> title_local;
  std::string audience;  // staff | community
  std::vector<std::string> topics;
  double duration_hours = 0;
  std::optional<double> test_max;
  std::int64_t version = 1;
  std::string created_at, updated_at;
  std::optional<std::string> created_by, updated_by;
};

struct TrainingNeed {
  std::string id, area_id, area_path;
  std::optional<std::string> user_id, institution_id, course_id, subject_name;  // name: reads
  std::string need, priority, assessed_on, created_at;
  std::optional<std::string> created_by;
  std::int64_t version = 1;
  std::optional<std::string> updated_at, updated_by;
  std::string area_name;  // reads
};

struct TrainingPlan {
  std::string id, course_id, course_title, area_id, area_path, area_name, period, period_start,
      period_end, created_at;
  std::int64_t planned_events = 0, planned_participants = 0;
  std::optional<std::string> created_by;
  std::int64_t version = 1;
  std::optional<std::string> updated_at, updated_by;
};

// Held against plan: verified training activities of the course in the plan's area subtree and
// period.
struct PlanAchievement {
  TrainingPlan plan;
  std::int64_t held_events = 0, trained = 0;
};

struct TrainingFollowup {
  std::string id, activity_id, person_id, person_name, followed_on, applies, created_at;
  std::optional<std::string> notes, created_by;
  std::int64_t version = 1;
  std::optional<std::string> updated_at, updated_by;
};

// Where a course is used: training events (activities of any status), plans, training needs.
struct CourseUse {
  std::int64_t events = 0, plans = 0, needs = 0;
};

// A staff member as offered for picking (a training need's subject): no contact details.
struct StaffMember {
  std::string id, full_name;
  struct Grant {
    std::string role, area_id, area_name;
  };
  std::vector<Grant> roles;  // the grants within the asked scope
};

class TrainingRepository {
 public:
  virtual ~TrainingRepository() = default;
  virtual std::vector<Course> Courses() = 0;
  virtual std::optional<Course> GetCourse(const std::string& id) = 0;
  virtual std::optional<Course> GetCourseByCode(const std::string& code) = 0;
  virtual void InsertCourse(const Course& course) = 0;
  virtual bool UpdateCourse(const Course& course, std::int64_t expected_version) = 0;
  virtual void DeleteCourse(const std::string& id) = 0;
  virtual CourseUse UseOfCourse(const std::string& id) = 0;
  // The highest pre- or post-test score given in a training event of the course, if any.
  virtual std::optional<double> HighestScore(const std::string& course_id) = 0;
  virtual Page<TrainingNeed> Needs(const std::vector<PathRange>& scope, PageRequest page) = 0;
  virtual std::optional<TrainingNeed> GetNeed(const std::string& id) = 0;  // with subject_name
  virtual void InsertNeed(const TrainingNeed& need) = 0;
  // Writes every field; false if the version did not match.
  virtual bool UpdateNeed(const TrainingNeed& need, std::int64_t expected_version) = 0;
  virtual void DeleteNeed(const std::string& id) = 0;
  virtual Page<TrainingPlan> Plans(const std::vector<PathRange>& scope,
                                   const std::optional<std::string>& period_start,
                                   const std::optional<std::string>& period_end,
                                   PageRequest page) = 0;
  // Inserts or replaces the plan of course x area x period (a replaced plan's version goes up).
  virtual void UpsertPlan(const TrainingPlan& plan) = 0;
  virtual std::optional<TrainingPlan> GetPlan(const std::string& id) = 0;
  virtual std::optional<TrainingPlan> FindPlan(const std::string& course_id,
                                               const std::string& area_id,
                                               const std::string& period) = 0;
  virtual bool UpdatePlan(const TrainingPlan& plan, std::int64_t expected_version) = 0;
  virtual void DeletePlan(const std::string& id) = 0;
  virtual std::vector<PlanAchievement> Achievement(const std::vector<TrainingPlan>& plans) = 0;
  virtual std::vector<TrainingFollowup> Followups(const std::string& activity_id) = 0;
  virtual void InsertFollowup(const TrainingFollowup& followup) = 0;
  virtual std::optional<TrainingFollowup> GetFollowup(const std::string& id) = 0;
  virtual bool UpdateFollowup(const TrainingFollowup& followup, std::int64_t expected_version) = 0;
  virtual void DeleteFollowup(const std::string& id) = 0;
  // Enabled staff with a role in `scope`, by name (`text`: the name contains it), each with
  // those of their roles that lie in `scope`. With `area_path`: only the roles in that area's
  // subtree or on an area above it (the staff working there).
  virtual Page<StaffMember> Staff(const std::vector<PathRange>& scope,
                                  const std::optional<std::string>& area_path,
                                  const std::optional<std::string>& text, PageRequest page) = 0;
};

}  // namespace mobilise::domain
