// POST /households/import, /institutions/import, /training-plans/import, /targets/import and
// /users/import (?dry_run=true|false): CSV or XLSX bodies.
#include <array>

#include "api/import_io.hpp"
#include "api/routes.hpp"
#include "domain/indicators/target_service.hpp"
#include "domain/trainings/training_service.hpp"
#include "domain/users/user_service.hpp"
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

const std::array<importers::ColumnSpec, 6> kUserColumns = {{
    {"username", true},
    {"full_name", false},
    {"role", false},
    {"area_code", false},
    {"supervisor", false},
    {"locale", false},
}};

// An uploaded file's rows, checked against the columns of its kind.
struct File {
  Upload upload;
  importers::CheckedRows rows;
  // The rows are only checked, not saved: a dry run, or a file with rows that could not be read.
  bool CheckOnly() const { return upload.dry_run || !rows.errors.empty(); }
};

Result<File> ReadFile(Call& c, const ApiOptions& o, std::span<const importers::ColumnSpec> specs) {
  auto upload = ReadUpload(c.request, o.max_imports);
  if (!upload) return Fail(upload.error());
  if (!c.actor().HasPermission(domain::Permission::kRegistryWrite) &&
      !c.actor().HasPermission(domain::Permission::kActivityVerify) &&
      !c.actor().HasPermission(domain::Permission::kTargetWrite) &&
      !c.actor().HasPermission(domain::Permission::kUserWrite))
    return Fail(Error::Forbidden());
  importers::ReadLimits limits;
  limits.max_bytes = o.import_limit;
  // One row per person: about 40,000 households a file. The rows are held in memory while
  // they are checked (about 4 KB a row at peak), so this bounds an import to about 1 GB.
  limits.max_rows = 200'000;
  auto rows = importers::ReadCheckedRows(c.request.body, upload->type, limits, specs);
  if (!rows) return Fail(rows.error());
  return File{std::move(*upload), std::move(*rows)};
}

template <typename Report>
http::Response Answer(const File& f, const Report& report, json::object counts) {
  return ImportReply(f.upload.dry_run, report.rows, std::move(counts), f.rows.errors,
                     report.errors);
}

std::vector<domain::HouseholdImportRow> HouseholdRows(std::vector<importers::CheckedRow>& in) {
  std::vector<domain::HouseholdImportRow> rows;
  rows.reserve(in.size());
  for (auto& r : in) {
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
  return rows;
}

std::vector<domain::InstitutionImportRow> InstitutionRows(std::vector<importers::CheckedRow>& in) {
  std::vector<domain::InstitutionImportRow> rows;
  rows.reserve(in.size());
  for (auto& r : in) {
    auto& x = r.cells;
    rows.push_back({r.row, std::move(x[0]), std::move(x[1]), std::move(x[2]), std::move(x[3]),
                    std::move(x[4]), std::move(x[5]), std::move(x[6]), std::move(x[7]),
                    std::move(x[8]), std::move(x[9]), std::move(x[10]), std::move(x[11]),
                    std::move(x[12]), std::move(x[13]), std::move(x[14])});
    x = {};
  }
  return rows;
}

// Plans and targets: five cells a row, in their columns' order.
template <typename Row>
std::vector<Row> FiveCellRows(std::vector<importers::CheckedRow>& in) {
  std::vector<Row> rows;
  for (auto& r : in)
    rows.push_back({r.row, std::move(r.cells[0]), std::move(r.cells[1]), std::move(r.cells[2]),
                    std::move(r.cells[3]), std::move(r.cells[4])});
  return rows;
}

// The handlers: file -> service call -> reply.

http::Response ImportHouseholds(ImportDeps& d, Call& c) {
  auto file = ReadFile(c, d.o, kHouseholdColumns);
  if (!file) return ErrorResponse(file.error());
  auto report = d.s.households.Import(c.actor(), HouseholdRows(file->rows.rows), file->CheckOnly());
  if (!report) return ErrorResponse(report.error());
  return Answer(*file, *report,
                {{"households", report->households},
                 {"people", report->people},
                 {"created", report->created}});
}

http::Response ImportInstitutions(ImportDeps& d, Call& c) {
  auto file = ReadFile(c, d.o, kInstitutionColumns);
  if (!file) return ErrorResponse(file.error());
  auto report =
      d.s.institutions.Import(c.actor(), InstitutionRows(file->rows.rows), file->CheckOnly());
  if (!report) return ErrorResponse(report.error());
  return Answer(*file, *report,
                {{"institutions", report->institutions},
                 {"memberships", report->memberships},
                 {"created", report->created}});
}

http::Response ImportPlans(ImportDeps& d, Call& c) {
  auto file = ReadFile(c, d.o, kPlanColumns);
  if (!file) return ErrorResponse(file.error());
  auto report = d.s.trainings.ImportPlans(
      c.actor(), FiveCellRows<domain::PlanImportRow>(file->rows.rows), file->CheckOnly());
  if (!report) return ErrorResponse(report.error());
  return Answer(*file, *report, {{"saved", report->saved}});
}

http::Response ImportTargets(ImportDeps& d, Call& c) {
  auto file = ReadFile(c, d.o, kTargetColumns);
  if (!file) return ErrorResponse(file.error());
  auto report = d.s.targets.Import(
      c.actor(), FiveCellRows<domain::TargetImportRow>(file->rows.rows), file->CheckOnly());
  if (!report) return ErrorResponse(report.error());
  return Answer(*file, *report, {{"saved", report->saved}});
}

http::Response ImportUsers(ImportDeps& d, Call& c) {
  auto file = ReadFile(c, d.o, kUserColumns);
  if (!file) return ErrorResponse(file.error());
  std::vector<domain::UserImportRow> rows;
  for (auto& r : file->rows.rows) {
    auto& x = r.cells;
    rows.push_back({r.row, std::move(x[0]), std::move(x[1]), std::move(x[2]), std::move(x[3]),
                    std::move(x[4]), std::move(x[5])});
  }
  auto report = d.s.users.Import(c.actor(), rows, file->CheckOnly());
  if (!report) return ErrorResponse(report.error());
  // The first passwords are answered once, here; they are kept nowhere but as hashes.
  json::array passwords;
  for (const auto& [username, password] : report->passwords)
    passwords.push_back(json::object{{"username", username}, {"password", password}});
  return Answer(*file, *report,
                {{"saved", report->saved},
                 {"created", report->created},
                 {"updated", report->updated},
                 {"passwords", std::move(passwords)}});
}

}  // namespace

void AddRegistryImportRoutes(RouteTable& t, Services& s, const ApiOptions& o) {
  static constexpr AuthedRoute<ImportDeps> kRoutes[] = {
      {"POST", "/api/v1/households/import", ImportHouseholds},
      {"POST", "/api/v1/institutions/import", ImportInstitutions},
      {"POST", "/api/v1/training-plans/import", ImportPlans},
      {"POST", "/api/v1/targets/import", ImportTargets},
      {"POST", "/api/v1/users/import", ImportUsers},
  };
  t.Authed(ImportDeps{s, o}, kRoutes);
}

}  // namespace mobilise::api
