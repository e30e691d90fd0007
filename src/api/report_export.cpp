#include "api/report_export.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <unistd.h>

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

http::Response File(std::string body, const std::string& type, const std::string& name) {
  http::Response r;
  r.status = 200;
  r.content_type = type;
  r.body = std::move(body);
  r.SetHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
  r.SetHeader("Cache-Control", "no-store");
  return r;
}

// Renders into a temporary file (the XLSX and PDF writers want a path) and reads it back.
Result<std::string> ThroughFile(const std::function<Status(const std::string&)>& render) {
  char path[] = "/tmp/mobilise-export-XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) return Fail(Error::Internal("cannot create a temporary file"));
  close(fd);
  auto done = render(path);
  std::string body;
  if (done) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    body = s.str();
  }
  std::remove(path);
  if (!done) return Fail(done.error());
  return body;
}

}  // namespace

http::Response ExportReport(Services& s, const domain::Actor& actor, const domain::ReportContent& c,
                            const std::string& format) {
  (void)actor;
  if (format == "dhis2" || format == "adx") {
    auto set = reports::ReportDataValues(c, s.reports.Dhis2(), c.context.settings, format == "adx");
    if (!set) return ErrorResponse(set.error());
    if (format == "dhis2")
      return File(reports::RenderDataValueSetsJson(*set), "application/json", FileName(c, "dhis2.json"));
    std::ostringstream out;
    if (auto ok = reports::RenderAdx(*set, out); !ok) return ErrorResponse(ok.error());
    return File(out.str(), "application/adx+xml", FileName(c, "adx.xml"));
  }
  const auto document = reports::ReportDocument(c);
  if (format == "csv") {
    std::ostringstream out;
    reports::RenderCsv(document, out);
    return File(out.str(), "text/csv; charset=utf-8", FileName(c, "csv"));
  }
  if (format == "xlsx") {
    auto body = ThroughFile([&](const std::string& p) { return reports::RenderXlsx(document, p); });
    if (!body) return ErrorResponse(body.error());
    return File(std::move(*body), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                FileName(c, "xlsx"));
  }
  if (format == "pdf") {
    auto body = ThroughFile([&](const std::string& p) { return reports::RenderPdf(document, p); });
    if (!body) return ErrorResponse(body.error());
    return File(std::move(*body), "application/pdf", FileName(c, "pdf"));
  }
  return ErrorResponse(Error::Field("format", "one of csv, xlsx, pdf, dhis2, adx"));
}

}  // namespace mobilise::api
