// The operation table's rows for ODK Collect (docs/openrosa.md): devices, XForms, and the
// OpenRosa endpoints (XML and files: no JSON schema), under /openrosa and /openrosa/key/{token}.
#include <deque>
#include <string>
#include <tuple>

#include "api/collect_device_json.hpp"
#include "api/openapi_table.hpp"
#include "api/submission_json.hpp"
#include "api/xform_json.hpp"

namespace mobilise::api::openapi_table {

std::vector<OperationSchema> CollectOperations() {
  const Schema none;
  std::vector<OperationSchema> rows = {
      {"GET", "/api/v1/devices", 200, OnlyItemsOf(&CollectDeviceShape), none},
      {"POST", "/api/v1/devices", 201, One(&NewCollectDeviceShape), Reads(ReadCollectDevice)},
      {"GET", "/api/v1/devices/{id}", 200, One(&CollectDeviceShape), none},
      {"DELETE", "/api/v1/devices/{id}", 204, none, none},
      {"GET", "/api/v1/forms", 200, OnlyItemsOf(&XFormShape), none},
      // The body is the XForm (application/xml) or the XLSForm (.xlsx/.xls types) itself.
      {"POST", "/api/v1/forms", 201, One(&XFormShape), none},
      {"GET", "/api/v1/forms/{id}", 200, One(&XFormShape), none},
      {"PATCH", "/api/v1/forms/{id}", 200, One(&XFormShape), Reads(ReadFormState)},
      {"POST", "/api/v1/forms/{id}/publish", 200, One(&XFormShape), Reads(ReadPublishVersion)},
      {"PUT", "/api/v1/forms/{id}/assignments", 200, One(&XFormShape), Reads(ReadFormAssignments)},
      {"GET", "/api/v1/forms/{id}/versions/{file}", 200, none, none},
      {"GET", "/api/v1/forms/{id}/schema", 200, One(&FormSchemaShape), none},
      {"GET", "/api/v1/forms/{id}/submissions", 200, One(&SubmissionPageShape), none},
      {"GET", "/api/v1/submissions/{id}", 200, One(&SubmissionViewShape), none},
      {"PATCH", "/api/v1/submissions/{id}", 200, One(&SubmissionViewShape), Reads(ReadReview)},
      // Files: an attachment's bytes, the exports (a zip of CSVs, a workbook).
      {"GET", "/api/v1/submissions/{id}/attachments/{name}", 200, none, none},
      {"GET", "/api/v1/forms/{id}/submissions.csv.zip", 200, none, none},
      {"GET", "/api/v1/forms/{id}/submissions.xlsx", 200, none, none},
      // The body is the media file itself (?name=, ?version=).
      {"POST", "/api/v1/forms/{id}/media", 201, One(&XFormShape), none},
  };
  for (const char* prefix : {"/openrosa", "/openrosa/key/{token}"}) {
    using Row = std::tuple<const char*, const char*, int>;
    for (auto [method, path, status] :
         std::initializer_list<Row>{{"GET", "/formList", 200},
                                    {"GET", "/forms/{form}", 200},
                                    {"GET", "/forms/{form}/manifest", 200},
                                    {"GET", "/forms/{form}/attachments/{name}", 200},
                                    {"HEAD", "/submission", 204},
                                    {"GET", "/submission", 204},
                                    {"POST", "/submission", 201}}) {
      static std::deque<std::string> patterns;  // the table holds string_views: kept alive
      patterns.push_back(std::string(prefix) + path);
      rows.push_back({method, patterns.back(), status, none, none});
    }
  }
  return rows;
}

std::vector<const ShapeBase*> CollectShapes() {
  return {&CollectDeviceShape(),  &NewCollectDeviceShape(), &XFormShape(),
          &SubmissionPageShape(), &SubmissionViewShape(),   &FormSchemaShape()};
}

}  // namespace mobilise::api::openapi_table
