// The feedback form: a case as the web app's feedback form logs it. A sensitive category shows
// the web app's notice: once sent, only the area's focal points see the case.
#include <string>

#include "domain/demographics.hpp"
#include "domain/feedback/feedback.hpp"
#include "xforms/builtin/builtin_xforms.hpp"
#include "xforms/builtin/form_texts.hpp"

namespace mobilise::xforms::builtin {
namespace {

// "/data/category = 'sea' or ...": the sensitive categories; false() when there are none.
std::string SensitiveExpression(const std::vector<Option>& categories) {
  std::string expr;
  for (const auto& c : categories)
    if (c.sensitive)
      expr += (expr.empty() ? "" : " or ") + std::string(" /data/category  = '") + c.code + "'";
  return expr.empty() ? "false()" : expr;
}

void AddPerson(const FormTexts& t, std::vector<Node>& q) {
  Node who = Question("who", Control::kSelect1, "string", t.Web("fb.who"));
  who.required = true;
  who.items = {{"named", t.Web("fb.named")}, {"anonymous", t.Web("fb.anonymous")}};
  q.push_back(who);
  const std::string named = " /data/who  = 'named'";
  Node name = Question("person_name", Control::kInput, "string", t.Web("fb.personName"));
  name.relevant = named;
  q.push_back(name);
  Node contact = Question("person_contact", Control::kInput, "string", t.Web("fb.personContact"));
  contact.relevant = named;
  q.push_back(contact);
  Node sex = Question("person_sex", Control::kSelect1, "string", t.Web("fb.personSex"));
  sex.items = t.Codes("enum.sex.", domain::kSexes);
  q.push_back(sex);
  Node age = Question("person_age_band", Control::kSelect1, "string", t.Web("fb.personAge"));
  age.items = t.Codes("enum.age_band.", domain::kAgeBandCodes);
  q.push_back(age);
}

}  // namespace

FormSpec FeedbackSpec(const BuiltinConfig& config) {
  const FormTexts t(config.languages);
  FormSpec spec =
      NewFormSpec(config, kFeedbackForm, "fb.new", {kAreasMedia, kInstitutionsMedia}, "reg.area");
  auto& q = spec.questions;
  q.push_back(PastDate("received_on", t.Web("fb.receivedOn"), true));
  Node channel = Question("channel", Control::kSelect1, "string", t.Web("fb.channel"));
  channel.required = true;
  channel.items = t.Codes("fb.channel.", domain::kFeedbackChannels);
  q.push_back(channel);
  Node cefc = Question("cefc", Control::kSelect1, "string", t.Web("fb.cefc"));
  cefc.itemset = "instance('institutions')/root/item[type='CEFC']";
  cefc.appearance = "minimal";
  q.push_back(cefc);
  Node category = Question("category", Control::kSelect1, "string", t.Web("fb.category"));
  category.required = true;
  category.items = t.Options("cfg.fbcat.", config.feedback_categories);
  q.push_back(category);
  Node notice =
      Question("sensitive_notice", Control::kInput, "string", t.Web("fb.sensitiveNotice"));
  notice.readonly = true;
  notice.relevant = SensitiveExpression(config.feedback_categories);
  q.push_back(notice);
  AddPerson(t, q);
  Node description = Question("description", Control::kInput, "string", t.Web("fb.description"));
  description.required = true;
  description.appearance = "multiline";
  q.push_back(description);
  q.push_back(Question("language", Control::kInput, "string", t.Web("fb.language")));
  Node tags = Question("tags", Control::kInput, "string", t.Web("fb.tags"));
  tags.hint = t.Web("fb.tagsHint");
  q.push_back(tags);
  spec.instance_name = "concat( /data/category , ' ', /data/received_on )";
  return spec;
}

}  // namespace mobilise::xforms::builtin
