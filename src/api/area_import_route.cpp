// POST /areas/import?dry_run=true|false: the area tree from a CSV or XLSX body.
#include "api/routes.hpp"
#include "importers/area_rows.hpp"

namespace mobilise::api {

namespace json = boost::json;

void AddAreaImportRoute(RouteTable& t, Services& s, const ApiOptions& o) {
  t.Authed("POST", "/api/v1/areas/import", [&s, &o](Call& c) {
    bool dry_run = true;
    if (auto d = c.request.Query("dry_run")) {
      if (*d != "true" && *d != "false")
        return ErrorResponse(Error::Field("dry_run", "must be true or false"));
      dry_run = *d == "true";
    }
    if (!c.actor().HasPermission(domain::Permission::kAreaWrite))
      return ErrorResponse(Error::Forbidden());
    importers::ReadLimits limits;
    limits.max_bytes = o.import_limit;
    std::string type(c.request.Header("content-type"));
    if (auto name = c.request.Query("filename");
        name && (type.empty() || type == "application/octet-stream"))
      type = *name;
    auto read = importers::ReadAreaRows(c.request.body, type, limits);
    if (!read) return ErrorResponse(read.error());
    // With reader errors nothing may load: validate the rest as a dry run and report it all.
    auto report = s.areas.Import(c.actor(), read->rows, dry_run || !read->errors.empty());
    if (!report) return ErrorResponse(report.error());
    auto errors = read->errors;
    errors.insert(errors.end(), report->errors.begin(), report->errors.end());
    std::stable_sort(errors.begin(), errors.end(),
                     [](const auto& a, const auto& b) { return a.row < b.row; });
    json::array errs;
    for (const auto& e : errors)
      errs.push_back(json::object{
          {"row", e.row}, {"column", e.column}, {"code", e.code}, {"message", e.message}});
    return Json(200, json::object{{"ok", errors.empty()},
                                  {"dry_run", dry_run},
                                  {"rows", report->rows + static_cast<int>(read->errors.size())},
                                  {"created", report->created},
                                  {"errors", std::move(errs)}});
  });
}

}  // namespace mobilise::api
