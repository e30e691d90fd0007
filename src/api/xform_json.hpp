// The JSON of XForms (/api/v1/forms): the form with its versions, assignments and submission
// count; the bodies of publish, state and assignments.
#pragma once

#include <string>
#include <vector>

#include "api/json_io.hpp"
#include "api/schema.hpp"
#include "domain/forms/form.hpp"

namespace mobilise::api {

const Shape<domain::XForm>& XFormShape();

struct FormAssignments {
  std::vector<std::string> device_ids, area_ids;
};
struct FormStateChange {
  std::int64_t version = 0;
  domain::FormState state = domain::FormState::kOpen;
};

std::string ReadPublishVersion(ObjectReader& r);
FormStateChange ReadFormState(ObjectReader& r);
FormAssignments ReadFormAssignments(ObjectReader& r);

}  // namespace mobilise::api
