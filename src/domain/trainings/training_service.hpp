// Training use cases: the course catalogue (managers and administrators), training needs of staff
// and institutions, plans per course x area x period with plan-versus-achievement, trainees of a
// training event with pre/post test scores and knowledge gain, and follow-ups. The five share no
// state: TrainingService is their one door, with each aggregate's methods in its own file
// (course_service.cpp, training_need_service.cpp, training_plan_service.cpp and
// training_plan_import.cpp, trainee_scores.cpp, training_followup_service.cpp) and their pure
// rules in training_rules.hpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/activities/activity.hpp"
#include "domain/import_report.hpp"
#include "domain/trainings/training.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

struct CourseInput {
  std::optional<std::string> code, title, title_local, audience;
  std::optional<std::vector<std::string>> topics;
  std::optional<double> duration_hours;
  std::optional<std::optional<double>> test_max;  // holding nullopt: no test
  std::optional<std::string> id;  // the client's id for a new record (see idempotency.hpp)
};

struct NeedInput {
  std::string area_id;
  std::optional<std::string> user_id, institution_id, course_id;
  std::string need, priority, assessed_on;
  std::optional<std::string> id;  // the client's id for a new record (see idempotency.hpp)
};

// A change of a training need: what is given is changed. Giving user_id or institution_id
// makes that the need's subject (the other is cleared); an empty course_id clears the course.
struct NeedPatch {
  std::optional<std::string> area_id, user_id, institution_id, course_id, need, priority,
      assessed_on;
};

struct PlanInput {
  std::string course_id, area_id, period;
  std::int64_t planned_events = 0, planned_participants = 0;
  std::optional<std::string> id;  // the client's id for a new record (see idempotency.hpp)
};

struct PlanPatch {
  std::optional<std::string> course_id, area_id, period;
  std::optional<std::int64_t> planned_events, planned_participants;
};

// A change of a follow-up (the trainee stays; an empty notes clears them).
struct FollowupPatch {
  std::optional<std::string> followed_on, applies, notes;
};

// One trainee's test scores (nullopt: not tested).
struct TraineeScore {
  std::string person_id;
  std::optional<double> pre_score, post_score;
};

// The scores of some of a training's trainees; the others keep theirs.
struct ScoresInput {
  std::int64_t version = 0;  // the activity's
  std::vector<TraineeScore> trainees;
  std::optional<std::string> correction_reason;  // required once the training is submitted
};

// One row of a plan import (the file's row number and its cells).
struct PlanImportRow {
  int row = 0;
  std::string course_code, area_code, period, planned_events, planned_participants;
};

// A trainee's scores and knowledge gain: absolute (post - pre) and normalised
// ((post - pre) / (max - pre), Hake's gain), when both scores and the test maximum exist.
struct Trainee {
  Attendance attendance;
  std::optional<double> gain, normalised_gain;
};

struct TraineeReport {
  std::string activity_id, status, course_id, course_title;
  std::int64_t version = 0;  // the activity's
  std::optional<double> test_max;
  std::vector<Trainee> trainees;
  std::optional<double> average_gain, average_normalised_gain;
};

class TrainingService {
 public:
  TrainingService(UnitOfWorkFactory& db, const Clock& clock) : db_(db), clock_(clock) {}
  std::vector<Course> Courses();
  Result<Course> CreateCourse(const Actor& actor, const CourseInput& input);
  Result<Course> UpdateCourse(const Actor& actor, const std::string& id, std::int64_t version,
                              const CourseInput& patch);
  Result<Course> GetCourse(const std::string& id);
  // Refused (conflict) while a training event, plan or training need uses the course.
  Status DeleteCourse(const Actor& actor, const std::string& id);
  Result<Page<TrainingNeed>> Needs(const Actor& actor, std::optional<std::string> area_id,
                                   PageRequest page);
  Result<TrainingNeed> GetNeed(const Actor& actor, const std::string& id);
  Result<TrainingNeed> AddNeed(const Actor& actor, const NeedInput& input);
  // Needs and follow-ups are changed and deleted by whoever recorded them, or by an officer,
  // manager or administrator of the area.
  Result<TrainingNeed> UpdateNeed(const Actor& actor, const std::string& id, std::int64_t version,
                                  const NeedPatch& patch);
  Status DeleteNeed(const Actor& actor, const std::string& id);
  // Staff the caller may pick as a need's subject: enabled users with a role in the areas where
  // the caller records trainings; with `area_id`, those whose role there is in that area or
  // above it (the staff working in it).
  Result<Page<StaffMember>> Staff(const Actor& actor, std::optional<std::string> area_id,
                                  std::optional<std::string> text, PageRequest page);
  Result<Page<TrainingPlan>> Plans(const Actor& actor, std::optional<std::string> area_id,
                                   std::optional<std::string> period, PageRequest page);
  Result<TrainingPlan> SavePlan(const Actor& actor, const PlanInput& input);
  Result<TrainingPlan> GetPlan(const Actor& actor, const std::string& id);
  // Plans are changed and deleted by officers, managers and administrators of the area (the
  // old one and the new one); a change onto another plan's course x area x period: conflict.
  Result<TrainingPlan> UpdatePlan(const Actor& actor, const std::string& id, std::int64_t version,
                                  const PlanPatch& patch);
  Status DeletePlan(const Actor& actor, const std::string& id);
  // Every row checked; all saved (each replacing the plan of its course x area x period) or none.
  Result<ImportReport> ImportPlans(const Actor& actor, const std::vector<PlanImportRow>& rows,
                                   bool dry_run);
  Result<std::vector<PlanAchievement>> Achievement(const Actor& actor,
                                                   std::optional<std::string> area_id,
                                                   std::optional<std::string> period);
  Result<TraineeReport> Trainees(const Actor& actor, const std::string& activity_id);
  // Sets trainees' scores, each within 0..the course's test maximum. A draft or returned
  // training: its author or a supervisor of the area; a submitted or verified one: a supervisor
  // of the area who is not its author, as a correction with a reason (audited as "correct").
  Result<TraineeReport> SetScores(const Actor& actor, const std::string& activity_id,
                                  const ScoresInput& input);
  Result<std::vector<TrainingFollowup>> Followups(const Actor& actor,
                                                  const std::string& activity_id);
  Result<TrainingFollowup> AddFollowup(const Actor& actor, const std::string& activity_id,
                                       const std::string& person_id, const std::string& followed_on,
                                       const std::string& applies, std::optional<std::string> notes,
                                       std::optional<std::string> client_id = std::nullopt);
  Result<TrainingFollowup> UpdateFollowup(const Actor& actor, const std::string& activity_id,
                                          const std::string& id, std::int64_t version,
                                          const FollowupPatch& patch);
  Status DeleteFollowup(const Actor& actor, const std::string& activity_id, const std::string& id);

 private:
  UnitOfWorkFactory& db_;
  const Clock& clock_;
};

}  // namespace mobilise::domain
