// The report of an import that saves one record per good row (targets, training plans), and the
// last step of such an import.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "domain/import_row_error.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

// What the import did: the rows it read, the records it saved (none on a dry run or when any
// row is bad) and the rows it refused.
struct ImportReport {
  int rows = 0, saved = 0;
  std::vector<ImportRowError> errors;
};

// The last step once every row is good and `saved` records are written in `uow`: audits the
// import of `entity` (the count under `counted`), commits, and answers `report` with `saved`.
ImportReport CommitImport(UnitOfWork& uow, const Clock& clock, const Actor& actor,
                          std::string_view entity, std::string_view counted, std::size_t saved,
                          ImportReport report);

}  // namespace mobilise::domain
