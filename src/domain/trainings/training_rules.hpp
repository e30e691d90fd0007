// The pure rules of trainings: who keeps courses, needs, plans and follow-ups; the checks of
// their fields that need no database; trainees' scores and knowledge gain; what the audit keeps.
// The use cases (course_service.cpp, training_need_service.cpp, training_plan_service.cpp,
// training_plan_import.cpp, trainee_scores.cpp, training_followup_service.cpp) apply them inside
// their transactions; training_rules_test.cpp tests them without a database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "domain/activities/activity_rules.hpp"
#include "domain/audit/audit.hpp"
#include "domain/periods/period.hpp"
#include "domain/trainings/training.hpp"
#include "domain/trainings/training_service.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {

// The course catalogue is kept by managers and programme administrators.
bool MayEditCourses(const Actor& actor);
// Needs and follow-ups: whoever recorded them, or an officer, manager or administrator of the
// area, provided they still record trainings there.
bool MayChangeRecord(const Actor& actor, const std::optional<std::string>& created_by,
                     const std::string& path);
// Plans: officers, managers and administrators of the area.
bool MaySetPlans(const Actor& actor, const std::string& path);

// A number as people write it: 12, 12.5 (no trailing zeros).
std::string PlainNumber(double v);

// A course's test maximum: 1..1000, never below a score already given (`highest`), and not
// removed (nullopt) while trainees have scores.
void CheckTestMax(FieldErrors& errors, const std::optional<double>& test_max,
                  std::optional<double> highest);
// What uses a course ("2 training events, 1 training need"); "" when nothing does.
std::string CourseUseText(const CourseUse& use);

// A need's fields that need no database: exactly one subject (a staff member or an
// institution), the need, its priority and the date it was assessed (not after `today`).
void CheckNeedFields(const TrainingNeed& n, std::string_view today, FieldErrors& errors);
// A plan's period and planned figures from `in` (what is given), checked. The period is read
// under the programme's fiscal year, as targets and reports read it (a month, quarter, half-year
// or year; not project to date), and the plan keeps its days.
void ApplyPlanFigures(TrainingPlan& t, const PlanPatch& in, const FiscalYear& fy,
                      FieldErrors& errors);
// A plan's period under the programme's fiscal year: none for what is not a period or is
// project to date.
std::optional<Period> PlanPeriod(const std::string& text, const FiscalYear& fy);
// A whole number of at most 9 digits (a plan import's cell).
std::optional<std::int64_t> ParseWholeNumber(const std::string& s);
// A follow-up of a trainee: on or after the training, not after `today`; whether they apply it.
void CheckFollowup(const Activity& training, const TrainingFollowup& f, std::string_view today,
                   FieldErrors& errors);

// Scoring follows the training's workflow: a draft or returned training is scored by its author
// or a supervisor of the area (kUpdate); a submitted or verified one only corrected by a
// supervisor who is not its author (kCorrect).
Result<ActivityEdit> CheckScoring(ActivityStatus status, ActivityParty party);
// Sets the given trainees' scores on `training` (each within the course's test), recording the
// scores before and after of those that change in `was` and `now`; a correction needs a reason.
void ApplyScores(Activity& training, const ScoresInput& in, const Course& course, bool correcting,
                 Snapshot& was, Snapshot& now, FieldErrors& errors);
// Each trainee's gain (post - pre) and normalised gain (Hake's: (post - pre) / (max - pre)),
// and their averages over the trainees who have them.
TraineeReport TraineeGains(const Activity& training, const Course& course);

Snapshot CourseSnapshot(const Course& c);
Snapshot NeedSnapshot(const TrainingNeed& n);
Snapshot PlanSnapshot(const TrainingPlan& t);
Snapshot FollowupSnapshot(const TrainingFollowup& f);

}  // namespace mobilise::domain
