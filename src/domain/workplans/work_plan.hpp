// Staff work plans (issue 17): a staff member's plan for a day, an ISO week or a month, its
// planned items, its review by the supervisor chain, and the records it is compared with.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/areas/area.hpp"
#include "domain/page.hpp"

namespace mobilise::domain {

enum class PlanKind { kDay, kWeek, kMonth };
inline constexpr std::array<std::string_view, 3> kPlanKinds = {"day", "week", "month"};
// draft -> submitted -> approved | returned; returned -> submitted; approved -> draft only by a
// change with a reason (a new revision).
enum class PlanStatus { kDraft, kSubmitted, kApproved, kReturned };
inline constexpr std::array<std::string_view, 4> kPlanStatuses = {"draft", "submitted", "approved",
                                                                  "returned"};

struct WorkPlanItem {
  // One of: a day (YYYY-MM-DD) or an ISO week (YYYY-Www); starts_on/ends_on are its days.
  std::optional<std::string> day, week;
  std::string starts_on, ends_on;
  std::string area_id, area_path, area_name;
  std::optional<std::string> institution_id, household_id;
  std::string purpose;  // an activity type, or meeting | training | visit | office
  std::string note;
};

struct WorkPlan {
  std::string id;
  std::string owner_id, owner_name;
  PlanKind kind = PlanKind::kMonth;
  std::string period;  // 2026-03-02 | 2026-W10 | 2026-03
  std::string starts_on, ends_on;
  std::string area_id, area_path;  // the owner's first role area when made: who may read it
  PlanStatus status = PlanStatus::kDraft;
  int revision = 1;  // 1 + the changes made after an approval
  std::optional<std::string> change_reason, review_comment, reviewed_by, reviewed_at;
  std::vector<WorkPlanItem> items;
  std::int64_t version = 1;
  std::string created_at, updated_at;
  std::optional<std::string> created_by, updated_by;
};

struct WorkPlanQuery {
  std::vector<PathRange> scope;
  std::optional<std::string> owner_id;
  std::optional<PlanKind> kind;
  std::optional<PlanStatus> status;
  std::optional<std::string> from, to;  // plans overlapping these days
  PageRequest page;
};

// A record a plan item may be matched with: an activity the staff member recorded or facilitated.
struct ActualWork {
  std::string id;
  std::string held_on;
  std::string type;
  std::string area_path;
  std::string title;
  std::vector<std::string> institution_ids;
  // A diary's visit to an area (type "visit") or office day (type "office", no area): matched
  // with visit and office items, never listed as unplanned work.
  bool from_diary = false;
};

class WorkPlanRepository {
 public:
  virtual ~WorkPlanRepository() = default;
  virtual std::optional<WorkPlan> Get(const std::string& id) = 0;
  virtual std::optional<WorkPlan> Find(const std::string& owner_id, PlanKind kind,
                                       const std::string& period) = 0;
  virtual Page<WorkPlan> List(const WorkPlanQuery& query) = 0;  // items not filled
  virtual void Insert(const WorkPlan& plan) = 0;
  // Writes every field and replaces the items; false if the version mismatched.
  virtual bool Update(const WorkPlan& plan, std::int64_t expected_version) = 0;
  // Activities `user_id` created or facilitated held from `from` to `to`, not deleted.
  virtual std::vector<ActualWork> Actuals(const std::string& user_id, const std::string& from,
                                          const std::string& to) = 0;
};

}  // namespace mobilise::domain
