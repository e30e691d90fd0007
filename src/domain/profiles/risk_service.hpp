// The risk register: risks per area (category from the configured list `risk_category`),
// likelihood x impact = level with its band (profile_rules.hpp), trend, mitigation, owner (a user
// in scope) and the next review. Registry writers of the area keep them; a change of a risk's
// level is recorded (risk_level_change) and shown to the supervisors of the area (users with
// Permission::kActivityVerify there) as an alert; reviews past their date are listed as overdue.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/profiles/profile_rules.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

struct RiskFilter {
  std::optional<std::string> area_id, category;
  bool overdue = false;  // only risks whose review is overdue
  PageRequest page;
};

// A supervisor's alerts: level changes of the last `kRiskAlertDays` days in the areas they
// supervise, and the overdue reviews of their areas.
inline constexpr int kRiskAlertDays = 30;
struct RiskAlerts {
  std::vector<RiskLevelChange> changes;
  std::vector<Risk> overdue;
  std::int64_t overdue_total = 0;
};

class RiskService {
 public:
  RiskService(UnitOfWorkFactory& db, const Clock& clock) : db_(db), clock_(clock) {}
  Result<Page<Risk>> List(const Actor& actor, const RiskFilter& filter);
  Result<Risk> Get(const Actor& actor, const std::string& id);
  Result<Risk> Create(const Actor& actor, const RiskInput& in);
  // A change of area needs registry writing in both areas.
  Result<Risk> Update(const Actor& actor, const std::string& id, std::int64_t version,
                      const RiskInput& in);
  RiskAlerts Alerts(const Actor& actor);
  std::vector<std::string> Categories();

 private:
  UnitOfWorkFactory& db_;
  const Clock& clock_;
};

}  // namespace mobilise::domain
