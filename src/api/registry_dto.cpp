#include "api/registry_dto.hpp"

#include <cmath>

#include "api/json_io.hpp"
#include "domain/validation.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {

json::array Options(const std::vector<domain::RegistryOption>& options) {
  json::array a;
  for (const auto& o : options)
    a.push_back(
        json::object{{"code", o.code}, {"name", o.name}, {"name_local", Nullable(o.name_local)}});
  return a;
}

}  // namespace

json::object InstitutionTypeJson(const domain::InstitutionType& t) {
  return {{"code", t.code},
          {"name", t.name},
          {"name_local", Nullable(t.name_local)},
          {"tier", t.tier},
          {"parent_types", StringArray(t.parent_types)},
          {"member_kind", domain::MemberKindId(t.member_kind)},
          {"size_min", Nullable(t.size_min)},
          {"size_max", Nullable(t.size_max)}};
}

json::object RegistryConfigJson(const domain::RegistryConfig& c) {
  json::array types, sets, lists;
  for (const auto& t : c.types) types.push_back(InstitutionTypeJson(t));
  for (const auto& s : c.band_sets) {
    json::array bands;
    for (const auto& b : s.bands)
      bands.push_back(json::object{{"code", b.code},
                                   {"name", b.name},
                                   {"name_local", Nullable(b.name_local)},
                                   {"lower_bound", b.lower_bound},
                                   {"poor", b.poor}});
    sets.push_back(json::object{{"effective_from", s.effective_from},
                                {"source", Nullable(s.source)},
                                {"bands", std::move(bands)}});
  }
  for (const auto& l : c.checklists) {
    json::array items, grades;
    for (const auto& i : l.items)
      items.push_back(json::object{{"code", i.code}, {"name", i.name}, {"max_score", i.max_score}});
    for (const auto& g : l.grades)
      grades.push_back(json::object{{"grade", g.grade}, {"min_percent", g.min_percent}});
    lists.push_back(json::object{{"code", l.code},
                                 {"name", l.name},
                                 {"institution_types", StringArray(l.institution_types)},
                                 {"items", std::move(items)},
                                 {"grades", std::move(grades)}});
  }
  return {{"institution_types", std::move(types)},
          {"poverty_band_sets", std::move(sets)},
          {"checklists", std::move(lists)},
          {"member_roles", Options(c.member_roles)},
          {"vulnerability_flags", Options(c.vulnerability_flags)},
          {"activity_types", Options(c.activity_types)},
          {"topics", Options(c.topics)}};
}

json::array WarningsJson(const std::vector<domain::Warning>& warnings) {
  json::array a;
  for (const auto& w : warnings) {
    json::object o{{"code", w.code}, {"message", w.message}};
    if (w.record_id)
      o[w.code == "possible_duplicate" ? "household_id" : "institution_id"] = *w.record_id;
    if (w.count) o["count"] = *w.count;
    if (w.limit) o["limit"] = *w.limit;
    a.push_back(std::move(o));
  }
  return a;
}

json::object InstitutionJson(const domain::Institution& i,
                             const std::vector<domain::Warning>& warnings) {
  return {{"id", i.id},
          {"code", Nullable(i.code)},
          {"type", i.type},
          {"tier", i.tier},
          {"area_id", i.area_id},
          {"area_name", i.area_name},
          {"parent_id", Nullable(i.parent_id)},
          {"parent_name", Nullable(i.parent_name)},
          {"name", i.name},
          {"name_local", Nullable(i.name_local)},
          {"formed_on", Nullable(i.formed_on)},
          {"sex_composition", i.sex_composition},
          {"status", i.status},
          {"status_on", Nullable(i.status_on)},
          {"status_reason", Nullable(i.status_reason)},
          {"merged_into_id", Nullable(i.merged_into_id)},
          {"meeting_frequency", Nullable(i.meeting_frequency)},
          {"registration_status", i.registration_status},
          {"registration_authority", Nullable(i.registration_authority)},
          {"registration_number", Nullable(i.registration_number)},
          {"registration_date", Nullable(i.registration_date)},
          {"bank_status", i.bank_status},
          {"bank_name", Nullable(i.bank_name)},
          {"bank_opened_on", Nullable(i.bank_opened_on)},
          {"savings", i.savings},
          {"notes", Nullable(i.notes)},
          {"member_count", i.member_count},
          {"child_count", i.child_count},
          {"latest_grade", Nullable(i.latest_grade)},
          {"latest_assessed_on", Nullable(i.latest_assessed_on)},
          {"version", i.version},
          {"created_at", i.created_at},
          {"updated_at", i.updated_at},
          {"warnings", WarningsJson(warnings)}};
}

json::object StatusChangeJson(const domain::StatusChange& c) {
  return {{"status", c.status},
          {"status_on", c.status_on},
          {"reason", Nullable(c.reason)},
          {"at", c.at}};
}

json::object MembershipJson(const domain::Membership& m) {
  return {{"id", m.id},
          {"institution_id", m.institution_id},
          {"institution_name", Nullable(m.institution_name)},
          {"type", m.type},
          {"household_id", Nullable(m.household_id)},
          {"household_name", Nullable(m.household_name)},
          {"person_id", Nullable(m.person_id)},
          {"person_name", Nullable(m.person_name)},
          {"person_sex", Nullable(m.person_sex)},
          {"member_institution_id", Nullable(m.member_institution_id)},
          {"member_institution_name", Nullable(m.member_institution_name)},
          {"role", m.role},
          {"joined_on", m.joined_on},
          {"left_on", Nullable(m.left_on)},
          {"left_reason", Nullable(m.left_reason)},
          {"version", m.version}};
}

json::object AssessmentJson(const domain::Assessment& a) {
  json::object answers;
  for (const auto& [k, v] : a.answers) answers[k] = v;
  return {{"id", a.id},
          {"institution_id", a.institution_id},
          {"checklist", a.checklist},
          {"assessed_on", a.assessed_on},
          {"score", a.score},
          {"grade", a.grade},
          {"answers", std::move(answers)},
          {"notes", Nullable(a.notes)},
          {"created_at", a.created_at}};
}

json::object HouseholdJson(const domain::Household& h) {
  return {{"id", h.id},
          {"code", Nullable(h.code)},
          {"area_id", h.area_id},
          {"area_name", h.area_name},
          {"head_name", h.head_name},
          {"head_father_name", Nullable(h.head_father_name)},
          {"head_person_id", Nullable(h.head_person_id)},
          {"address", Nullable(h.address)},
          {"latitude", Nullable(h.latitude)},
          {"longitude", Nullable(h.longitude)},
          {"phone", Nullable(h.phone)},
          {"national_id", Nullable(h.national_id)},
          {"national_id_masked", h.national_id_masked},
          {"psc_score", Nullable(h.psc_score)},
          {"psc_date", Nullable(h.psc_date)},
          {"psc_source", Nullable(h.psc_source)},
          {"poverty_band", Nullable(h.poverty_band)},
          {"poor", h.poor},
          {"flags", StringArray(h.flags)},
          {"person_count", h.person_count},
          {"membership_count", h.membership_count},
          {"organised", h.membership_count > 0},
          {"merged_into_id", Nullable(h.merged_into_id)},
          {"version", h.version},
          {"created_at", h.created_at},
          {"updated_at", h.updated_at}};
}

json::object PersonJson(const domain::Person& p) {
  json::value wg = nullptr;
  if (p.wg) {
    json::object o;
    for (std::size_t i = 0; i < 6; ++i) o[domain::kWgDomains[i]] = (*p.wg)[i];
    wg = std::move(o);
  }
  json::value age = nullptr;
  if (p.birth_date)
    if (auto a = domain::AgeOn(*p.birth_date, domain::TodayDate())) age = *a;
  return {{"id", p.id},
          {"household_id", p.household_id},
          {"name", p.name},
          {"sex", p.sex},
          {"birth_date", Nullable(p.birth_date)},
          {"birth_date_estimated", p.birth_date_estimated},
          {"age", age},
          {"relation", p.relation},
          {"wg", wg},
          {"disability", p.disability},
          {"displacement", Nullable(p.displacement)},
          {"phone", Nullable(p.phone)},
          {"version", p.version}};
}

json::object HouseholdDetailJson(const domain::HouseholdDetail& d) {
  auto o = HouseholdJson(d.household);
  json::array people, memberships;
  for (const auto& p : d.people) people.push_back(PersonJson(p));
  for (const auto& m : d.memberships) memberships.push_back(MembershipJson(m));
  o["people"] = std::move(people);
  o["memberships"] = std::move(memberships);
  o["warnings"] = WarningsJson(d.warnings);
  return o;
}

json::object SummaryJson(const domain::RegistrySummary& s) {
  json::array inst, bands, members, children;
  for (const auto& i : s.institutions)
    inst.push_back(
        json::object{{"type", i.type}, {"tier", i.tier}, {"status", i.status}, {"count", i.count}});
  for (const auto& b : s.households.by_band)
    bands.push_back(json::object{{"band", Nullable(b.band)},
                                 {"poor", b.poor},
                                 {"registered", b.registered},
                                 {"organised", b.organised}});
  for (const auto& m : s.members)
    members.push_back(json::object{{"sex", m.sex},
                                   {"age_band", m.age_band},
                                   {"disability", m.disability},
                                   {"count", m.count}});
  for (const auto& c : s.children)
    children.push_back(json::object{{"area_id", c.area_id},
                                    {"name", c.name},
                                    {"households", c.households},
                                    {"organised", c.organised},
                                    {"poor", c.poor},
                                    {"poor_organised", c.poor_organised},
                                    {"institutions", c.institutions}});
  return {{"area", json::object{{"id", s.area_id}, {"name", s.area_name}}},
          {"institutions", std::move(inst)},
          {"households", json::object{{"registered", s.households.registered},
                                      {"organised", s.households.organised},
                                      {"poor_registered", s.households.poor_registered},
                                      {"poor_organised", s.households.poor_organised},
                                      {"by_band", std::move(bands)}}},
          {"members", std::move(members)},
          {"children", std::move(children)}};
}

}  // namespace mobilise::api
