#include "api/feedback_json.hpp"

namespace mobilise::api {

namespace json = boost::json;

const Shape<domain::Feedback>& FeedbackShape() {
  using F = domain::Feedback;
  static const auto shape = Shape<F>("Feedback")
                                .Field("id", &F::id)
                                .Field("short_ref", &F::short_ref)
                                .Field("area_id", &F::area_id)
                                .Field("area_name", &F::area_name)
                                .Field("cefc_id", &F::cefc_id)
                                .Field("received_on", &F::received_on)
                                .Field("channel", &F::channel)
                                .Field("category", &F::category)
                                .Field("sensitive", &F::sensitive)
                                .Field("anonymous", &F::anonymous)
                                .Field("person_name", &F::person_name)
                                .Field("person_contact", &F::person_contact)
                                .Field("contact_hidden", &F::contact_hidden)
                                .Field("person_sex", &F::person_sex)
                                .Field("person_age_band", &F::person_age_band)
                                .Field("description", &F::description)
                                .Field("language", &F::language)
                                .Field("tags", &F::tags)
                                .Field("status", &F::status, domain::kFeedbackStatuses)
                                .Field("assigned_to", &F::assigned_to)
                                .Field("assigned_name", &F::assigned_name)
                                .Field("referred_to", &F::referred_to)
                                .Field("response", &F::response)
                                .Field("responded_on", &F::responded_on)
                                .Field("closed_on", &F::closed_on)
                                .Field("loop_closed_by", &F::loop_closed_by)
                                .Field("satisfaction", &F::satisfaction)
                                .Field("due_on", &F::due_on)
                                .Field("version", &F::version)
                                .Field("created_at", &F::created_at)
                                .Field("updated_at", &F::updated_at);
  return shape;
}

const Shape<domain::FeedbackDetail>& FeedbackDetailShape() {
  using D = domain::FeedbackDetail;
  using E = domain::FeedbackEvent;
  static const auto event = Shape<E>("")
                                .Field("at", &E::at)
                                .Field("by", &E::by_name)
                                .Field("action", &E::action)
                                .Field("note", &E::note);
  static const auto shape =
      Shape<D>("FeedbackDetail")
          .Include(FeedbackShape(),
                   [](const D& d) -> const domain::Feedback& { return d.feedback; })
          .Nested("events", event, [](const D& d) { return d.events; });
  return shape;
}

const Shape<domain::FeedbackCategory>& FeedbackCategoryShape() {
  using C = domain::FeedbackCategory;
  static const auto shape = Shape<C>("FeedbackCategory")
                                .Field("code", &C::code)
                                .Field("name", &C::name)
                                .Field("name_local", &C::name_local)
                                .Field("sensitive", &C::sensitive)
                                .Field("due_hours", &C::due_hours);
  return shape;
}

const Shape<domain::FeedbackSummary>& FeedbackSummaryShape() {
  using S = domain::FeedbackSummary;
  using C = domain::FeedbackCount;
  using Tag = std::pair<std::string, std::int64_t>;
  static const auto count = Shape<C>("")
                                .Field("category", &C::category)
                                .Field("channel", &C::channel)
                                .Field("month", &C::month)
                                .Field("received", &C::received)
                                .Field("closed", &C::closed)
                                .Field("closed_on_time", &C::closed_on_time)
                                .Field("open_overdue", &C::open_overdue);
  static const auto tag = Shape<Tag>("")
                              .Computed("tag", [](const Tag& t) { return t.first; })
                              .Computed("count", [](const Tag& t) { return t.second; });
  static const auto shape =
      Shape<S>("FeedbackSummary")
          .Field("received", &S::received)
          .Field("closed", &S::closed)
          .Field("closed_on_time", &S::closed_on_time)
          .Computed("closed_on_time_share",
                    [](const S& s) -> std::optional<double> {
                      if (s.closed <= 0) return std::nullopt;
                      return static_cast<double>(s.closed_on_time) / static_cast<double>(s.closed);
                    })
          .Field("open_overdue", &S::open_overdue)
          .Nested("counts", count, [](const S& s) { return s.counts; })
          .Nested("top_tags", tag, [](const S& s) { return s.top_tags; });
  return shape;
}

const Shape<domain::FeedbackHandler>& FeedbackHandlerShape() {
  using H = domain::FeedbackHandler;
  static const auto shape = Shape<H>("FeedbackHandler")
                                .Field("user_id", &H::user_id)
                                .Field("full_name", &H::full_name)
                                .Field("role", &H::role);
  return shape;
}

json::object FeedbackJson(const domain::Feedback& f) { return FeedbackShape().Write(f); }
json::object FeedbackDetailJson(const domain::FeedbackDetail& d) {
  return FeedbackDetailShape().Write(d);
}
json::object FeedbackCategoryJson(const domain::FeedbackCategory& c) {
  return FeedbackCategoryShape().Write(c);
}
json::object FeedbackSummaryJson(const domain::FeedbackSummary& s) {
  return FeedbackSummaryShape().Write(s);
}
json::object FeedbackHandlerJson(const domain::FeedbackHandler& h) {
  return FeedbackHandlerShape().Write(h);
}

domain::FeedbackInput ReadFeedback(ObjectReader& r) {
  domain::FeedbackInput in;
  in.area_id = r.OptionalString("area_id");
  in.cefc_id = r.ClearableString("cefc_id");
  in.received_on = r.OptionalString("received_on");
  in.channel = r.OptionalString("channel");
  in.category = r.OptionalString("category");
  in.person_name = r.ClearableString("person_name");
  in.person_contact = r.ClearableString("person_contact");
  in.person_sex = r.ClearableString("person_sex");
  in.person_age_band = r.ClearableString("person_age_band");
  in.description = r.OptionalString("description");
  in.language = r.ClearableString("language");
  in.anonymous = r.OptionalBool("anonymous");
  in.tags = r.OptionalStrings("tags");
  return in;
}

domain::FeedbackStep ReadFeedbackStep(ObjectReader& r, const std::string& a) {
  domain::FeedbackStep step;
  step.note = r.OptionalString("note");
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
  return step;
}

}  // namespace mobilise::api
