// /activities (with submit, verify, return and files) and /files/{id}.
#include "api/activity_json.hpp"
#include "api/record_handlers.hpp"
#include "api/routes.hpp"
#include "domain/activities/activity_service.hpp"
#include "reports/image.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {

bool IsTrue(const std::optional<std::string>& v) { return v == std::optional<std::string>("true"); }

Result<domain::ActivityFilter> ReadFilter(const http::Request& request) {
  using F = domain::ActivityFilter;
  static constexpr QueryTextField<F> kTexts[] = {
      {"area", &F::area_id}, {"status", &F::status}, {"type", &F::type}, {"topic", &F::topic}};
  static constexpr QueryTextField<F> kDates[] = {{"from", &F::from}, {"to", &F::to}};
  auto f = ReadListFilter<F>(request, kTexts, kDates);
  if (!f) return f;
  f->mine = IsTrue(QueryText(request, "mine"));
  f->queue = IsTrue(QueryText(request, "queue"));
  return f;
}

json::object SummaryJson(const std::vector<domain::ActivityMonthCount>& v) {
  return ItemsJson(v, ActivityMonthJson);
}

json::object FilesJson(const std::vector<domain::StoredFile>& v) {
  return ItemsJson(v, FileJson, /*with_total=*/true);
}

// A file's name made safe for a Content-Disposition header.
std::string SafeFileName(const std::string& name) {
  std::string safe;
  for (char ch : name)
    safe += (std::isalnum(static_cast<unsigned char>(ch)) || ch == '.' || ch == '-' || ch == '_')
                ? ch
                : '_';
  return safe;
}

// ?thumb=N: a JPEG of an image photo scaled to fit N pixels (32..800), for lists on phones.
Status MakeThumbnail(const std::string& thumb, http::Response& resp) {
  const auto side = ParseInt(thumb);
  if (!side || *side < 32 || *side > 800)
    return Fail(Error::Field("thumb", problem::ThumbSize(32, 800)));
  if (resp.content_type != "image/jpeg" && resp.content_type != "image/png")
    return Fail(Error::Field("thumb", problem::OnlyPhotosHaveThumbnails()));
  auto small = reports::MakeThumbnail(resp.body, static_cast<int>(*side));
  if (!small) return Fail(Error::Field("thumb", problem::PhotoUndecodable()));
  resp.body = std::move(*small);
  resp.content_type = "image/jpeg";
  return {};
}

}  // namespace

// The handlers: request -> service call -> reply. Those that pass the record to one service
// method are named with record_handlers.hpp.
namespace {

using A = domain::ActivityService;

constexpr auto ListActivities = ListByFilter<ReadFilter, &A::List, ActivityJson>;

http::Response ActivitySummary(Services& s, Call& c) {
  auto text = [&](const char* k) { return QueryText(c.request, k); };
  auto dates = QueryDates(c.request, {"from", "to"});
  if (!dates) return ErrorResponse(dates.error());
  return Reply(s.activities.MonthlyCounts(c.actor(), text("area"), (*dates)[0], (*dates)[1],
                                          IsTrue(text("include_unverified"))),
               200, SummaryJson);
}

constexpr auto CreateActivity =
    CreateFromBody<ReadNew<ReadActivity>, &A::Create, ActivityDetailJson>;
constexpr auto GetActivity = GetById<&A::Get, ActivityDetailJson>;
constexpr auto UpdateActivity = PatchById<ReadActivity, &A::Update, &A::Get, ActivityDetailJson>;
constexpr auto DeleteActivity = DeleteById<&A::Delete>;

http::Response Transition(Services& s, Call& c, const std::string& action) {
  auto in = ReadBody(c.request, ReadActivityStep);
  if (!in) return ErrorResponse(in.error());
  const auto& [version, comment] = *in;
  return Reply(s.activities.Transition(c.actor(), c.param("id"), action, version, comment), 200,
               ActivityDetailJson);
}

http::Response Submit(Services& s, Call& c) { return Transition(s, c, "submit"); }
http::Response Verify(Services& s, Call& c) { return Transition(s, c, "verify"); }
http::Response Return(Services& s, Call& c) { return Transition(s, c, "return"); }

http::Response ListFiles(Services& s, Call& c) {
  return Reply(s.activities.Files(c.actor(), c.param("id")), 200, FilesJson);
}

// The body is the file itself; its name in ?filename=, its type in Content-Type (checked
// against the bytes).
http::Response AddFile(Services& s, Call& c) {
  const auto name = c.request.Query("filename").value_or("");
  std::string type(c.request.Header("content-type"));
  // The file's own id, if the client made one, is `?id=` (an idempotent create).
  return Reply(s.activities.AddFile(c.actor(), c.param("id"), name, type, c.request.body,
                                    c.request.Query("id")),
               201, FileJson);
}

http::Response ReadFile(Services& s, Call& c) {
  auto file = s.activities.ReadFile(c.actor(), c.param("id"));
  if (!file) return ErrorResponse(file.error());
  http::Response resp;
  resp.status = 200;
  resp.content_type = file->first.mime;
  resp.body = std::move(file->second);
  if (auto thumb = c.request.Query("thumb"))
    if (auto ok = MakeThumbnail(*thumb, resp); !ok) return ErrorResponse(ok.error());
  resp.SetHeader("Content-Disposition",
                 "inline; filename=\"" + SafeFileName(file->first.name) + "\"");
  resp.SetHeader("Cache-Control", "private, max-age=3600");
  return resp;
}

}  // namespace

void AddActivityRoutes(RouteTable& t, Services& s) {
  static constexpr AuthedRoute<Services> kRoutes[] = {
      {"GET", "/api/v1/activities", ListActivities},
      {"GET", "/api/v1/activities/summary", ActivitySummary},
      {"POST", "/api/v1/activities", CreateActivity, Create::kJson, GetActivity},
      {"GET", "/api/v1/activities/{id}", GetActivity},
      {"PATCH", "/api/v1/activities/{id}", UpdateActivity},
      {"DELETE", "/api/v1/activities/{id}", DeleteActivity},
      {"POST", "/api/v1/activities/{id}/submit", Submit},
      {"POST", "/api/v1/activities/{id}/verify", Verify},
      {"POST", "/api/v1/activities/{id}/return", Return},
      {"GET", "/api/v1/activities/{id}/files", ListFiles},
      {"POST", "/api/v1/activities/{id}/files", AddFile, Create::kRaw},
      {"GET", "/api/v1/files/{id}", ReadFile},
  };
  t.Authed(s, kRoutes);
}

}  // namespace mobilise::api
