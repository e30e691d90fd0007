// A progress report (its live or approved numbers, narrative and stories) as a renderable
// Document in the reader's language, its values as DHIS2 data values through the mapping, and
// both as one Exportable (reports/export.hpp) in every format.
#pragma once

#include <functional>
#include <string>

#include "core/result.hpp"
#include "domain/reports/report_service.hpp"
#include "reports/data_values.hpp"
#include "reports/document.hpp"
#include "reports/export.hpp"

namespace mobilise::reports {

// Approved reports show the numbers as approved, with a note where the records changed since.
// `generated_at` (a timestamp, "2026-11-23T10:15:30.123Z") is shown to the minute on the cover.
// `photo_paths` (file id -> a JPEG or PNG on disk) places the stories' photos, captioned with
// their story, after the narrative; photos not in it are left out (CSV has none).
Document ReportDocument(const domain::ReportContent& content, const std::string& generated_at,
                        const PhotoPaths& photo_paths = {});

// Every value of the report with a mapping (indicator x disaggregation -> data element and
// category option combo; child areas through their org units), exported at `exported_at` (a
// timestamp). Errors: the period has no DHIS2 id (JSON only), the area has no org unit, nothing is
// mapped.
Result<DataValueSet> ReportDataValues(const domain::ReportContent& content,
                                      const domain::ReportService::Dhis2Config& mapping,
                                      const domain::ProgrammeSettings& settings, bool adx,
                                      const std::string& exported_at);

// The report as an export in CSV, XLSX, PDF, DHIS2 JSON and ADX, named "<template>-<period>",
// made at `now` (a timestamp). The stories' photos are read through `photos`; the DHIS2 mapping is
// read with `mapping` only for the DHIS2 formats. Holds references to `content` and `photos`.
Exportable ReportExport(const domain::ReportContent& content, const std::string& now,
                        const PhotoSource& photos,
                        std::function<domain::ReportService::Dhis2Config()> mapping);

}  // namespace mobilise::reports
