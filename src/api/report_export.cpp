#include "api/report_export.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>

#include "api/json_io.hpp"
#include "reports/render_csv.hpp"
#include "reports/render_dhis2.hpp"
#include "reports/render_pdf.hpp"
#include "reports/render_xlsx.hpp"
#include "reports/report_document.hpp"

namespace mobilise::api {
namespace {

// A file name safe in a header: the template, area code and period.
std::string FileName(const domain::ReportContent& c, const std::string& ext) {
  std::string name = c.report.template_code + "-" + c.report.period;
  for (char& ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '-') ch = '_';
  return name + "." + ext;
}

// A new empty file of our own in the temporary directory, named `prefix` and a random suffix.
std::optional<std::string> TemporaryFile(const char* prefix) {
  std::string path =
      (std::filesystem::temp_directory_path() / (std::string(prefix) + "XXXXXX")).string();
  const int fd = mkstemp(path.data());
  if (fd < 0) return std::nullopt;
  close(fd);
  return path;
}

// Renders into a temporary file and answers with it: the server streams the file from disk and
// removes it, so a large export is never held whole in memory (the XLSX and PDF writers also
// want a path).
http::Response ThroughFile(const std::function<Status(const std::string&)>& render,
                           const std::string& type, const std::string& name) {
  const auto file = TemporaryFile("mobilise-export-");
  if (!file) return ErrorResponse(Error::Internal("cannot create a temporary file"));
  const std::string& path = *file;
  if (auto done = render(path); !done) {
    std::remove(path.c_str());
    return ErrorResponse(done.error());
  }
  http::Response r;
  r.status = 200;
  r.content_type = type;
  r.body_file = path;
  r.remove_body_file = true;
  r.SetHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
  r.SetHeader("Cache-Control", "no-store");
  return r;
}

// A renderer that writes to a stream, writing to the file at `path`.
Status ToStream(const std::string& path, const std::function<Status(std::ostream&)>& render) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  auto done = render(out);
  out.close();
  if (done && !out) return Fail(Error::Internal("cannot write the export"));
  return done;
}

// The stories' photos as files for the PDF and XLSX renderers: each read as its reader may
// (ActivityService::ReadFile authorises like the photo's record: one outside their areas is left
// out), photos only, in temporary files removed with this object. One photo is in memory at a
// time; the blob store's own files are not handed out (the domain's BlobStore gives bytes).
class StoryPhotos {
 public:
  StoryPhotos(Services& s, const domain::Actor& actor, const domain::ReportContent& c) {
    for (const auto& story : c.report.stories) {
      for (const auto& id : story.file_ids) {
        if (paths.contains(id)) continue;
        auto file = s.activities.ReadFile(actor, id);
        if (!file || (file->first.mime != "image/jpeg" && file->first.mime != "image/png"))
          continue;
        auto path = TemporaryFile("mobilise-photo-");
        if (!path) continue;
        paths[id] = *path;
        std::ofstream(*path, std::ios::binary | std::ios::trunc) << file->second;
      }
    }
  }
  ~StoryPhotos() {
    for (const auto& [id, path] : paths) std::remove(path.c_str());
  }
  StoryPhotos(const StoryPhotos&) = delete;
  StoryPhotos& operator=(const StoryPhotos&) = delete;

  std::map<std::string, std::string> paths;  // file id -> temporary file
};

}  // namespace

http::Response ExportReport(Services& s, const domain::Actor& actor, const domain::ReportContent& c,
                            const std::string& format) {
  if (format == "dhis2" || format == "adx") {
    auto set = reports::ReportDataValues(c, s.reports.Dhis2(), c.context.settings, format == "adx");
    if (!set) return ErrorResponse(set.error());
    if (format == "dhis2")
      return ThroughFile(
          [&](const std::string& p) {
            return ToStream(p, [&](std::ostream& out) {
              out << reports::RenderDataValueSetsJson(*set);
              return Status{};
            });
          },
          "application/json", FileName(c, "dhis2.json"));
    return ThroughFile(
        [&](const std::string& p) {
          return ToStream(p, [&](std::ostream& out) { return reports::RenderAdx(*set, out); });
        },
        "application/adx+xml", FileName(c, "adx.xml"));
  }
  if (format == "csv") {
    const auto document = reports::ReportDocument(c);
    return ThroughFile(
        [&](const std::string& p) {
          return ToStream(p, [&](std::ostream& out) {
            reports::RenderCsv(document, out);
            return Status{};
          });
        },
        "text/csv; charset=utf-8", FileName(c, "csv"));
  }
  if (format != "xlsx" && format != "pdf")
    return ErrorResponse(Error::Field("format", "one of csv, xlsx, pdf, dhis2, adx"));
  const StoryPhotos photos(s, actor, c);
  const auto document = reports::ReportDocument(c, photos.paths);
  if (format == "xlsx")
    return ThroughFile([&](const std::string& p) { return reports::RenderXlsx(document, p); },
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       FileName(c, "xlsx"));
  return ThroughFile([&](const std::string& p) { return reports::RenderPdf(document, p); },
                     "application/pdf", FileName(c, "pdf"));
}

}  // namespace mobilise::api
