// Report templates, reports (their live and approved figures) and the DHIS2 mapping as JSON
// (each writer is its Shape, see api/schema.hpp), and the readers of their request bodies.
#pragma once

#include <boost/json/object.hpp>

#include "api/json_io.hpp"
#include "api/schema.hpp"
#include "domain/reports/report_service.hpp"

namespace mobilise::api {

const Shape<domain::ReportTemplate>& TemplateShape();
// A report in a list: no narrative, no figures.
const Shape<domain::Report>& ReportSummaryShape();
// A report with its narrative, history and figures (live, and as approved).
const Shape<domain::ReportContent>& ReportShape();
const Shape<domain::ReportService::Dhis2Config>& Dhis2Shape();

boost::json::object TemplateJson(const domain::ReportTemplate& t);
boost::json::object ReportSummaryJson(const domain::Report& report);
boost::json::object ReportJson(const domain::ReportContent& content);
boost::json::object Dhis2Json(const domain::ReportService::Dhis2Config& config);

// The body of POST and PUT /report-templates: `items` required in both.
domain::ReportTemplateInput ReadTemplate(ObjectReader& r);
// POST /reports.
domain::ReportInput ReadNewReport(ObjectReader& r);
// PATCH /reports/{id}, after its version.
domain::ReportPatch ReadReportPatch(ObjectReader& r);
// PUT /dhis2-mapping.
domain::ReportService::Dhis2Config ReadDhis2(ObjectReader& r);

}  // namespace mobilise::api
