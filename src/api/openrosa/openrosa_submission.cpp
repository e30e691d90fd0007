// POST /submission (reference §2.7): multipart parse (errors as JSON 400), X-OpenRosa-Version,
// caller, the xml_submission_file part, the instance, its form and version, the files it
// names, a built-in form's record (BuiltinForms::Ingest), then SubmissionService::Ingest.
#include <algorithm>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "api/openrosa/multipart.hpp"
#include "api/openrosa/openrosa_caller.hpp"
#include "api/openrosa/openrosa_routes.hpp"
#include "api/openrosa/openrosa_xml.hpp"
#include "core/id.hpp"
#include "domain/forms/submission_service.hpp"

namespace mobilise::api::openrosa {
namespace {

constexpr std::size_t kMaxRef = 255;

http::Response MultipartFailed(const std::string& details) {
  http::Response r;
  r.status = 400;
  r.body = boost::json::serialize(boost::json::object{
      {"error", boost::json::object{{"code", "validation"},
                                    {"message", "Multipart form content failed to parse."},
                                    {"details", details}}}});
  return r;
}

std::optional<std::string> Truncated(std::optional<std::string> text) {
  if (!text || text->empty()) return std::nullopt;
  if (text->size() > kMaxRef) text->resize(kMaxRef);
  return text;
}

// The value of the instance's first leaf called `area` (a custom form's area field).
std::optional<std::string> AreaField(const xforms::Instance& instance) {
  for (const auto& [path, value] : instance.values) {
    if (path == "area" || path.ends_with("/area")) return value;
  }
  return std::nullopt;
}

// `error`, unless the XML breaks its grammar: that error comes first (as when the whole instance
// was read before the form was looked up).
Error XmlErrorFirst(std::string_view xml, const Error& error) {
  auto read = xforms::ReadInstance(xml);
  return read ? error : Error::Validation(read.error().message);
}

struct Received {
  domain::SubmissionInput input;
  std::vector<Upload> uploads;  // every file part but the XML, for a built-in form
};

// The files the XML names, stored; the uploads (copies of every file part) for a built-in form.
void StoreParts(OpenRosaDeps& deps, const std::vector<Part>& parts,
                const std::vector<std::string>& expected, bool builtin, Received& received) {
  for (const Part& part : parts) {
    if (part.name == "xml_submission_file" || !part.filename) continue;
    std::string type = part.content_type.empty() ? "application/octet-stream" : part.content_type;
    if (builtin) received.uploads.push_back({part.name, type, std::string(part.data)});
    if (std::find(expected.begin(), expected.end(), part.name) == expected.end()) continue;
    received.input.files.push_back({part.name, type, deps.services.blobs.Put(part.data),
                                    static_cast<std::int64_t>(part.data.size())});
  }
}

// A built-in form's record, made before the submission row (nothing is stored if it fails).
Status MakeRecord(OpenRosaDeps& deps, const domain::XForm& form, const xforms::Instance& instance,
                  const Caller& caller, Received& received) {
  const std::string kind(domain::ToString(form.kind));
  auto existing = deps.services.submissions.Find(form.id, received.input.instance_id);
  if (existing) {  // a resend: the record exists; new files go to it after the row is updated
    received.input.record_type = existing->record_type;
    received.input.record_id = existing->record_id;
    if (!existing->xml_hash) received.input.xml_hash.reset();
    return {};
  }
  auto made = deps.builtin.Ingest(kind, instance, caller.actor, received.uploads);
  if (!made) return Fail(made.error());
  received.input.record_type = made->record_type;
  received.input.record_id = made->record_id;
  if (made->receipt_only) received.input.xml_hash.reset();
  return {};
}

}  // namespace

http::Response PostSubmission(OpenRosaDeps& deps, http::Request& request) {
  const std::string_view content_type = request.Header("content-type");
  std::vector<Part> parts;
  if (IsMultipartFormData(content_type)) {
    auto parsed = ParseMultipart(content_type, request.body);
    if (!parsed) return MultipartFailed(parsed.error().message);
    parts = std::move(*parsed);
  }
  if (auto bad = CheckVersionHeader(deps, request)) return *bad;
  auto caller = Authenticate(deps.services, deps.public_url, request);
  if (!caller) return OpenRosaError(deps, caller.error(), request);
  const Part* xml_part = nullptr;
  for (const Part& p : parts) {
    if (p.name == "xml_submission_file" && p.filename && !xml_part) xml_part = &p;
  }
  if (!xml_part) {
    return OpenRosaError(
        deps, Error::Validation("Required multipart POST field xml_submission_file missing."),
        request);
  }
  // The root's id and version find the form; the instance is then read once, with the form.
  auto header = xforms::ReadInstanceHeader(xml_part->data);
  if (!header) return OpenRosaError(deps, Error::Validation(header.error().message), request);
  auto reached = deps.services.xforms.ForSubmission(caller->actor, caller->device_id,
                                                    header->xml_form_id, header->version);
  if (!reached) return OpenRosaError(deps, XmlErrorFirst(xml_part->data, reached.error()), request);
  auto definition = deps.cache.Get(reached->version.xml_hash);
  if (!definition) {
    return OpenRosaError(deps, XmlErrorFirst(xml_part->data, definition.error()), request);
  }
  auto instance = xforms::ReadInstance(xml_part->data, **definition);
  if (!instance) return OpenRosaError(deps, Error::Validation(instance.error().message), request);
  if (instance->instance_id.empty()) instance->instance_id = NewId();

  Received received;
  domain::SubmissionInput& in = received.input;
  in.form_id = reached->form.id;
  in.form_version = reached->version.version;
  in.instance_id = instance->instance_id;
  in.deprecated_id = instance->deprecated_id;
  in.instance_name = instance->instance_name;
  in.xml_sha256 = Sha256Hex(xml_part->data);
  in.xml_hash = in.xml_sha256;  // stored below unless a built-in record keeps a receipt only
  in.expected_files = xforms::ReferencedFiles(**definition, *instance);
  in.collect_device_id =
      caller->device_id.empty() ? std::nullopt : std::optional<std::string>(caller->device_id);
  in.device_ref = Truncated(request.Query("deviceID"));
  std::string agent(request.Header("user-agent"));
  if (auto client = request.Header("odk-client"); !client.empty()) {
    agent = std::string(client) + " " + agent;
  }
  in.user_agent = Truncated(agent);
  const bool custom = reached->form.kind == domain::FormKind::kCustom;
  StoreParts(deps, parts, in.expected_files, !custom, received);
  if (custom) {
    in.area_ref = AreaField(*instance);
    in.values = instance->values;
  } else if (auto made = MakeRecord(deps, reached->form, *instance, *caller, received); !made) {
    return OpenRosaError(deps, made.error(), request);
  }
  if (in.xml_hash) deps.services.blobs.Put(xml_part->data);
  auto done = deps.services.submissions.Ingest(caller->actor, in);
  if (!done) return OpenRosaError(deps, done.error(), request);
  if (reached->form.kind != domain::FormKind::kCustom &&
      done->outcome == domain::IngestOutcome::kResent && in.record_type) {
    const IngestResult record{*in.record_type, in.record_id.value_or(""), !in.xml_hash};
    for (const domain::SubmissionFile& f : done->stored) {
      for (const Upload& u : received.uploads) {
        if (u.name == f.name) {
          (void)deps.builtin.Attach(std::string(domain::ToString(reached->form.kind)), record,
                                    caller->actor, u);
        }
      }
    }
  }
  return OpenRosaReply(201, MessageXml("full submission upload was successful!", ""),
                       deps.accept_length, request.method);
}

}  // namespace mobilise::api::openrosa
