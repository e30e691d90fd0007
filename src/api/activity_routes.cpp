// /activities (with submit, verify, return and files) and /files/{id}.
#include "api/routes.hpp"
#include "domain/activities/activity_service.hpp"
#include "reports/image.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {

json::object FileJson(const domain::StoredFile& f) {
  return {{"id", f.id},
          {"name", f.name},
          {"mime", f.mime},
          {"size", f.size},
          {"url", "/api/v1/files/" + f.id},
          {"created_at", f.created_at}};
}

json::object ActivityJson(const domain::Activity& a) {
  json::array topics, institutions, facilitators, counts, attendance;
  for (const auto& t : a.topics) topics.push_back(json::value(t));
  for (const auto& i : a.institution_ids) institutions.push_back(json::value(i));
  for (const auto& f : a.facilitators)
    facilitators.push_back(
        json::object{{"user_id", Nullable(f.user_id)}, {"name", Nullable(f.name)}});
  for (const auto& c : a.counts)
    counts.push_back(json::object{{"sex", c.sex},
                                  {"age_band", c.age_band},
                                  {"disability", c.disability},
                                  {"count", c.count}});
  for (const auto& t : a.attendance)
    attendance.push_back(json::object{
        {"person_id", t.person_id},
        {"person_name", t.person_name},
        {"person_sex", t.person_sex},
        {"attended", t.attended},
        {"pre_score", t.pre_score ? json::value(*t.pre_score) : json::value(nullptr)},
        {"post_score", t.post_score ? json::value(*t.post_score) : json::value(nullptr)}});
  return {{"id", a.id},
          {"type", a.type},
          {"course_id", Nullable(a.course_id)},
          {"title", Nullable(a.title)},
          {"held_on", a.held_on},
          {"start_time", Nullable(a.start_time)},
          {"end_time", Nullable(a.end_time)},
          {"area_id", a.area_id},
          {"area_name", a.area_name},
          {"place", Nullable(a.place)},
          {"status", a.status},
          {"author_id", Nullable(a.author_id)},
          {"author_name", Nullable(a.author_name)},
          {"submitted_at", Nullable(a.submitted_at)},
          {"verified_by", Nullable(a.verified_by)},
          {"verified_by_name", Nullable(a.verified_by_name)},
          {"verified_at", Nullable(a.verified_at)},
          {"return_comment", Nullable(a.return_comment)},
          {"decisions", Nullable(a.decisions)},
          {"follow_up", Nullable(a.follow_up)},
          {"notes", Nullable(a.notes)},
          {"topics", std::move(topics)},
          {"institution_ids", std::move(institutions)},
          {"facilitators", std::move(facilitators)},
          {"counts", std::move(counts)},
          {"attendance", std::move(attendance)},
          {"counted_total", a.counted_total},
          {"named_total", a.named_total},
          {"file_count", a.file_count},
          {"version", a.version},
          {"created_at", a.created_at},
          {"updated_at", a.updated_at}};
}

// One activity as read or changed alone: with its corrections (when, by whom, why).
json::object ActivityDetailJson(const domain::Activity& a) {
  auto o = ActivityJson(a);
  json::array corrections;
  for (const auto& c : a.corrections)
    corrections.push_back(json::object{{"at", c.at},
                                       {"by", Nullable(c.by)},
                                       {"by_name", Nullable(c.by_name)},
                                       {"reason", Nullable(c.reason)}});
  o["corrections"] = std::move(corrections);
  return o;
}

domain::ActivityInput ReadInput(ObjectReader& r) {
  domain::ActivityInput in;
  in.type = r.OptionalString("type");
  in.course_id = r.ClearableString("course_id");
  in.title = r.ClearableString("title");
  in.held_on = r.OptionalString("held_on");
  in.start_time = r.ClearableString("start_time");
  in.end_time = r.ClearableString("end_time");
  in.area_id = r.OptionalString("area_id");
  in.place = r.ClearableString("place");
  in.decisions = r.ClearableString("decisions");
  in.follow_up = r.ClearableString("follow_up");
  in.notes = r.ClearableString("notes");
  in.participants_total = r.OptionalInt("participants_total");
  in.correction_reason = r.OptionalString("correction_reason");
  in.topics = r.OptionalStrings("topics");
  in.institution_ids = r.OptionalStrings("institution_ids");
  in.facilitators = ReadObjects<domain::Facilitator>(
      r, "facilitators", r.OptionalArray("facilitators"), [](ObjectReader& o) {
        return domain::Facilitator{o.OptionalString("user_id"), o.OptionalString("name")};
      });
  in.counts = ReadObjects<domain::ParticipantCount>(
      r, "counts", r.OptionalArray("counts"), [](ObjectReader& o) {
        domain::ParticipantCount c;
        c.sex = o.RequiredString("sex");
        c.age_band = o.RequiredString("age_band");
        c.disability = o.OptionalBool("disability").value_or(false);
        c.count = o.RequiredInt("count");
        return c;
      });
  in.attendance = ReadObjects<domain::Attendance>(
      r, "attendance", r.OptionalArray("attendance"), [](ObjectReader& o) {
        domain::Attendance t;
        t.person_id = o.RequiredString("person_id");
        t.attended = o.OptionalBool("attended").value_or(true);
        // null: not tested.
        t.pre_score = o.NullableNumber("pre_score").value_or(std::nullopt);
        t.post_score = o.NullableNumber("post_score").value_or(std::nullopt);
        return t;
      });
  return in;
}

}  // namespace

// Readers and writers that the handlers used to hold inline.
namespace {

bool IsTrue(const std::optional<std::string>& v) { return v == std::optional<std::string>("true"); }

domain::ActivityFilter ReadFilter(const http::Request& request, const domain::PageRequest& page) {
  domain::ActivityFilter f;
  f.page = page;
  auto text = [&](const char* k) { return QueryText(request, k); };
  f.area_id = text("area");
  f.status = text("status");
  f.type = text("type");
  f.topic = text("topic");
  f.from = text("from");
  f.to = text("to");
  f.mine = IsTrue(text("mine"));
  f.queue = IsTrue(text("queue"));
  return f;
}

json::object MonthCountJson(const domain::ActivityMonthCount& x) {
  return json::object{{"month", x.month},           {"type", x.type},
                      {"topic", Nullable(x.topic)}, {"sex", x.sex},
                      {"activities", x.activities}, {"participants", x.participants}};
}

json::object SummaryJson(const std::vector<domain::ActivityMonthCount>& v) {
  return ItemsJson(v, MonthCountJson);
}

json::object FilesJson(const std::vector<domain::StoredFile>& v) {
  return ItemsJson(v, FileJson, /*with_total=*/true);
}

// The body of submit, verify and return.
struct StepInput {
  std::optional<std::string> comment;
};

StepInput ReadStep(ObjectReader& r) { return StepInput{r.OptionalString("comment")}; }

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
    return Fail(Error::Field("thumb", "a size from 32 to 800 pixels"));
  if (resp.content_type != "image/jpeg" && resp.content_type != "image/png")
    return Fail(Error::Field("thumb", "only photos have thumbnails"));
  auto small = reports::MakeThumbnail(resp.body, static_cast<int>(*side));
  if (!small) return Fail(Error::Field("thumb", "the photo cannot be decoded"));
  resp.body = std::move(*small);
  resp.content_type = "image/jpeg";
  return {};
}

}  // namespace

// The handlers: request -> service call -> reply.
namespace {

http::Response ListActivities(Services& s, Call& c) {
  auto page = ParsePage(c.request);
  if (!page) return ErrorResponse(page.error());
  return ReplyPage(s.activities.List(c.actor(), ReadFilter(c.request, *page)), *page, ActivityJson);
}

http::Response ActivitySummary(Services& s, Call& c) {
  auto text = [&](const char* k) { return QueryText(c.request, k); };
  return Reply(s.activities.MonthlyCounts(c.actor(), text("area"), text("from"), text("to"),
                                          IsTrue(text("include_unverified"))),
               200, SummaryJson);
}

http::Response CreateActivity(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadInput);
  if (!in) return ErrorResponse(in.error());
  return Reply(s.activities.Create(c.actor(), *in), 201, ActivityDetailJson);
}

http::Response GetActivity(Services& s, Call& c) {
  return Reply(s.activities.Get(c.actor(), c.param("id")), 200, ActivityDetailJson);
}

http::Response UpdateActivity(Services& s, Call& c) {
  auto in = ReadVersioned(c.request, ReadInput);
  if (!in) return ErrorResponse(in.error());
  const auto& id = c.param("id");
  return Updated(
      s.activities.Update(c.actor(), id, in->version, in->input),
      [&] { return s.activities.Get(c.actor(), id); }, ActivityDetailJson);
}

http::Response DeleteActivity(Services& s, Call& c) {
  return NoContent(s.activities.Delete(c.actor(), c.param("id")));
}

http::Response Transition(Services& s, Call& c, const std::string& action) {
  auto in = ReadVersioned(c.request, ReadStep);
  if (!in) return ErrorResponse(in.error());
  return Reply(
      s.activities.Transition(c.actor(), c.param("id"), action, in->version, in->input.comment),
      200, ActivityDetailJson);
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
  return Reply(s.activities.AddFile(c.actor(), c.param("id"), name, type, c.request.body), 201,
               FileJson);
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
      {"POST", "/api/v1/activities", CreateActivity},
      {"GET", "/api/v1/activities/{id}", GetActivity},
      {"PATCH", "/api/v1/activities/{id}", UpdateActivity},
      {"DELETE", "/api/v1/activities/{id}", DeleteActivity},
      {"POST", "/api/v1/activities/{id}/submit", Submit},
      {"POST", "/api/v1/activities/{id}/verify", Verify},
      {"POST", "/api/v1/activities/{id}/return", Return},
      {"GET", "/api/v1/activities/{id}/files", ListFiles},
      {"POST", "/api/v1/activities/{id}/files", AddFile},
      {"GET", "/api/v1/files/{id}", ReadFile},
  };
  t.Authed(s, kRoutes);
}

}  // namespace mobilise::api
