// The household registration form: the household, its poverty score card, and a repeat for its
// people with the Washington Group questions, as the web app's household form records them.
#include <array>
#include <string>

#include "domain/demographics.hpp"
#include "domain/registry/household.hpp"
#include "domain/registry/registry_config.hpp"
#include "xforms/builtin/builtin_xforms.hpp"
#include "xforms/builtin/form_texts.hpp"

namespace mobilise::xforms::builtin {
namespace {

constexpr std::array<std::string_view, 4> kWgValues = {"1", "2", "3", "4"};

// The band of the score under the bands in force, as the server will derive it: shown on the
// phone, never read back (the server derives the stored band itself).
std::string BandExpression(const std::vector<Band>& bands, const std::string& score) {
  std::string expr = "''";
  for (const auto& b : bands)
    expr = "if(" + score + " >= " + std::to_string(b.lower_bound) + ", '" + b.code + "', " + expr +
           ")";
  return "if(" + score + " = '', '', " + expr + ")";
}

Node PscGroup(const FormTexts& t, const BuiltinConfig& config) {
  Node psc = Question("psc", Control::kGroup, "", t.Web("hh.psc"));
  Node score = Question("score", Control::kInput, "decimal", t.Web("hh.pscScore"));
  score.constraint = ". >= 0 and . <= 100";
  psc.children.push_back(score);
  Node date = PastDate("date", t.Web("hh.pscDate"), true);
  date.relevant = " /data/psc/score  != ''";
  psc.children.push_back(date);
  Node source = Question("source", Control::kInput, "string", t.Web("hh.pscSource"));
  source.relevant = date.relevant;
  psc.children.push_back(source);
  Node band = Question("band", Control::kCalculate, "string", {});
  band.calculate = BandExpression(config.bands, " /data/psc/score ");
  psc.children.push_back(band);
  return psc;
}

Node WgGroup(const FormTexts& t) {
  Node wg = Question("wg", Control::kGroup, "", t.Web("wg.title"));
  wg.hint = t.Web("wg.hint");
  std::string any;
  for (const char* domain : domain::kWgDomains)
    any += std::string(any.empty() ? "" : " or ") + "../" + domain + " != ''";
  for (const char* domain : domain::kWgDomains) {
    Node q = Question(domain, Control::kSelect1, "string", t.Web(std::string("wg.q.") + domain));
    q.items = t.Codes("enum.wg.", kWgValues);
    q.required_if = any;  // all six, or none
    wg.children.push_back(std::move(q));
  }
  return wg;
}

Node PersonRepeat(const FormTexts& t) {
  Node person = Question("person", Control::kRepeat, "", t.Web("hh.people"));
  auto& p = person.children;
  Node name = Question("name", Control::kInput, "string", t.Web("person.name"));
  name.required = true;
  p.push_back(name);
  Node sex = Question("sex", Control::kSelect1, "string", t.Web("person.sex"));
  sex.required = true;
  sex.items = t.Codes("enum.sex.", domain::kSexes);
  p.push_back(sex);
  Node relation = Question("relation", Control::kSelect1, "string", t.Web("person.relation"));
  relation.required = true;
  relation.items = t.Codes("enum.relation.", domain::kRelations);
  p.push_back(relation);
  p.push_back(PastDate("birth_date", t.Web("person.birthDate"), false));
  Node age = Question("age", Control::kInput, "int", t.Web("person.ageYears"));
  age.relevant = "../birth_date = ''";
  age.constraint = ". >= 0 and . <= 120";
  p.push_back(age);
  Node displacement =
      Question("displacement", Control::kSelect1, "string", t.Web("person.displacement"));
  displacement.items = t.Codes("enum.displacement.", domain::kDisplacements);
  p.push_back(displacement);
  p.push_back(Question("phone", Control::kInput, "string", t.Web("person.phone")));
  p.push_back(WgGroup(t));
  return person;
}

}  // namespace

FormSpec HouseholdSpec(const BuiltinConfig& config) {
  const FormTexts t(config.languages);
  FormSpec spec = NewFormSpec(config, kHouseholdForm, "hh.register", {kAreasMedia}, "hh.village");
  auto& q = spec.questions;
  q.push_back(Question("code", Control::kInput, "string", t.Web("hh.code")));
  Node head = Question("head_name", Control::kInput, "string", t.Web("hh.head"));
  head.required = true;
  q.push_back(head);
  q.push_back(Question("head_father_name", Control::kInput, "string", t.Web("hh.fatherName")));
  q.push_back(Question("address", Control::kInput, "string", t.Web("hh.address")));
  q.push_back(Question("phone", Control::kInput, "string", t.Web("hh.phone")));
  q.push_back(Question("national_id", Control::kInput, "string", t.Web("hh.nationalId")));
  q.push_back(Question("location", Control::kInput, "geopoint", t.Web("hh.location")));
  q.push_back(PscGroup(t, config));
  Node flags = Question("flags", Control::kSelect, "string", t.Web("hh.flags"));
  flags.hint = t.Web("hh.flagsHint");
  flags.items = t.Options("cfg.flag.", config.vulnerability_flags);
  q.push_back(flags);
  q.push_back(PersonRepeat(t));
  spec.instance_name = " /data/head_name ";
  return spec;
}

}  // namespace mobilise::xforms::builtin
