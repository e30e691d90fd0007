// POST /households/import and /institutions/import (?dry_run=true|false): CSV or XLSX bodies.
#include <array>

#include "api/import_json.hpp"
#include "api/routes.hpp"
#include "domain/indicators/target_service.hpp"
#include "domain/trainings/training_service.hpp"
#include "importers/checked_rows.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {

const std::array<importers::ColumnSpec, 26> kHouseholdColumns = {{
    {"household_code", true},    {"area_code", true},     {"head_name", true},
    {"head_father_name", false}, {"address", false},      {"phone", false},
    {"national_id", false},      {"psc_score", false},    {"psc_date", false},
    {"psc_source", false},       {"flags", false},        {"latitude", false},
    {"longitude", false},        {"person_name", false},  {"sex", false},
    {"birth_date", false},       {"age", false},          {"relation", false},
    {"wg_seeing", false},        {"wg_hearing", false},   {"wg_mobility", false},
    {"wg_cognition", false},     {"wg_self_care", false}, {"wg_communication", false},
    {"displacement", false},     {"person_phone", false},
}};

const std::array<importers::ColumnSpec, 15> kInstitutionColumns = {{
    {"code", true},
    {"type", true},
    {"area_code", true},
    {"name", true},
    {"name_local", false},
    {"parent_code", false},
    {"formed_on", false},
    {"sex_composition", false},
    {"status", false},
    {"meeting_frequency", false},
    {"member_household_code", false},
    {"member_person_name", false},
    {"member_institution_code", false},
    {"role", false},
    {"joined_on", false},
}};

const std::array<importers::ColumnSpec, 5> kTargetColumns = {{
    {"indicator_code", true},
    {"area_code", true},
    {"period", true},
    {"disaggregation", false},
    {"value", true},
}};
const std::array<importers::ColumnSpec, 5> kPlanColumns = {{
    {"course_code", true},
    {"area_code", true},
    {"period", true},
    {"planned_events", true},
    {"planned_participants", true},
}};

// dry_run, the file's rows, or an error response.
struct Upload {
  bool dry_run = true;
  importers::CheckedRows rows;
  // The rows are only checked, not saved: a dry run, or a file with rows that could not be read.
  bool CheckOnly() const { return dry_run || !rows.errors.empty(); }
};

Result<Upload> ReadUpload(Call& c, const ApiOptions& o,
                          std::span<const importers::ColumnSpec> specs) {
  Upload u;
  if (auto d = c.request.Query("dry_run")) {
    if (*d != "true" && *d != "false")
      return Fail(Error::Field("dry_run", "must be true or false"));
    u.dry_run = *d == "true";
  }
  if (!c.actor().HasPermission(domain::Permission::kRegistryWrite) &&
      !c.actor().HasPermission(domain::Permission::kActivityVerify) &&
      !c.actor().HasPermission(domain::Permission::kTargetWrite))
    return Fail(Error::Forbidden());
  importers::ReadLimits limits;
  limits.max_bytes = o.import_limit;
  // One row per person: about 40,000 households a file. The rows are held in memory while
  // they are checked (about 4 KB a row at peak), so this bounds an import to about 1 GB.
  limits.max_rows = 200'000;
  std::string type(c.request.Header("content-type"));
  if (auto name = c.request.Query("filename");
      name && (type.empty() || type == "application/octet-stream"))
    type = *name;
  auto rows = importers::ReadCheckedRows(c.request.body, type, limits, specs);
  if (!rows) return Fail(rows.error());
  u.rows = std::move(*rows);
  return u;
}

// ImportReply below still says ErrorsJson; ImportErrorsJson (api/import_json) is the writer.
constexpr auto* ErrorsJson = &ImportErrorsJson;

// The reply to an import: ok when neither reading the file nor the service found an error; the
// rows of the file (those the service checked, `rows`, and those unreadable); `counts` from the
// service; every error, by row.
http::Response ImportReply(const Upload& u, int rows, json::object counts,
                           const std::vector<domain::ImportRowError>& service_errors) {
  auto errors = u.rows.errors;
  errors.insert(errors.end(), service_errors.begin(), service_errors.end());
  json::object out{{"ok", errors.empty()},
                   {"dry_run", u.dry_run},
                   {"rows", rows + static_cast<int>(u.rows.errors.size())}};
  for (auto& [key, value] : counts) out[key] = std::move(value);
  out["errors"] = ErrorsJson(std::move(errors));
  return Json(200, out);
}

}  // namespace

void AddRegistryImportRoutes(RouteTable& t, Services& s, const ApiOptions& o) {
  t.Authed("POST", "/api/v1/households/import", [&s, &o](Call& c) {
    auto upload = ReadUpload(c, o, kHouseholdColumns);
    if (!upload) return ErrorResponse(upload.error());
    std::vector<domain::HouseholdImportRow> rows;
    rows.reserve(upload->rows.rows.size());
    for (auto& r : upload->rows.rows) {
      auto& x = r.cells;
      domain::HouseholdImportRow h;
      h.row = r.row;
      h.household_code = std::move(x[0]);
      h.area_code = std::move(x[1]);
      h.head_name = std::move(x[2]);
      h.head_father_name = std::move(x[3]);
      h.address = std::move(x[4]);
      h.phone = std::move(x[5]);
      h.national_id = std::move(x[6]);
      h.psc_score = std::move(x[7]);
      h.psc_date = std::move(x[8]);
      h.psc_source = std::move(x[9]);
      h.flags = std::move(x[10]);
      h.latitude = std::move(x[11]);
      h.longitude = std::move(x[12]);
      h.person_name = std::move(x[13]);
      h.sex = std::move(x[14]);
      h.birth_date = std::move(x[15]);
      h.age = std::move(x[16]);
      h.relation = std::move(x[17]);
      for (std::size_t i = 0; i < 6; ++i) h.wg[i] = std::move(x[18 + i]);
      h.displacement = std::move(x[24]);
      h.person_phone = std::move(x[25]);
      rows.push_back(std::move(h));
      x = {};  // freed as we go
    }
    auto report = s.households.Import(c.actor(), rows, upload->CheckOnly());
    if (!report) return ErrorResponse(report.error());
    return ImportReply(*upload, report->rows,
                       {{"households", report->households},
                        {"people", report->people},
                        {"created", report->created}},
                       report->errors);
  });

  t.Authed("POST", "/api/v1/institutions/import", [&s, &o](Call& c) {
    auto upload = ReadUpload(c, o, kInstitutionColumns);
    if (!upload) return ErrorResponse(upload.error());
    std::vector<domain::InstitutionImportRow> rows;
    rows.reserve(upload->rows.rows.size());
    for (auto& r : upload->rows.rows) {
      auto& x = r.cells;
      rows.push_back({r.row, std::move(x[0]), std::move(x[1]), std::move(x[2]), std::move(x[3]),
                      std::move(x[4]), std::move(x[5]), std::move(x[6]), std::move(x[7]),
                      std::move(x[8]), std::move(x[9]), std::move(x[10]), std::move(x[11]),
                      std::move(x[12]), std::move(x[13]), std::move(x[14])});
      x = {};
    }
    auto report = s.institutions.Import(c.actor(), rows, upload->CheckOnly());
    if (!report) return ErrorResponse(report.error());
    return ImportReply(*upload, report->rows,
                       {{"institutions", report->institutions},
                        {"memberships", report->memberships},
                        {"created", report->created}},
                       report->errors);
  });

  t.Authed("POST", "/api/v1/training-plans/import", [&s, &o](Call& c) {
    auto upload = ReadUpload(c, o, kPlanColumns);
    if (!upload) return ErrorResponse(upload.error());
    std::vector<domain::PlanImportRow> rows;
    for (auto& r : upload->rows.rows)
      rows.push_back({r.row, std::move(r.cells[0]), std::move(r.cells[1]), std::move(r.cells[2]),
                      std::move(r.cells[3]), std::move(r.cells[4])});
    auto report = s.trainings.ImportPlans(c.actor(), rows, upload->CheckOnly());
    if (!report) return ErrorResponse(report.error());
    return ImportReply(*upload, report->rows, {{"saved", report->saved}}, report->errors);
  });

  t.Authed("POST", "/api/v1/targets/import", [&s, &o](Call& c) {
    auto upload = ReadUpload(c, o, kTargetColumns);
    if (!upload) return ErrorResponse(upload.error());
    std::vector<domain::TargetImportRow> rows;
    for (auto& r : upload->rows.rows)
      rows.push_back({r.row, std::move(r.cells[0]), std::move(r.cells[1]), std::move(r.cells[2]),
                      std::move(r.cells[3]), std::move(r.cells[4])});
    auto report = s.targets.Import(c.actor(), rows, upload->CheckOnly());
    if (!report) return ErrorResponse(report.error());
    return ImportReply(*upload, report->rows, {{"saved", report->saved}}, report->errors);
  });
}

}  // namespace mobilise::api
