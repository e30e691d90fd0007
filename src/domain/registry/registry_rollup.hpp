// Roll-up figures of the registry for an area's subtree, and the SQL aggregates behind them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mobilise::domain {

struct InstitutionCount {
  std::string type;
  int tier = 1;
  std::string status;
  std::int64_t count = 0;
};

// Households of a subtree grouped by the child area they are in (its path; the area's own path
// for households registered on the area itself), poverty band and poor.
struct HouseholdGroup {
  std::string child_path;
  std::optional<std::string> band;
  bool poor = false;
  std::int64_t registered = 0, organised = 0;
};

struct BandCount {
  std::optional<std::string> band;  // none: no PSC score
  bool poor = false;
  std::int64_t registered = 0, organised = 0;
};

struct MemberCount {
  std::string sex;
  std::string age_band;
  bool disability = false;
  std::int64_t count = 0;
};

struct AreaRollup {
  std::string area_id, name;
  std::int64_t households = 0, organised = 0, poor = 0, poor_organised = 0, institutions = 0;
};

struct HouseholdTotals {
  std::int64_t registered = 0, organised = 0, poor_registered = 0, poor_organised = 0;
  std::vector<BandCount> by_band;
};

struct RegistrySummary {
  std::string area_id, area_name;
  std::vector<InstitutionCount> institutions;
  HouseholdTotals households;
  std::vector<MemberCount> members;
  std::vector<AreaRollup> children;
};

// The SQL aggregates behind the summary; `path` is an area's path, its subtree the scope.
class RollupRepository {
 public:
  virtual ~RollupRepository() = default;
  virtual std::vector<InstitutionCount> InstitutionCounts(const std::string& path) = 0;
  // One scan of the covering index gives both the band totals and the per-child figures.
  virtual std::vector<HouseholdGroup> HouseholdGroups(const std::string& path) = 0;
  // `today` as YYYY-MM-DD: ages are taken on that date.
  virtual std::vector<MemberCount> Members(const std::string& path, const std::string& today) = 0;
  virtual std::vector<std::pair<std::string, std::int64_t>> ChildInstitutions(
      const std::string& path) = 0;
};

}  // namespace mobilise::domain
