// Targets per indicator x area x period (optionally per disaggregation): listed in the actor's
// areas, set one by one or imported from a file (all rows or none), by managers, M&E officers
// and administrators of the area.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/import_report.hpp"
#include "domain/indicators/indicator.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

struct TargetInput {
  std::string indicator_code, area_id, period, disaggregation;  // disaggregation "" or "sex=f;..."
  double value = 0;
  std::optional<std::string> id;  // the client's id for a new record (see idempotency.hpp)
};

struct TargetImportRow {
  int row = 0;
  std::string indicator_code, area_code, period, disaggregation, value;
};

class TargetService {
 public:
  TargetService(UnitOfWorkFactory& db, const Clock& clock) : db_(db), clock_(clock) {}
  Result<Page<Target>> List(const Actor& actor, const std::optional<std::string>& area_id,
                            const std::optional<std::string>& indicator_code,
                            const std::optional<std::string>& period, PageRequest page);
  // Sets the target of its key (indicator, area, period, disaggregation), replacing one there.
  Result<Target> Save(const Actor& actor, const TargetInput& input);
  Status Delete(const Actor& actor, const std::string& id);
  Result<ImportReport> Import(const Actor& actor, const std::vector<TargetImportRow>& rows,
                              bool dry_run);

 private:
  UnitOfWorkFactory& db_;
  const Clock& clock_;
};

}  // namespace mobilise::domain
