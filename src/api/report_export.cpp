#include "api/report_export.hpp"

#include "api/json_io.hpp"
#include "reports/report_document.hpp"

namespace mobilise::api {

std::optional<reports::PhotoFile> ActivityPhotos::Read(const std::string& file_id) const {
  auto file = activities_.ReadFile(actor_, file_id);
  if (!file) return std::nullopt;
  return reports::PhotoFile{file->first.mime, std::move(file->second)};
}

http::Response ExportResponse(const Result<reports::ExportFile>& file) {
  if (!file) return ErrorResponse(file.error());
  http::Response r;
  r.status = 200;
  r.content_type = file->media_type;
  r.body_file = file->path;
  r.remove_body_file = true;
  r.SetHeader("Content-Disposition", "attachment; filename=\"" + file->file_name + "\"");
  r.SetHeader("Cache-Control", "no-store");
  return r;
}

http::Response ExportReport(Services& s, const domain::Actor& actor,
                            const domain::ReportContent& content, const std::string& format) {
  const ActivityPhotos photos(s.activities, actor);
  const auto report = reports::ReportExport(content, s.clock.Timestamp(), photos,
                                            [&s] { return s.reports.Dhis2(); });
  return ExportResponse(reports::Export(report, format));
}

}  // namespace mobilise::api
