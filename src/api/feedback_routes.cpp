// /feedback: community feedback, its workflow steps, categories and analysis.
#include "api/feedback_json.hpp"
#include "api/routes.hpp"
#include "domain/feedback/feedback_service.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {

// The handlers below still say DetailJson and ReadInput; the writer and the reader are in
// api/feedback_json.
constexpr auto* DetailJson = &FeedbackDetailJson;
constexpr auto* ReadInput = &ReadFeedback;

Result<domain::FeedbackFilter> ReadFilter(const http::Request& req) {
  domain::FeedbackFilter f;
  auto page = ParsePage(req);
  if (!page) return Fail(page.error());
  f.page = *page;
  auto text = [&](const char* k) { return QueryText(req, k); };
  f.area_id = text("area");
  f.category = text("category");
  f.channel = text("channel");
  f.status = text("status");
  f.from = text("from");
  f.to = text("to");
  f.text = text("q");
  if (auto o = text("overdue")) {
    if (*o != "true" && *o != "false")
      return Fail(Error::Field("overdue", "must be true or false"));
    f.overdue = *o == "true";
  }
  return f;
}

}  // namespace

void AddFeedbackRoutes(RouteTable& t, Services& s) {
  t.Authed("GET", "/api/v1/feedback/categories", [&s](Call&) {
    json::array out;
    for (const auto& c : s.feedback.Categories())
      out.push_back(json::object{{"code", c.code},
                                 {"name", c.name},
                                 {"name_local", Nullable(c.name_local)},
                                 {"sensitive", c.sensitive},
                                 {"due_hours", c.due_hours}});
    return Json(200, out);
  });

  t.Authed("GET", "/api/v1/feedback", [&s](Call& c) {
    auto f = ReadFilter(c.request);
    if (!f) return ErrorResponse(f.error());
    return Reply(s.feedback.List(c.actor(), *f), 200, [&](const domain::Page<domain::Feedback>& p) {
      return PageJson(p, f->page, [](const domain::Feedback& x) { return FeedbackJson(x); });
    });
  });

  t.Authed("GET", "/api/v1/feedback/summary", [&s](Call& c) {
    auto f = ReadFilter(c.request);
    if (!f) return ErrorResponse(f.error());
    return Reply(s.feedback.Summary(c.actor(), *f), 200, [](const domain::FeedbackSummary& sum) {
      json::array counts, tags;
      for (const auto& x : sum.counts)
        counts.push_back(json::object{{"category", x.category},
                                      {"channel", x.channel},
                                      {"month", x.month},
                                      {"received", x.received},
                                      {"closed", x.closed},
                                      {"closed_on_time", x.closed_on_time},
                                      {"open_overdue", x.open_overdue}});
      for (const auto& [tag, n] : sum.top_tags)
        tags.push_back(json::object{{"tag", tag}, {"count", n}});
      return json::object{{"received", sum.received},
                          {"closed", sum.closed},
                          {"closed_on_time", sum.closed_on_time},
                          {"closed_on_time_share",
                           sum.closed > 0 ? json::value(static_cast<double>(sum.closed_on_time) /
                                                        static_cast<double>(sum.closed))
                                          : json::value(nullptr)},
                          {"open_overdue", sum.open_overdue},
                          {"counts", std::move(counts)},
                          {"top_tags", std::move(tags)}};
    });
  });

  t.Authed("POST", "/api/v1/feedback", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    auto in = ReadInput(r);
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    return Reply(s.feedback.Create(c.actor(), in), 201, FeedbackJson);
  });

  t.Authed("GET", "/api/v1/feedback/{id}", [&s](Call& c) {
    return Reply(s.feedback.Get(c.actor(), c.request.path_params["id"]), 200, DetailJson);
  });

  t.Authed("GET", "/api/v1/feedback/{id}/assignees", [&s](Call& c) {
    return Reply(s.feedback.Assignees(c.actor(), c.request.path_params["id"]), 200,
                 [](const std::vector<domain::FeedbackHandler>& v) {
                   json::array items;
                   for (const auto& h : v)
                     items.push_back(json::object{
                         {"user_id", h.user_id}, {"full_name", h.full_name}, {"role", h.role}});
                   return json::object{{"items", std::move(items)}};
                 });
  });

  t.Authed("PATCH", "/api/v1/feedback/{id}", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    const auto version = r.RequiredInt("version");
    auto in = ReadInput(r);
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    const auto& id = c.request.path_params["id"];
    auto updated = s.feedback.Update(c.actor(), id, version, in);
    if (!updated && updated.error().fields.count("version"))
      if (auto now = s.feedback.Get(c.actor(), id))
        return StaleWithCurrent(updated.error(), DetailJson(*now));
    return Reply(updated, 200, DetailJson);
  });

  for (const char* action : {"assign", "refer", "respond", "close"}) {
    t.Authed("POST", std::string("/api/v1/feedback/{id}/") + action, [&s, action](Call& c) {
      auto body = ParseObject(c.request);
      if (!body) return ErrorResponse(body.error());
      ObjectReader r(*body);
      const auto version = r.RequiredInt("version");
      domain::FeedbackStep step;
      step.note = r.OptionalString("note");
      const std::string a = action;
      if (a == "assign") step.assigned_to = r.RequiredString("assigned_to");
      if (a == "refer") step.referred_to = r.RequiredString("referred_to");
      if (a == "respond") {
        step.response = r.RequiredString("response");
        step.responded_on = r.OptionalString("responded_on");
      }
      if (a == "close") {
        step.closed_on = r.OptionalString("closed_on");
        step.loop_closed_by = r.RequiredString("loop_closed_by");
        step.satisfaction = r.OptionalString("satisfaction");
      }
      if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
      return Reply(s.feedback.Step(c.actor(), c.request.path_params["id"], a, version, step), 200,
                   DetailJson);
    });
  }
}

}  // namespace mobilise::api
