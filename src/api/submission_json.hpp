// The JSON of a custom form's submissions (/api/v1/forms/{id}/submissions, /api/v1/submissions):
// a row as lists show it, a page of rows (keyset cursor), one submission with its values,
// attachments and comments, and the body of a review.
#pragma once

#include <string>
#include <vector>

#include "api/json_io.hpp"
#include "api/schema.hpp"
#include "domain/forms/submission_review.hpp"

namespace mobilise::api {

// One submission as the detail answers it: `values` are [path, value] pairs read from its XML.
struct SubmissionView {
  domain::SubmissionDetail detail;
  std::vector<std::vector<std::string>> values;
};

const Shape<domain::SubmissionRow>& SubmissionRowShape();
const Shape<domain::SubmissionPage>& SubmissionPageShape();
const Shape<SubmissionView>& SubmissionViewShape();

domain::ReviewInput ReadReview(ObjectReader& r);

}  // namespace mobilise::api
