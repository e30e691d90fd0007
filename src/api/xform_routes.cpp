// /api/v1/forms: XForms and XLSForms uploaded raw (the body is the file), versions, publishing,
// state and assignments (docs/openrosa.md).
#include <algorithm>

#include "api/import_io.hpp"
#include "api/openrosa/form_files.hpp"
#include "api/routes.hpp"
#include "api/xform_json.hpp"
#include "importers/xlsform.hpp"

namespace mobilise::api {
namespace {

boost::json::object FormJson(const domain::XForm& f) { return XFormShape().Write(f); }

http::Response ListForms(Services& s, Call& c) {
  return Reply(s.xforms.List(c.actor()), 200,
               [](const std::vector<domain::XForm>& forms) { return ItemsJson(forms, FormJson); });
}

http::Response GetForm(Services& s, Call& c) {
  return Reply(s.xforms.Get(c.actor(), c.param("id")), 200, FormJson);
}

bool IsXml(std::string_view type) {
  return type.starts_with("application/xml") || type.starts_with("text/xml");
}

bool IsSpreadsheet(std::string_view type) {
  return type.starts_with("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") ||
         type.starts_with("application/vnd.ms-excel");
}

// The converter's refusal (pyxform's words, with the row when it names one) on field `file`.
Error OnFile(Error error) {
  if (error.code != ErrorCode::kValidation || error.fields.empty()) return error;
  const std::string text = FieldTexts(error.fields).begin()->second;
  FieldProblem why = error.fields.begin()->second;
  return Error::Validation("the XLSForm could not be converted: " + text,
                           {{"file", std::move(why)}});
}

// The XForm pyxform makes of an XLSForm body, with the workbook kept beside it (source_hash).
Result<domain::XFormUpload> FromSpreadsheet(ImportDeps& d, std::string_view xlsx) {
  auto xml = importers::ConvertXlsForm(xlsx, {d.o.xlsform_command});
  if (!xml) return Fail(OnFile(xml.error()));
  auto upload = openrosa::PrepareUpload(d.s.blobs, *xml, domain::FormKind::kCustom);
  if (!upload) return Fail(OnFile(upload.error()));
  upload->source_hash = d.s.blobs.Put(xlsx);
  return upload;
}

// The body is an XForm (application/xml, text/xml) or an XLSForm (.xlsx/.xls types), converted
// by the configured command; only administrators upload, so nothing runs for anyone else.
http::Response UploadForm(ImportDeps& d, Call& c) {
  const std::string_view type = c.request.Header("content-type");
  if (!IsXml(type) && !IsSpreadsheet(type)) {
    return ErrorResponse(Error::Field(
        "file", problem::OneOf(std::vector<std::string>{
                    "application/xml", "text/xml",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "application/vnd.ms-excel"})));
  }
  if (!c.actor().HasPermission(domain::Permission::kConfigWrite)) {
    return ErrorResponse(Error::Forbidden());
  }
  auto upload = IsXml(type)
                    ? openrosa::PrepareUpload(d.s.blobs, c.request.body, domain::FormKind::kCustom)
                    : FromSpreadsheet(d, c.request.body);
  if (!upload) {
    http::Response refused = ErrorResponse(upload.error());
    // A workbook the converter refuses is well sent but cannot be processed: 422.
    if (!IsXml(type) && upload.error().code == ErrorCode::kValidation) refused.status = 422;
    return refused;
  }
  return Reply(d.s.xforms.Upload(c.actor(), *upload), 201, FormJson);
}

// A version's questions, groups and choices with their labels (?version=, else the published
// version, else the newest): for whoever may read the form, to show submissions by label.
http::Response FormSchemaJson(Services& s, Call& c) {
  auto form = s.xforms.Get(c.actor(), c.param("id"));
  if (!form) return ErrorResponse(form.error());
  std::optional<std::string> version = QueryText(c.request, "version");
  if (!version) version = form->published_version;
  if (!version && !form->versions.empty()) version = form->versions.back().version;
  auto v = std::find_if(form->versions.begin(), form->versions.end(),
                        [&](const domain::XFormVersion& x) { return x.version == version; });
  if (v == form->versions.end()) return ErrorResponse(Error::NotFound("form version"));
  auto xml = s.blobs.Get(v->xml_hash);
  if (!xml) return ErrorResponse(Error::Internal("a form's XML is missing"));
  auto definition = xforms::ReadXForm(*xml);
  auto labels = xforms::ReadLabels(*xml);
  if (!definition || !labels)
    return ErrorResponse(Error::Internal("a stored form no longer reads"));
  return Json(200, FormSchemaShape().Write(SchemaOf(form->id, *definition, *labels)));
}

http::Response PublishForm(Services& s, Call& c) {
  auto version = ReadBody(c.request, ReadPublishVersion);
  if (!version) return ErrorResponse(version.error());
  return Reply(s.xforms.Publish(c.actor(), c.param("id"), *version), 200, FormJson);
}

http::Response UpdateForm(Services& s, Call& c) {
  auto change = ReadBody(c.request, ReadFormState);
  if (!change) return ErrorResponse(change.error());
  return Updated(
      s.xforms.SetState(c.actor(), c.param("id"), change->version, change->state),
      [&] { return s.xforms.Get(c.actor(), c.param("id")); }, FormJson);
}

http::Response AssignForm(Services& s, Call& c) {
  auto a = ReadBody(c.request, ReadFormAssignments);
  if (!a) return ErrorResponse(a.error());
  return Reply(s.xforms.Assign(c.actor(), c.param("id"), a->device_ids, a->area_ids), 200,
               FormJson);
}

http::Response FormVersionXml(Services& s, Call& c) {
  std::string version = c.param("file");
  if (!version.ends_with(".xml")) return ErrorResponse(Error::NotFound("form version"));
  version.resize(version.size() - 4);
  auto v = s.xforms.Version(c.actor(), c.param("id"), version);
  if (!v) return ErrorResponse(v.error());
  auto xml = s.blobs.Get(v->xml_hash);
  if (!xml) return ErrorResponse(Error::Internal("a form's XML is missing"));
  http::Response r;
  r.content_type = "application/xml; charset=utf-8";
  r.body = std::move(*xml);
  return r;
}

}  // namespace

void AddXFormRoutes(RouteTable& t, Services& s, const ApiOptions& o) {
  // clang-format off
  static constexpr AuthedRoute<Services> kRoutes[] = {
      {"GET", "/api/v1/forms", ListForms},
      {"GET", "/api/v1/forms/{id}", GetForm},
      {"PATCH", "/api/v1/forms/{id}", UpdateForm},
      {"POST", "/api/v1/forms/{id}/publish", PublishForm},
      {"PUT", "/api/v1/forms/{id}/assignments", AssignForm},
      {"GET", "/api/v1/forms/{id}/versions/{file}", FormVersionXml},
      {"GET", "/api/v1/forms/{id}/schema", FormSchemaJson},
  };
  // clang-format on
  t.Authed(s, kRoutes);
  static constexpr AuthedRoute<ImportDeps> kUpload[] = {{"POST", "/api/v1/forms", UploadForm}};
  t.Authed(ImportDeps{s, o}, kUpload);
}

}  // namespace mobilise::api
