// Community feedback as JSON (each writer is its Shape, see api/schema.hpp), and the readers of
// its request bodies.
#pragma once

#include <boost/json/object.hpp>

#include "api/json_io.hpp"
#include "api/schema.hpp"
#include "domain/feedback/feedback_service.hpp"

namespace mobilise::api {

const Shape<domain::Feedback>& FeedbackShape();
// One feedback record with its history (events).
const Shape<domain::FeedbackDetail>& FeedbackDetailShape();
const Shape<domain::FeedbackCategory>& FeedbackCategoryShape();
const Shape<domain::FeedbackSummary>& FeedbackSummaryShape();
const Shape<domain::FeedbackHandler>& FeedbackHandlerShape();

boost::json::object FeedbackJson(const domain::Feedback& feedback);
boost::json::object FeedbackDetailJson(const domain::FeedbackDetail& detail);
boost::json::object FeedbackCategoryJson(const domain::FeedbackCategory& category);
boost::json::object FeedbackSummaryJson(const domain::FeedbackSummary& summary);
boost::json::object FeedbackHandlerJson(const domain::FeedbackHandler& handler);

// The fields of POST /feedback and of PATCH /feedback/{id} (after its version).
domain::FeedbackInput ReadFeedback(ObjectReader& r);
// The body of POST /feedback/{id}/<action> (assign, refer, respond, close), after its version.
domain::FeedbackStep ReadFeedbackStep(ObjectReader& r, const std::string& action);

}  // namespace mobilise::api
