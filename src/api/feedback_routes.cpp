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

// Readers and writers that the handlers used to hold inline.
namespace {

json::object CategoryJson(const domain::FeedbackCategory& c) {
  return json::object{{"code", c.code},
                      {"name", c.name},
                      {"name_local", Nullable(c.name_local)},
                      {"sensitive", c.sensitive},
                      {"due_hours", c.due_hours}};
}

json::object SummaryJson(const domain::FeedbackSummary& sum) {
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
}

json::object HandlerJson(const domain::FeedbackHandler& h) {
  return json::object{{"user_id", h.user_id}, {"full_name", h.full_name}, {"role", h.role}};
}

json::object AssigneesJson(const std::vector<domain::FeedbackHandler>& v) {
  return ItemsJson(v, HandlerJson);
}

json::object OneFeedbackJson(const domain::Feedback& f) { return FeedbackJson(f); }

// The body of a workflow step: `note`, and what the action needs.
domain::FeedbackStep ReadStep(ObjectReader& r, const std::string& action) {
  domain::FeedbackStep step;
  step.note = r.OptionalString("note");
  if (action == "assign") step.assigned_to = r.RequiredString("assigned_to");
  if (action == "refer") step.referred_to = r.RequiredString("referred_to");
  if (action == "respond") {
    step.response = r.RequiredString("response");
    step.responded_on = r.OptionalString("responded_on");
  }
  if (action == "close") {
    step.closed_on = r.OptionalString("closed_on");
    step.loop_closed_by = r.RequiredString("loop_closed_by");
    step.satisfaction = r.OptionalString("satisfaction");
  }
  return step;
}

}  // namespace

// The handlers: request -> service call -> reply.
namespace {

http::Response ListCategories(Services& s, Call&) {
  json::array out;
  for (const auto& c : s.feedback.Categories()) out.push_back(CategoryJson(c));
  return Json(200, out);
}

http::Response ListFeedback(Services& s, Call& c) {
  auto f = ReadFilter(c.request);
  if (!f) return ErrorResponse(f.error());
  return ReplyPage(s.feedback.List(c.actor(), *f), f->page, OneFeedbackJson);
}

http::Response Summary(Services& s, Call& c) {
  auto f = ReadFilter(c.request);
  if (!f) return ErrorResponse(f.error());
  return Reply(s.feedback.Summary(c.actor(), *f), 200, SummaryJson);
}

http::Response CreateFeedback(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadInput);
  if (!in) return ErrorResponse(in.error());
  return Reply(s.feedback.Create(c.actor(), *in), 201, FeedbackJson);
}

http::Response GetFeedback(Services& s, Call& c) {
  return Reply(s.feedback.Get(c.actor(), c.param("id")), 200, DetailJson);
}

http::Response Assignees(Services& s, Call& c) {
  return Reply(s.feedback.Assignees(c.actor(), c.param("id")), 200, AssigneesJson);
}

http::Response UpdateFeedback(Services& s, Call& c) {
  auto in = ReadVersioned(c.request, ReadInput);
  if (!in) return ErrorResponse(in.error());
  const auto& id = c.param("id");
  return Updated(
      s.feedback.Update(c.actor(), id, in->version, in->input),
      [&] { return s.feedback.Get(c.actor(), id); }, DetailJson);
}

http::Response Step(Services& s, Call& c, const std::string& action) {
  auto in = ReadVersioned(c.request, [&](ObjectReader& r) { return ReadStep(r, action); });
  if (!in) return ErrorResponse(in.error());
  return Reply(s.feedback.Step(c.actor(), c.param("id"), action, in->version, in->input), 200,
               DetailJson);
}

http::Response Assign(Services& s, Call& c) { return Step(s, c, "assign"); }
http::Response Refer(Services& s, Call& c) { return Step(s, c, "refer"); }
http::Response Respond(Services& s, Call& c) { return Step(s, c, "respond"); }
http::Response Close(Services& s, Call& c) { return Step(s, c, "close"); }

}  // namespace

void AddFeedbackRoutes(RouteTable& t, Services& s) {
  static constexpr AuthedRoute<Services> kRoutes[] = {
      {"GET", "/api/v1/feedback/categories", ListCategories},
      {"GET", "/api/v1/feedback", ListFeedback},
      {"GET", "/api/v1/feedback/summary", Summary},
      {"POST", "/api/v1/feedback", CreateFeedback},
      {"GET", "/api/v1/feedback/{id}", GetFeedback},
      {"GET", "/api/v1/feedback/{id}/assignees", Assignees},
      {"PATCH", "/api/v1/feedback/{id}", UpdateFeedback},
      {"POST", "/api/v1/feedback/{id}/assign", Assign},
      {"POST", "/api/v1/feedback/{id}/refer", Refer},
      {"POST", "/api/v1/feedback/{id}/respond", Respond},
      {"POST", "/api/v1/feedback/{id}/close", Close},
  };
  t.Authed(s, kRoutes);
}

}  // namespace mobilise::api
