// /api/v1/forms: XForms uploaded raw (an XLSForm upload is CUSTOM's), versions, publishing,
// state and assignments (docs/openrosa.md).
#include "api/openrosa/form_files.hpp"
#include "api/routes.hpp"
#include "api/xform_json.hpp"

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

// The body is an XForm (Content-Type application/xml or text/xml).
http::Response UploadForm(Services& s, Call& c) {
  const std::string_view type = c.request.Header("content-type");
  if (!type.starts_with("application/xml") && !type.starts_with("text/xml")) {
    return ErrorResponse(Error::Validation("send an XForm as application/xml (or an XLSForm)"));
  }
  auto upload = openrosa::PrepareUpload(s.blobs, c.request.body, domain::FormKind::kCustom);
  if (!upload) return ErrorResponse(upload.error());
  return Reply(s.xforms.Upload(c.actor(), *upload), 201, FormJson);
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

void AddXFormRoutes(RouteTable& t, Services& s) {
  // clang-format off
  static constexpr AuthedRoute<Services> kRoutes[] = {
      {"GET", "/api/v1/forms", ListForms},
      {"POST", "/api/v1/forms", UploadForm},
      {"GET", "/api/v1/forms/{id}", GetForm},
      {"PATCH", "/api/v1/forms/{id}", UpdateForm},
      {"POST", "/api/v1/forms/{id}/publish", PublishForm},
      {"PUT", "/api/v1/forms/{id}/assignments", AssignForm},
      {"GET", "/api/v1/forms/{id}/versions/{file}", FormVersionXml},
  };
  // clang-format on
  t.Authed(s, kRoutes);
}

}  // namespace mobilise::api
