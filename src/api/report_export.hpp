// Exports at the API edge: a file made by reports::Export as a streamed download, the stories'
// photos read as the caller may, and the progress report's export (CSV, XLSX, PDF, DHIS2
// dataValueSets JSON or ADX XML).
#pragma once

#include <string>

#include "api/api.hpp"
#include "reports/export.hpp"

namespace mobilise::api {

// Photos read through ActivityService::ReadFile, which authorises like the photo's record: one
// outside the actor's areas is left out. References both arguments.
class ActivityPhotos final : public reports::PhotoSource {
 public:
  ActivityPhotos(domain::ActivityService& activities, const domain::Actor& actor)
      : activities_(activities), actor_(actor) {}
  std::optional<reports::PhotoFile> Read(const std::string& file_id) const override;

 private:
  domain::ActivityService& activities_;
  const domain::Actor& actor_;
};

// 200 streaming the file (removed once opened) as an attachment with its name, never cached; or
// the error's response.
http::Response ExportResponse(const Result<reports::ExportFile>& file);

// The report in `format` ("csv", "xlsx", "pdf", "dhis2", "adx"), made now.
http::Response ExportReport(Services& services, const domain::Actor& actor,
                            const domain::ReportContent& content, const std::string& format);

}  // namespace mobilise::api
