#include "api/openrosa/openrosa_routes.hpp"

#include <spdlog/spdlog.h>

#include "api/openrosa/openrosa_caller.hpp"
#include "api/openrosa/openrosa_xml.hpp"

namespace mobilise::api::openrosa {
namespace {

using Handler = http::Response (*)(OpenRosaDeps&, http::Request&);

int StatusOf(const Error& error) {
  switch (error.code) {
    case ErrorCode::kValidation:
      return 400;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kTooLarge:
      return 413;
    case ErrorCode::kRateLimited:
      return 429;
    case ErrorCode::kUnsupported:
      return 415;
    case ErrorCode::kInternal:
      break;
  }
  return 500;
}

// The form named by the {form} path segment ("survey.xml" or "survey").
std::string FormParam(const http::Request& request, bool strip_xml) {
  std::string id = request.path_params.at("form");
  if (strip_xml && id.ends_with(".xml")) id.resize(id.size() - 4);
  return id;
}

http::Response FormList(OpenRosaDeps& deps, http::Request& request) {
  if (auto bad = CheckVersionHeader(deps, request)) return *bad;
  auto caller = Authenticate(deps.services, deps.public_url, request);
  if (!caller) return OpenRosaError(deps, caller.error(), request);
  auto only = request.Query("formID");
  std::vector<FormListEntry> entries;
  for (const domain::ReachedForm& reached :
       deps.services.xforms.Listed(caller->actor, caller->device_id)) {
    const domain::XForm& form = reached.form;
    if (only && *only != form.xml_form_id) continue;
    auto definition = deps.cache.Get(reached.version.xml_hash);
    if (!definition) return OpenRosaError(deps, definition.error(), request);
    const std::string url = caller->base + "/forms/" + UriComponent(form.xml_form_id);
    entries.push_back({form.xml_form_id, form.title, reached.version.version, reached.version.md5,
                       url + ".xml", (*definition)->media.empty() ? "" : url + "/manifest"});
  }
  return OpenRosaReply(200, FormListXml(entries), deps.accept_length, request.method);
}

// The caller and the form of the {form} path segment, for the downloads (not OpenRosa
// endpoints: their errors are JSON, as Central's are).
struct Download {
  Caller caller;
  domain::ReachedForm reached;
};
Result<Download> ForDownload(OpenRosaDeps& deps, http::Request& request, bool strip_xml) {
  auto caller = Authenticate(deps.services, deps.public_url, request);
  if (!caller) return Fail(caller.error());
  auto reached = deps.services.xforms.ForDownload(caller->actor, caller->device_id,
                                                  FormParam(request, strip_xml));
  if (!reached) return Fail(reached.error());
  return Download{std::move(*caller), std::move(*reached)};
}

http::Response FormXml(OpenRosaDeps& deps, http::Request& request) {
  auto download = ForDownload(deps, request, true);
  if (!download) return ErrorResponse(download.error());
  const domain::ReachedForm* reached = &download->reached;
  auto xml = deps.services.blobs.Get(reached->version.xml_hash);
  if (!xml) return ErrorResponse(Error::Internal("a form's XML is missing"));
  http::Response r;
  r.content_type = "application/xml; charset=utf-8";
  r.body = std::move(*xml);
  r.SetHeader("Cache-Control", "private, no-cache");
  return r;
}

// The media files of a form for this caller: a custom form's uploaded files, or a built-in
// form's CSV choice lists for the caller's areas. Without bytes (a manifest) only names and
// MD5s, a built-in list's MD5 from the cache while its rows have not changed. `only` (a
// download): just that file, so a built-in list is read from the database once per download,
// not once per list of the form.
std::vector<MediaFile> FormMedia(OpenRosaDeps& deps, const Caller& caller,
                                 const domain::ReachedForm& reached, bool with_bytes,
                                 std::string_view only = {}) {
  std::vector<MediaFile> files;
  if (reached.form.kind != domain::FormKind::kCustom) {
    const std::string kind(domain::ToString(reached.form.kind));
    return with_bytes ? deps.builtin.Media(kind, caller.actor, only)
                      : deps.builtin.MediaHashes(kind, caller.actor);
  }
  for (const domain::XFormMedia& m :
       deps.services.xforms.Media(reached.form.id, reached.version.version)) {
    MediaFile f{m.name, m.content_type, "", m.md5};
    if (with_bytes) {
      auto bytes = deps.services.blobs.Get(m.blob_hash);
      if (!bytes) continue;
      f.bytes = std::move(*bytes);
    }
    files.push_back(std::move(f));
  }
  return files;
}

http::Response Manifest(OpenRosaDeps& deps, http::Request& request) {
  if (auto bad = CheckVersionHeader(deps, request)) return *bad;
  auto caller = Authenticate(deps.services, deps.public_url, request);
  if (!caller) return OpenRosaError(deps, caller.error(), request);
  auto reached =
      deps.services.xforms.ForDownload(caller->actor, caller->device_id, FormParam(request, false));
  if (!reached) return OpenRosaError(deps, reached.error(), request);
  std::vector<ManifestEntry> entries;
  const std::string url =
      caller->base + "/forms/" + UriComponent(reached->form.xml_form_id) + "/attachments/";
  for (const MediaFile& f : FormMedia(deps, *caller, *reached, false)) {
    entries.push_back({f.name, f.md5, url + UriComponent(f.name)});
  }
  return OpenRosaReply(200, ManifestXml(entries), deps.accept_length, request.method);
}

http::Response Media(OpenRosaDeps& deps, http::Request& request) {
  auto download = ForDownload(deps, request, false);
  if (!download) return ErrorResponse(download.error());
  const std::string& name = request.path_params.at("name");
  for (MediaFile& f : FormMedia(deps, download->caller, download->reached, true, name)) {
    if (f.name != name) continue;
    http::Response r;
    r.content_type = f.content_type.empty() ? "application/octet-stream" : f.content_type;
    r.SetHeader("ETag", "\"" + f.md5 + "\"");
    r.SetHeader("Content-Disposition", ContentDisposition(name, r.content_type));
    r.SetHeader("Cache-Control", "private, no-cache");
    r.body = std::move(f.bytes);
    return r;
  }
  return ErrorResponse(Error::NotFound("media file"));
}

http::Response SubmissionPreflight(OpenRosaDeps& deps, http::Request& request) {
  if (auto bad = CheckVersionHeader(deps, request)) return *bad;
  auto caller = Authenticate(deps.services, deps.public_url, request);
  if (!caller) return OpenRosaError(deps, caller.error(), request);
  return OpenRosaReply(204, "", deps.accept_length, request.method);
}

struct Route {
  const char* method;
  const char* path;  // below /openrosa and /openrosa/key/{token}
  Handler handler;
};

constexpr Route kRoutes[] = {
    {"GET", "/formList", FormList},
    {"GET", "/forms/{form}", FormXml},
    {"GET", "/forms/{form}/manifest", Manifest},
    {"GET", "/forms/{form}/attachments/{name}", Media},
    {"HEAD", "/submission", SubmissionPreflight},
    {"GET", "/submission", SubmissionPreflight},
    {"POST", "/submission", PostSubmission},
};

}  // namespace

http::Response OpenRosaError(const OpenRosaDeps& deps, const Error& error,
                             const http::Request& request) {
  std::string message = error.message;
  for (const auto& [field, problem] : error.fields) {
    message += (message.empty() ? "" : " ") + field + ": " + problem.Text() + ".";
  }
  return OpenRosaReply(StatusOf(error), MessageXml(message, "error"), deps.accept_length,
                       request.method);
}

std::optional<http::Response> CheckVersionHeader(const OpenRosaDeps& deps,
                                                 const http::Request& request) {
  auto it = request.headers.find("x-openrosa-version");
  if (it != request.headers.end() && it->second == "1.0") return std::nullopt;
  std::string message =
      "An expected header field (X-OpenRosa-Version) did not match the expected format";
  message += it == request.headers.end() ? "." : " (got: " + it->second + ").";
  return OpenRosaError(deps, Error::Validation(message), request);
}

void PublishBuiltinForms(OpenRosaDeps& deps) {
  for (const GeneratedForm& generated : deps.builtin.Generate()) {
    auto kind = domain::ParseFormKind(generated.kind);
    if (!kind) continue;
    auto upload = PrepareUpload(deps.services.blobs, generated.xml, *kind);
    if (!upload) {
      spdlog::error("built-in form {} does not read: {}", generated.kind, upload.error().message);
      continue;
    }
    upload->publish = true;
    auto done = deps.services.xforms.Upload(domain::Actor::System("builtin forms"), *upload);
    if (done)
      spdlog::info("published built-in form {} version {}", generated.xml_form_id,
                   generated.version);
  }
}

void AddOpenRosaRoutes(RouteTable& table, Services& services, const ApiOptions& options) {
  auto deps =
      std::make_shared<OpenRosaDeps>(services, options.public_url, options.submission_limit);
  PublishBuiltinForms(*deps);
  for (const Route& route : kRoutes) {
    auto handler = [deps, h = route.handler](http::Request& request) { return h(*deps, request); };
    table.Public(route.method, std::string("/openrosa") + route.path, handler);
    table.Public(route.method, std::string("/openrosa/key/{token}") + route.path, handler);
  }
}

}  // namespace mobilise::api::openrosa
