// /activities (with submit, verify, return and files) and /files/{id}.
#include "api/activity_json.hpp"
#include "api/routes.hpp"
#include "domain/activities/activity_service.hpp"
#include "reports/image.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {

// The handlers below still say ReadInput; ReadActivity (api/activity_json) is the reader.
constexpr auto* ReadInput = &ReadActivity;

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
