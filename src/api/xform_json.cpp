#include "api/xform_json.hpp"

namespace mobilise::api {
namespace {

using domain::XForm;
using domain::XFormVersion;

const Shape<XFormVersion>& VersionShape() {
  using V = XFormVersion;
  static const auto shape = Shape<V>("XFormVersion")
                                .Field("version", &V::version)
                                .Field("md5", &V::md5)
                                .Field("created_at", &V::created_at)
                                .Field("published_at", &V::published_at);
  return shape;
}

const Shape<FormAssignments>& AssignmentsShape() {
  using A = FormAssignments;
  static const auto shape = Shape<A>("XFormAssignments")
                                .Field("device_ids", &A::device_ids)
                                .Field("area_ids", &A::area_ids);
  return shape;
}

const Shape<xforms::ChoiceLabel>& ChoiceShape() {
  using C = xforms::ChoiceLabel;
  static const auto shape =
      Shape<C>("XFormChoice").Field("value", &C::value).Field("label", &C::label);
  return shape;
}

const Shape<SchemaField>& SchemaFieldShape() {
  using F = SchemaField;
  static const auto shape =
      Shape<F>("XFormSchemaField")
          .Field("path", &F::path)
          .Field("type", &F::type)
          .Field("repeat", &F::repeat)
          .Field("label", &F::label)
          .Nested("choices", ChoiceShape(), [](const F& f) { return f.choices; });
  return shape;
}

}  // namespace

FormSchema SchemaOf(const std::string& form_id, const xforms::FormDefinition& form,
                    const xforms::FormLabels& labels) {
  FormSchema out{form_id, form.version, labels.languages, labels.default_language, {}};
  for (const xforms::Field& f : form.fields) {
    SchemaField field{f.path, f.type, f.repeat, {}, {}};
    if (const xforms::ControlLabels* c = labels.Find(f.path)) {
      field.label = c->label;
      field.choices = c->choices;
    }
    out.fields.push_back(std::move(field));
  }
  return out;
}

const Shape<FormSchema>& FormSchemaShape() {
  using S = FormSchema;
  static const auto shape =
      Shape<S>("XFormSchema")
          .Field("form_id", &S::form_id)
          .Field("version", &S::version)
          .Field("languages", &S::languages)
          .Field("default_language", &S::default_language)
          .Nested("fields", SchemaFieldShape(), [](const S& s) { return s.fields; });
  return shape;
}

const Shape<XForm>& XFormShape() {
  static const auto shape =
      Shape<XForm>("XForm")
          .Field("id", &XForm::id)
          .Field("xml_form_id", &XForm::xml_form_id)
          .Field("title", &XForm::title)
          .Field("kind", &XForm::kind, domain::kFormKinds)
          .Field("state", &XForm::state, domain::kFormStates)
          .Field("published_version", &XForm::published_version)
          .Field("version", &XForm::version)
          .Nested("versions", VersionShape(), [](const XForm& f) { return f.versions; })
          .Nested("assignments", AssignmentsShape(),
                  [](const XForm& f) {
                    return FormAssignments{f.device_ids, f.area_ids};
                  })
          .Field("submissions", &XForm::submissions);
  return shape;
}

std::string ReadPublishVersion(ObjectReader& r) { return r.RequiredString("version"); }

FormStateChange ReadFormState(ObjectReader& r) {
  FormStateChange change;
  change.version = r.RequiredInt("version");
  const std::string state = r.RequiredString("state");
  if (auto parsed = domain::ParseFormState(state)) {
    change.state = *parsed;
  } else if (!state.empty()) {
    r.errors()["state"] = problem::OneOf(
        std::vector<std::string>(domain::kFormStates.begin(), domain::kFormStates.end()));
  }
  return change;
}

FormAssignments ReadFormAssignments(ObjectReader& r) {
  FormAssignments a;
  a.device_ids = r.OptionalStrings("device_ids").value_or(std::vector<std::string>{});
  a.area_ids = r.OptionalStrings("area_ids").value_or(std::vector<std::string>{});
  return a;
}

}  // namespace mobilise::api
