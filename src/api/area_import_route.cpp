// POST /areas/import?dry_run=true|false: the area tree from a CSV or XLSX body.
#include "api/import_io.hpp"
#include "api/routes.hpp"
#include "importers/area_rows.hpp"

namespace mobilise::api {

namespace {

http::Response ImportAreas(ImportDeps& d, Call& c) {
  auto upload = ReadUpload(c.request, d.o.max_imports);
  if (!upload) return ErrorResponse(upload.error());
  if (!c.actor().HasPermission(domain::Permission::kAreaWrite))
    return ErrorResponse(Error::Forbidden());
  importers::ReadLimits limits;
  limits.max_bytes = d.o.import_limit;
  auto read = importers::ReadAreaRows(c.request.body, upload->type, limits);
  if (!read) return ErrorResponse(read.error());
  // With reader errors nothing may load: validate the rest as a dry run and report it all.
  auto report = d.s.areas.Import(c.actor(), read->rows, upload->dry_run || !read->errors.empty());
  if (!report) return ErrorResponse(report.error());
  return ImportReply(upload->dry_run, report->rows, {{"created", report->created}},
                     std::move(read->errors), report->errors);
}

}  // namespace

void AddAreaImportRoute(RouteTable& t, Services& s, const ApiOptions& o) {
  static constexpr AuthedRoute<ImportDeps> kRoutes[] = {
      {"POST", "/api/v1/areas/import", ImportAreas},
  };
  t.Authed(ImportDeps{s, o}, kRoutes);
}

}  // namespace mobilise::api
