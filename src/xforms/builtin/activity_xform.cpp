// The activity form: what the web app's activity form records, for Collect.
#include "domain/demographics.hpp"
#include "xforms/builtin/builtin_xforms.hpp"
#include "xforms/builtin/form_texts.hpp"

namespace mobilise::xforms::builtin {
namespace {

Node CountsGroup(const FormTexts& t, bool disability) {
  Node group = Question(disability ? "counts_d" : "counts", Control::kGroup, "",
                        t.Web(disability ? "act.withDisability" : "act.withoutDisability"));
  group.appearance = "field-list";
  if (!disability) group.hint = t.Web("act.countsHint");
  for (auto sex : domain::kSexes) {
    for (auto band : domain::kAgeBandCodes) {
      const Text label = t.WebWith(
          disability ? "act.countOfDisabled" : "act.countOf",
          {{"sex", "enum.sex." + std::string(sex)}, {"age", "enum.age_band." + std::string(band)}});
      Node count =
          Question(std::string(sex) + "_" + AgeBandElement(band), Control::kInput, "int", label);
      count.constraint = ". >= 0 and . <= 100000";
      group.children.push_back(std::move(count));
    }
  }
  return group;
}

}  // namespace

std::string AgeBandElement(std::string_view band) {
  std::string name = "a";
  for (char c : band) name += c == '-' ? '_' : c == '+' ? 'p' : c;
  return name;
}

FormSpec ActivitySpec(const BuiltinConfig& config) {
  const FormTexts t(config.languages);
  FormSpec spec = NewFormSpec(config, kActivityForm, "act.new",
                              {kAreasMedia, kInstitutionsMedia, kPeopleMedia}, "act.area");
  auto& q = spec.questions;

  Node type = Question("type", Control::kSelect1, "string", t.Web("act.type"));
  type.required = true;
  type.items = t.Options("cfg.activity_type.", config.activity_types);
  q.push_back(type);

  q.push_back(PastDate("held_on", t.Web("act.heldOn"), true));
  q.push_back(Question("title", Control::kInput, "string", t.Web("act.titleField")));
  q.push_back(Question("place", Control::kInput, "string", t.Web("act.place")));

  Node topics = Question("topics", Control::kSelect, "string", t.Web("act.topics"));
  topics.items = t.Options("cfg.topic.", config.topics);
  q.push_back(topics);

  Node institutions =
      Question("institutions", Control::kSelect, "string", t.Web("act.institutionsInvolved"));
  institutions.itemset = "instance('institutions')/root/item[area= /data/area ]";
  institutions.appearance = "minimal";
  q.push_back(institutions);

  q.push_back(CountsGroup(t, false));
  q.push_back(CountsGroup(t, true));

  Node named = Question("named", Control::kSelect, "string", t.Web("act.named"));
  named.hint = t.Web("act.namedHint");
  named.itemset = "instance('people')/root/item[area= /data/area ]";
  named.appearance = "minimal autocomplete";
  q.push_back(named);

  Node photo = Question("photo", Control::kUpload, "binary", t.Web("act.files"));
  photo.hint = t.Web("act.filesHint");
  photo.mediatype = "image/*";
  q.push_back(photo);

  q.push_back(Question("decisions", Control::kInput, "string", t.Web("act.decisions")));
  q.push_back(Question("follow_up", Control::kInput, "string", t.Web("act.followUp")));
  q.push_back(Question("notes", Control::kInput, "string", t.Web("act.notes")));
  spec.instance_name = "concat( /data/type , ' ', /data/held_on )";
  return spec;
}

}  // namespace mobilise::xforms::builtin
