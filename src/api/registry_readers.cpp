// The readers of the registry's request bodies (institutions, members, assessments,
// households, people, merges). The handlers and the OpenAPI table call the same functions, so the
// document says what the server reads.
#include <array>

#include "api/json_io.hpp"
#include "api/registry_dto.hpp"
#include "domain/demographics.hpp"

namespace mobilise::api {

domain::InstitutionInput ReadInstitution(ObjectReader& r) {
  domain::InstitutionInput in;
  in.type = r.OptionalString("type");
  in.area_id = r.OptionalString("area_id");
  in.parent_id = r.ClearableString("parent_id");
  in.code = r.ClearableString("code");
  in.name = r.OptionalString("name");
  in.name_local = r.ClearableString("name_local");
  in.formed_on = r.ClearableString("formed_on");
  in.sex_composition = r.OptionalString("sex_composition");
  in.status = r.OptionalString("status");
  in.status_on = r.OptionalString("status_on");
  in.status_reason = r.ClearableString("status_reason");
  in.merged_into_id = r.OptionalString("merged_into_id");
  in.meeting_frequency = r.ClearableString("meeting_frequency");
  in.registration_status = r.OptionalString("registration_status");
  in.registration_authority = r.ClearableString("registration_authority");
  in.registration_number = r.ClearableString("registration_number");
  in.registration_date = r.ClearableString("registration_date");
  in.bank_status = r.OptionalString("bank_status");
  in.bank_name = r.ClearableString("bank_name");
  in.bank_opened_on = r.ClearableString("bank_opened_on");
  in.savings = r.OptionalNumber("savings");
  in.notes = r.ClearableString("notes");
  return in;
}

domain::PersonInput ReadPerson(ObjectReader& r) {
  domain::PersonInput p;
  p.name = r.OptionalString("name");
  p.sex = r.OptionalString("sex");
  p.relation = r.OptionalString("relation");
  p.birth_date = r.ClearableString("birth_date");
  p.age = r.OptionalInt("age");
  p.displacement = r.ClearableString("displacement");
  p.phone = r.ClearableString("phone");
  if (const auto* wg = r.NullableObject("wg")) {
    if (!*wg) {
      p.clear_wg = true;
    } else {
      ObjectReader w(**wg, r.Path("wg"));
      std::array<std::int64_t, 6> answers{};
      for (std::size_t i = 0; i < 6; ++i) answers[i] = w.RequiredInt(domain::kWgDomains[i]);
      if (auto ok = w.Finish(); !ok)
        for (const auto& [k, v] : ok.error().fields) r.errors()[k] = v;
      p.wg = answers;
    }
  }
  return p;
}

domain::HouseholdInput ReadHousehold(ObjectReader& r) {
  domain::HouseholdInput in;
  in.area_id = r.OptionalString("area_id");
  in.code = r.ClearableString("code");
  in.head_name = r.OptionalString("head_name");
  in.head_father_name = r.ClearableString("head_father_name");
  in.address = r.ClearableString("address");
  in.phone = r.ClearableString("phone");
  in.national_id = r.ClearableString("national_id");
  in.psc_date = r.ClearableString("psc_date");
  in.psc_source = r.ClearableString("psc_source");
  in.psc_score = r.OptionalNumber("psc_score");
  in.latitude = r.OptionalNumber("latitude");
  in.longitude = r.OptionalNumber("longitude");
  in.flags = r.OptionalStrings("flags");
  in.allow_duplicate = r.OptionalBool("allow_duplicate").value_or(false);
  return in;
}

domain::HouseholdInput ReadNewHousehold(ObjectReader& r) {
  auto in = ReadHousehold(r);
  in.people =
      ReadObjects<domain::PersonInput>(r, "people", r.OptionalArray("people"), ReadNew<ReadPerson>)
          .value_or(std::vector<domain::PersonInput>{});
  in.id = ReadClientId(r);
  return in;
}

HouseholdMerge ReadHouseholdMerge(ObjectReader& r) {
  HouseholdMerge in;
  in.other_id = r.RequiredString("other_id");
  in.version = r.RequiredInt("version");
  return in;
}

domain::MemberInput ReadNewMember(ObjectReader& r) {
  domain::MemberInput in;
  in.household_id = r.OptionalString("household_id");
  in.person_id = r.OptionalString("person_id");
  in.member_institution_id = r.OptionalString("member_institution_id");
  in.role = r.RequiredString("role");
  in.joined_on = r.RequiredString("joined_on");
  in.id = ReadClientId(r);
  return in;
}

domain::MemberPatch ReadMemberPatch(ObjectReader& r) {
  domain::MemberPatch p;
  p.role = r.OptionalString("role");
  p.left_on = r.OptionalString("left_on");
  p.left_reason = r.OptionalString("left_reason");
  return p;
}

domain::AssessmentInput ReadNewAssessment(ObjectReader& r) {
  domain::AssessmentInput in;
  in.id = ReadClientId(r);
  in.checklist = r.RequiredString("checklist");
  in.assessed_on = r.RequiredString("assessed_on");
  if (auto n = r.ClearableString("notes")) in.notes = *n;
  if (const auto* answers = r.RequiredObject("answers")) {
    for (const auto& [k, v] : *answers) {
      if (!v.is_int64())
        r.Invalid("answers." + std::string(k), problem::WholeNumber());
      else
        in.answers[std::string(k)] = v.as_int64();
    }
  }
  return in;
}

}  // namespace mobilise::api
