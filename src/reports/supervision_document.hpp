// The supervision report (domain/supervision) as an export: a document of three tables (the
// figures, scores by person, scores by checklist item) for CSV, XLSX and PDF. Labels in English.
#pragma once

#include "domain/supervision/supervision.hpp"
#include "reports/export.hpp"

namespace mobilise::reports {

Exportable SupervisionExport(const domain::SupervisionReport& report);

}  // namespace mobilise::reports
