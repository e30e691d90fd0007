// Work plan use cases. A plan belongs to a staff member (its owner); the owner or anyone above
// them in the reporting line writes it and submits it; someone above them approves or returns it.
// Anyone who sees the plan's area reads it; others get not found. An approved plan is frozen:
// a change needs a reason, makes a new revision and goes back to draft. Every write is audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "domain/unit_of_work.hpp"
#include "domain/workplans/work_plan.hpp"
#include "domain/workplans/work_plan_rules.hpp"

namespace mobilise::domain {

struct WorkPlanItemInput {
  std::optional<std::string> day, week;
  std::string area_id;
  std::optional<std::string> institution_id, household_id;
  std::string purpose;
  std::string note;
};

struct WorkPlanInput {
  std::optional<std::string> id;        // the client's id (see idempotency.hpp)
  std::optional<std::string> owner_id;  // default: the caller
  std::string kind;                     // day | week | month
  std::string period;
  std::vector<WorkPlanItemInput> items;
  bool copy_previous = false;  // a month plan: start from the owner's plan of the month before
};

struct WorkPlanPatch {
  std::int64_t version = 0;
  std::vector<WorkPlanItemInput> items;
  std::optional<std::string> reason;  // required once the plan is approved
};

struct WorkPlanFilter {
  std::optional<std::string> owner_id, kind, status, from, to;
  PageRequest page;
};

struct WorkPlanActual {
  WorkPlan plan;
  PlanActual actual;
};

struct StaffAchievement {
  std::string user_id, username, full_name;
  int depth = 0;
  std::optional<std::string> plan_id;
  std::optional<PlanStatus> plan_status;
  Achievement achievement;
};

struct TeamAchievement {
  std::string month;
  std::vector<StaffAchievement> staff;  // the team in tree order
  Achievement team;
};

class WorkPlanService {
 public:
  WorkPlanService(UnitOfWorkFactory& db, const Clock& clock) : db_(db), clock_(clock) {}

  Result<Page<WorkPlan>> List(const Actor& actor, const WorkPlanFilter& filter);
  Result<WorkPlan> Get(const Actor& actor, const std::string& id);
  Result<WorkPlan> Create(const Actor& actor, const WorkPlanInput& input);
  Result<WorkPlan> Update(const Actor& actor, const std::string& id, const WorkPlanPatch& patch);
  // submit (owner or chain), approve and return (the chain; return needs a comment).
  Result<WorkPlan> Act(const Actor& actor, const std::string& id, PlanAction action,
                       std::int64_t version, const std::optional<std::string>& comment);
  Result<WorkPlanActual> Actual(const Actor& actor, const std::string& id);
  // The month plans of `head`'s team (default: the caller) against what they did in `month`.
  Result<TeamAchievement> Team(const Actor& actor, const std::string& month,
                               const std::optional<std::string>& head);

 private:
  UnitOfWorkFactory& db_;
  const Clock& clock_;
};

}  // namespace mobilise::domain
