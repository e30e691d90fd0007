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

void AddActivityRoutes(RouteTable& t, Services& s) {
  t.Authed("GET", "/api/v1/activities", [&s](Call& c) {
    auto page = ParsePage(c.request);
    if (!page) return ErrorResponse(page.error());
    domain::ActivityFilter f;
    f.page = *page;
    auto text = [&](const char* k) { return QueryText(c.request, k); };
    f.area_id = text("area");
    f.status = text("status");
    f.type = text("type");
    f.topic = text("topic");
    f.from = text("from");
    f.to = text("to");
    f.mine = text("mine") == std::optional<std::string>("true");
    f.queue = text("queue") == std::optional<std::string>("true");
    return Reply(
        s.activities.List(c.actor(), f), 200, [&](const domain::Page<domain::Activity>& p) {
          return PageJson(p, *page, [](const domain::Activity& a) { return ActivityJson(a); });
        });
  });

  t.Authed("GET", "/api/v1/activities/summary", [&s](Call& c) {
    auto text = [&](const char* k) { return QueryText(c.request, k); };
    const bool unverified = text("include_unverified") == std::optional<std::string>("true");
    return Reply(
        s.activities.MonthlyCounts(c.actor(), text("area"), text("from"), text("to"), unverified),
        200, [](const std::vector<domain::ActivityMonthCount>& v) {
          json::array items;
          for (const auto& x : v)
            items.push_back(json::object{{"month", x.month},
                                         {"type", x.type},
                                         {"topic", Nullable(x.topic)},
                                         {"sex", x.sex},
                                         {"activities", x.activities},
                                         {"participants", x.participants}});
          return json::object{{"items", std::move(items)}};
        });
  });

  t.Authed("POST", "/api/v1/activities", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    auto in = ReadInput(r);
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    return Reply(s.activities.Create(c.actor(), in), 201, ActivityDetailJson);
  });

  t.Authed("GET", "/api/v1/activities/{id}", [&s](Call& c) {
    return Reply(s.activities.Get(c.actor(), c.request.path_params["id"]), 200, ActivityDetailJson);
  });

  t.Authed("PATCH", "/api/v1/activities/{id}", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    const auto version = r.RequiredInt("version");
    auto in = ReadInput(r);
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    const auto& id = c.request.path_params["id"];
    auto updated = s.activities.Update(c.actor(), id, version, in);
    if (!updated && updated.error().fields.count("version"))
      if (auto now = s.activities.Get(c.actor(), id))
        return StaleWithCurrent(updated.error(), ActivityDetailJson(*now));
    return Reply(updated, 200, ActivityDetailJson);
  });

  t.Authed("DELETE", "/api/v1/activities/{id}", [&s](Call& c) {
    auto ok = s.activities.Delete(c.actor(), c.request.path_params["id"]);
    return ok ? NoContent() : ErrorResponse(ok.error());
  });

  for (const char* action : {"submit", "verify", "return"}) {
    t.Authed("POST", std::string("/api/v1/activities/{id}/") + action, [&s, action](Call& c) {
      auto body = ParseObject(c.request);
      if (!body) return ErrorResponse(body.error());
      ObjectReader r(*body);
      const auto version = r.RequiredInt("version");
      auto comment = r.OptionalString("comment");
      if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
      return Reply(
          s.activities.Transition(c.actor(), c.request.path_params["id"], action, version, comment),
          200, ActivityDetailJson);
    });
  }

  t.Authed("GET", "/api/v1/activities/{id}/files", [&s](Call& c) {
    return Reply(s.activities.Files(c.actor(), c.request.path_params["id"]), 200,
                 [](const std::vector<domain::StoredFile>& v) {
                   json::array items;
                   for (const auto& f : v) items.push_back(FileJson(f));
                   return json::object{{"items", std::move(items)},
                                       {"total", static_cast<std::int64_t>(v.size())}};
                 });
  });

  // The body is the file itself; its name in ?filename=, its type in Content-Type (checked
  // against the bytes).
  t.Authed("POST", "/api/v1/activities/{id}/files", [&s](Call& c) {
    const auto name = c.request.Query("filename").value_or("");
    std::string type(c.request.Header("content-type"));
    return Reply(
        s.activities.AddFile(c.actor(), c.request.path_params["id"], name, type, c.request.body),
        201, FileJson);
  });

  t.Authed("GET", "/api/v1/files/{id}", [&s](Call& c) {
    auto file = s.activities.ReadFile(c.actor(), c.request.path_params["id"]);
    if (!file) return ErrorResponse(file.error());
    http::Response resp;
    resp.status = 200;
    resp.content_type = file->first.mime;
    resp.body = std::move(file->second);
    // ?thumb=N: a JPEG of an image photo scaled to fit N pixels (32..800), for lists on phones.
    if (auto thumb = c.request.Query("thumb")) {
      const auto side = ParseInt(*thumb);
      if (!side || *side < 32 || *side > 800)
        return ErrorResponse(Error::Field("thumb", "a size from 32 to 800 pixels"));
      if (file->first.mime != "image/jpeg" && file->first.mime != "image/png")
        return ErrorResponse(Error::Field("thumb", "only photos have thumbnails"));
      auto small = reports::MakeThumbnail(resp.body, static_cast<int>(*side));
      if (!small) return ErrorResponse(Error::Field("thumb", "the photo cannot be decoded"));
      resp.body = std::move(*small);
      resp.content_type = "image/jpeg";
    }
    std::string safe;
    for (char ch : file->first.name)
      safe += (std::isalnum(static_cast<unsigned char>(ch)) || ch == '.' || ch == '-' || ch == '_')
                  ? ch
                  : '_';
    resp.SetHeader("Content-Disposition", "inline; filename=\"" + safe + "\"");
    resp.SetHeader("Cache-Control", "private, max-age=3600");
    return resp;
  });
}

}  // namespace mobilise::api
