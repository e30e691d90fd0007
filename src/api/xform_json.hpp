// The JSON of XForms (/api/v1/forms): the form with its versions, assignments and submission
// count; a version's questions with their labels (the schema); the bodies of publish, state and
// assignments.
#pragma once

#include <string>
#include <vector>

#include "api/json_io.hpp"
#include "api/schema.hpp"
#include "domain/forms/form.hpp"
#include "xforms/labels.hpp"
#include "xforms/xform.hpp"

namespace mobilise::api {

const Shape<domain::XForm>& XFormShape();

struct FormAssignments {
  std::vector<std::string> device_ids, area_ids;
};
struct FormStateChange {
  std::int64_t version = 0;
  domain::FormState state = domain::FormState::kOpen;
};

// One node of a form version's instance with its body control's label and choices.
struct SchemaField {
  std::string path, type;  // instance path; bind type, "group" or "repeat"
  bool repeat = false;
  xforms::LabelTexts label;  // by itext language, or "" for an inline label; empty: none
  std::vector<xforms::ChoiceLabel> choices;
};
struct FormSchema {
  std::string form_id, version;
  std::vector<std::string> languages;
  std::string default_language;
  std::vector<SchemaField> fields;
};
FormSchema SchemaOf(const std::string& form_id, const xforms::FormDefinition& form,
                    const xforms::FormLabels& labels);
const Shape<FormSchema>& FormSchemaShape();

std::string ReadPublishVersion(ObjectReader& r);
FormStateChange ReadFormState(ObjectReader& r);
FormAssignments ReadFormAssignments(ObjectReader& r);

}  // namespace mobilise::api
