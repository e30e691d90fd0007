// /api/v1/forms/{id}/submissions and /api/v1/submissions/{id}: a custom form's submissions, read
// and reviewed (domain/forms/submission_review.hpp; docs/openrosa.md).

#include "api/openrosa/form_files.hpp"
#include "api/openrosa/openrosa_xml.hpp"
#include "api/report_export.hpp"
#include "api/routes.hpp"
#include "api/submission_json.hpp"
#include "api/xform_json.hpp"
#include "reports/submission_rows.hpp"
#include "xforms/xform.hpp"

namespace mobilise::api {
namespace {

struct ReviewDeps {
  Services services;
  domain::SubmissionReviewService reviews;
};

// The definition of a form version, read from its XML in the blob store.
std::optional<xforms::FormDefinition> Definition(domain::BlobStore& blobs,
                                                 const domain::XFormVersion& version) {
  auto xml = blobs.Get(version.xml_hash);
  if (!xml) return std::nullopt;
  auto form = xforms::ReadXForm(*xml);
  if (!form) return std::nullopt;
  return std::move(*form);
}

// The submission's leaves as [path, value]; read with its form version's definition when the
// blob is there (repeats then get their [n] also when they hold one entry).
std::vector<std::vector<std::string>> Values(domain::BlobStore& blobs,
                                             const domain::SubmissionDetail& d) {
  std::vector<std::vector<std::string>> out;
  if (!d.xml) return out;
  const auto form = d.form_version ? Definition(blobs, *d.form_version) : std::nullopt;
  auto instance = form ? xforms::ReadInstance(*d.xml, *form) : xforms::ReadInstance(*d.xml);
  if (!instance) return out;
  for (auto& [path, value] : instance->values) out.push_back({path, value});
  return out;
}

boost::json::object DetailJson(domain::BlobStore& blobs, const domain::SubmissionDetail& d) {
  SubmissionView view{d, Values(blobs, d)};
  return SubmissionViewShape().Write(view);
}

http::Response ListSubmissions(ReviewDeps& d, Call& c) {
  std::optional<domain::ReviewState> state;
  if (auto text = QueryText(c.request, "review_state")) {
    state = domain::ParseReviewState(*text);
    if (!state) {
      return ErrorResponse(Error::Field(
          "review_state", problem::OneOf(std::vector<std::string>(domain::kReviewStates.begin(),
                                                                  domain::kReviewStates.end()))));
    }
  }
  auto page_size = ParsePage(c.request);  // its `limit` (1..the house maximum) only
  if (!page_size) return ErrorResponse(page_size.error());
  auto page = d.reviews.List(c.actor(), c.param("id"), state, QueryText(c.request, "area_id"),
                             QueryText(c.request, "cursor"), static_cast<int>(page_size->limit));
  return Reply(page, 200,
               [](const domain::SubmissionPage& p) { return SubmissionPageShape().Write(p); });
}

http::Response GetSubmission(ReviewDeps& d, Call& c) {
  return Reply(d.reviews.Get(c.actor(), c.param("id")), 200,
               [&](const domain::SubmissionDetail& x) { return DetailJson(d.services.blobs, x); });
}

http::Response ReviewSubmission(ReviewDeps& d, Call& c) {
  auto in = ReadVersioned(c.request, ReadReview);
  if (!in) return ErrorResponse(in.error());
  return Updated(
      d.reviews.Review(c.actor(), c.param("id"), in->version, in->input),
      [&] { return d.reviews.Get(c.actor(), c.param("id")); },
      [&](const domain::SubmissionDetail& x) { return DetailJson(d.services.blobs, x); });
}

// An attachment's bytes, as a download named as the submission names it (characters other than
// letters, digits, '.', '-' and '_' as '_' in the header).
http::Response SubmissionAttachment(ReviewDeps& d, Call& c) {
  auto file = d.reviews.Attachment(c.actor(), c.param("id"), c.param("name"));
  if (!file) return ErrorResponse(file.error());
  http::Response r;
  r.content_type = file->content_type.empty() ? "application/octet-stream" : file->content_type;
  r.SetHeader("Content-Disposition", openrosa::ContentDisposition(file->name, r.content_type));
  r.SetHeader("ETag", "\"" + openrosa::Md5Hex(file->bytes) + "\"");
  r.body = std::move(file->bytes);
  r.SetHeader("Cache-Control", "private, max-age=3600");
  return r;
}

reports::SubmissionMeta MetaOf(const domain::SubmissionRow& row) {
  const auto& s = row.submission;
  reports::SubmissionMeta m;
  m.submission_date = s.submitted_at;
  m.instance_id = s.instance_id;
  m.submitter_id = s.user_id;
  m.submitter_name = row.user_name;
  m.review_state = std::string(ToString(s.review_state));
  m.device_id = s.device_ref.value_or(s.collect_device_id.value_or(""));
  m.form_version = s.form_version;
  m.attachments_present = static_cast<int>(s.attachments_present);
  m.attachments_expected = static_cast<int>(s.attachments_expected);
  m.edits = static_cast<int>(row.edits);
  return m;
}

// The form's submissions as Central exports them (reports/submission_rows.hpp), laid out by the
// published version's questions (the latest version's before one is published), from the answers
// stored at ingest (the XML read again only for submissions stored before them).
http::Response ExportSubmissions(ReviewDeps& d, Call& c, std::string_view format) {
  auto form = d.reviews.Exportable(c.actor(), c.param("id"));
  if (!form) return ErrorResponse(form.error());
  const domain::XFormVersion* version = nullptr;
  for (const auto& v : form->versions)
    if (!form->published_version || v.version == *form->published_version) version = &v;
  const auto definition = version ? Definition(d.services.blobs, *version) : std::nullopt;
  if (!definition) return ErrorResponse(Error::Internal("a form's XML is missing"));
  std::vector<reports::FormField> fields;
  for (const auto& f : definition->fields) fields.push_back({f.path, f.type, f.repeat});
  const reports::SubmissionTables tables(form->xml_form_id, fields);
  reports::Exportable what;
  what.name = form->xml_form_id;
  what.formats = {reports::ExportFormat::kCsvZip, reports::ExportFormat::kXlsx};
  what.row_tables = tables.tables();
  what.rows = [&](reports::RowWriter& out) {
    return d.reviews.ForEach(c.actor(), form->id,
                             [&](const domain::ExportedSubmission& e) -> Status {
                               if (e.row.answers)
                                 return tables.Write(out, MetaOf(e.row), *e.row.answers);
                               xforms::Instance values;  // stored before answers were
                               if (e.xml)
                                 if (auto read = xforms::ReadInstance(*e.xml, *definition))
                                   values = std::move(*read);
                               return tables.Write(out, MetaOf(e.row), values.values);
                             });
  };
  return ExportResponse(reports::Export(what, format));
}

http::Response ExportCsvZip(ReviewDeps& d, Call& c) { return ExportSubmissions(d, c, "csv.zip"); }
http::Response ExportXlsx(ReviewDeps& d, Call& c) { return ExportSubmissions(d, c, "xlsx"); }

// A media file of a custom form (raw body, ?name=, ?version= else the latest version), listed in
// that version's manifest. Answers the form.
http::Response AddFormMedia(ReviewDeps& d, Call& c) {
  auto& s = d.services;
  auto form = s.xforms.Get(c.actor(), c.param("id"));
  if (!form) return ErrorResponse(form.error());
  const auto name = QueryText(c.request, "name");
  if (!name || name->find_first_of("/\\") != std::string::npos || name->starts_with('.'))
    return ErrorResponse(Error::Field("name", problem::Invalid()));
  if (c.request.body.empty()) return ErrorResponse(Error::Field("body", problem::Required()));
  domain::XFormMedia media;
  media.form_id = form->id;
  media.version = QueryText(c.request, "version")
                      .value_or(form->versions.empty() ? "" : form->versions.back().version);
  media.name = *name;
  const std::string_view type = c.request.Header("content-type");
  media.content_type = type.empty() ? "application/octet-stream" : std::string(type);
  media.md5 = openrosa::Md5Hex(c.request.body);
  media.blob_hash = s.blobs.Put(c.request.body);
  if (auto ok = s.xforms.AddMedia(c.actor(), media); !ok) return ErrorResponse(ok.error());
  return Reply(s.xforms.Get(c.actor(), form->id), 201,
               [](const domain::XForm& f) { return XFormShape().Write(f); });
}

}  // namespace

void AddSubmissionRoutes(RouteTable& t, Services& s) {
  // clang-format off
  static constexpr AuthedRoute<ReviewDeps> kRoutes[] = {
      {"GET", "/api/v1/forms/{id}/submissions", ListSubmissions},
      {"GET", "/api/v1/submissions/{id}", GetSubmission},
      {"PATCH", "/api/v1/submissions/{id}", ReviewSubmission},
      {"GET", "/api/v1/submissions/{id}/attachments/{name}", SubmissionAttachment},
      {"GET", "/api/v1/forms/{id}/submissions.csv.zip", ExportCsvZip},
      {"GET", "/api/v1/forms/{id}/submissions.xlsx", ExportXlsx},
      {"POST", "/api/v1/forms/{id}/media", AddFormMedia},
  };
  // clang-format on
  t.Authed(ReviewDeps{s, domain::SubmissionReviewService(s.db, s.clock, s.blobs)}, kRoutes);
}

}  // namespace mobilise::api
