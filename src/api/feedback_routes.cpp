// /feedback: community feedback, its workflow steps, categories and analysis.
#include "api/feedback_json.hpp"
#include "api/record_handlers.hpp"
#include "api/routes.hpp"
#include "domain/feedback/feedback_service.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {

Result<domain::FeedbackFilter> ReadFilter(const http::Request& req) {
  using F = domain::FeedbackFilter;
  static constexpr QueryTextField<F> kTexts[] = {{"area", &F::area_id},
                                                 {"category", &F::category},
                                                 {"channel", &F::channel},
                                                 {"status", &F::status},
                                                 {"q", &F::text}};
  static constexpr QueryTextField<F> kDates[] = {{"from", &F::from}, {"to", &F::to}};
  auto f = ReadListFilter<F>(req, kTexts, kDates);
  if (!f) return f;
  if (auto o = QueryText(req, "overdue")) {
    if (*o != "true" && *o != "false") return Fail(Error::Field("overdue", problem::NotABoolean()));
    f->overdue = *o == "true";
  }
  return f;
}

json::object AssigneesJson(const std::vector<domain::FeedbackHandler>& v) {
  return ItemsJson(v, FeedbackHandlerJson);
}

}  // namespace

// The handlers: request -> service call -> reply. Those that pass the record to one service
// method are named with record_handlers.hpp.
namespace {

using F = domain::FeedbackService;

http::Response ListCategories(Services& s, Call&) {
  json::array out;
  for (const auto& c : s.feedback.Categories()) out.push_back(FeedbackCategoryJson(c));
  return Json(200, out);
}

constexpr auto ListFeedback = ListByFilter<ReadFilter, &F::List, FeedbackJson>;

http::Response Summary(Services& s, Call& c) {
  auto f = ReadFilter(c.request);
  if (!f) return ErrorResponse(f.error());
  return Reply(s.feedback.Summary(c.actor(), *f), 200, FeedbackSummaryJson);
}

constexpr auto CreateFeedback = CreateFromBody<ReadNew<ReadFeedback>, &F::Create, FeedbackJson>;
constexpr auto GetFeedback = GetById<&F::Get, FeedbackDetailJson>;
constexpr auto UpdateFeedback = PatchById<ReadFeedback, &F::Update, &F::Get, FeedbackDetailJson>;

http::Response Assignees(Services& s, Call& c) {
  return Reply(s.feedback.Assignees(c.actor(), c.param("id")), 200, AssigneesJson);
}

http::Response Step(Services& s, Call& c, const std::string& action) {
  auto in = ReadVersioned(c.request, [&](ObjectReader& r) { return ReadFeedbackStep(r, action); });
  if (!in) return ErrorResponse(in.error());
  return Reply(s.feedback.Step(c.actor(), c.param("id"), action, in->version, in->input), 200,
               FeedbackDetailJson);
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
      {"POST", "/api/v1/feedback", CreateFeedback, Create::kJson, GetFeedback},
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
