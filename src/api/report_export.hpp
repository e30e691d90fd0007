// A report as a downloadable file: CSV, XLSX, PDF, DHIS2 dataValueSets JSON or ADX XML.
#pragma once

#include <string>

#include "api/api.hpp"

namespace mobilise::api {

http::Response ExportReport(Services& services, const domain::Actor& actor,
                            const domain::ReportContent& content, const std::string& format);

}  // namespace mobilise::api
