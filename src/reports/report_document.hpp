// A progress report (its live or approved numbers, narrative and stories) as a renderable
// Document in the reader's language, and its values as DHIS2 data values through the mapping.
#pragma once

#include <map>
#include <string>

#include "core/result.hpp"
#include "domain/reports/report_service.hpp"
#include "reports/data_values.hpp"
#include "reports/document.hpp"

namespace mobilise::reports {

// Approved reports show the numbers as approved, with a note where the records changed since.
// `photo_paths` (file id -> a JPEG or PNG on disk) places the stories' photos, captioned with
// their story, after the narrative; photos not in it are left out (CSV has none).
Document ReportDocument(const domain::ReportContent& content,
                        const std::map<std::string, std::string>& photo_paths = {});

// Every value of the report with a mapping (indicator x disaggregation -> data element and
// category option combo; child areas through their org units). Errors: the period has no DHIS2
// id (JSON only), the area has no org unit, nothing is mapped.
Result<DataValueSet> ReportDataValues(const domain::ReportContent& content,
                                      const domain::ReportService::Dhis2Config& mapping,
                                      const domain::ProgrammeSettings& settings, bool adx);

}  // namespace mobilise::reports
