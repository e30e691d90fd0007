#include "domain/import_report.hpp"

#include <string>

namespace mobilise::domain {

ImportReport CommitImport(UnitOfWork& uow, const Clock& clock, const Actor& actor,
                          std::string_view entity, std::string_view counted, std::size_t saved,
                          ImportReport report) {
  RecordAudit(uow.Audit(), clock, actor, "import", std::string(entity), std::nullopt, std::nullopt,
              std::nullopt, Snapshot{{std::string(counted), std::to_string(saved)}});
  uow.Commit();
  report.saved = static_cast<int>(saved);
  return report;
}

}  // namespace mobilise::domain
