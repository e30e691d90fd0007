#include "api/registry_config_json.hpp"

namespace mobilise::api {

domain::InstitutionType ReadInstitutionType(ObjectReader& r) {
  domain::InstitutionType type;
  type.name = r.RequiredString("name");
  if (auto nl = r.ClearableString("name_local"); nl && !nl->empty()) type.name_local = *nl;
  type.tier = static_cast<int>(r.RequiredInt("tier"));
  type.parent_types = r.OptionalStrings("parent_types").value_or(std::vector<std::string>{});
  const auto kind = r.RequiredString("member_kind");
  if (auto k = domain::ParseMemberKind(kind))
    type.member_kind = *k;
  else if (!kind.empty())
    r.Invalid("member_kind",
              problem::OneOf(std::vector<std::string>{"household", "person", "institution"}));
  if (auto v = r.OptionalInt("size_min")) type.size_min = static_cast<int>(*v);
  if (auto v = r.OptionalInt("size_max")) type.size_max = static_cast<int>(*v);
  return type;
}

domain::PovertyBandSet ReadBandSet(ObjectReader& r) {
  domain::PovertyBandSet set;
  if (auto src = r.ClearableString("source"); src && !src->empty()) set.source = *src;
  set.bands =
      ReadObjects<domain::PovertyBand>(r, "bands", r.RequiredArray("bands"), [](ObjectReader& b) {
        domain::PovertyBand band;
        band.code = b.RequiredString("code");
        band.name = b.RequiredString("name");
        if (auto nl = b.ClearableString("name_local"); nl && !nl->empty()) band.name_local = *nl;
        band.lower_bound = b.OptionalNumber("lower_bound").value_or(-1);
        band.poor = b.OptionalBool("poor").value_or(false);
        return band;
      }).value_or(std::vector<domain::PovertyBand>{});
  return set;
}

domain::Checklist ReadChecklist(ObjectReader& r) {
  domain::Checklist list;
  list.name = r.RequiredString("name");
  list.institution_types =
      r.OptionalStrings("institution_types").value_or(std::vector<std::string>{});
  list.purpose = r.OptionalString("purpose").value_or(std::string(domain::kMaturityChecklist));
  list.items =
      ReadObjects<domain::ChecklistItem>(r, "items", r.RequiredArray("items"), [](ObjectReader& i) {
        auto section = i.ClearableString("section");
        return domain::ChecklistItem{i.RequiredString("code"), i.RequiredString("name"),
                                     static_cast<int>(i.RequiredInt("max_score")),
                                     section && !section->empty() ? section : std::nullopt};
      }).value_or(std::vector<domain::ChecklistItem>{});
  list.grades = ReadObjects<domain::ChecklistGrade>(
                    r, "grades", r.RequiredArray("grades"),
                    [](ObjectReader& g) {
                      return domain::ChecklistGrade{g.RequiredString("grade"),
                                                    g.OptionalNumber("min_percent").value_or(-1)};
                    })
                    .value_or(std::vector<domain::ChecklistGrade>{});
  return list;
}

domain::RegistryOption ReadRegistryOption(ObjectReader& o) {
  domain::RegistryOption opt{o.RequiredString("code"), o.RequiredString("name"), std::nullopt};
  if (auto nl = o.ClearableString("name_local"); nl && !nl->empty()) opt.name_local = *nl;
  return opt;
}

}  // namespace mobilise::api
