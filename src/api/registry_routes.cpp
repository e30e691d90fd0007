// /registry/config and its changes (institution types, poverty bands, checklists, option
// lists), and /registry/summary.
#include "api/registry_dto.hpp"
#include "api/routes.hpp"

namespace mobilise::api {

namespace json = boost::json;

// Readers of the configuration bodies; the path names the record (its code or date).
namespace {

domain::InstitutionType ReadType(ObjectReader& r) {
  domain::InstitutionType type;
  type.name = r.RequiredString("name");
  if (auto nl = r.ClearableString("name_local"); nl && !nl->empty()) type.name_local = *nl;
  type.tier = static_cast<int>(r.RequiredInt("tier"));
  type.parent_types = r.OptionalStrings("parent_types").value_or(std::vector<std::string>{});
  const auto kind = r.RequiredString("member_kind");
  if (auto k = domain::ParseMemberKind(kind))
    type.member_kind = *k;
  else if (!kind.empty())
    r.Invalid("member_kind", "must be one of household, person, institution");
  if (auto v = r.OptionalInt("size_min")) type.size_min = static_cast<int>(*v);
  if (auto v = r.OptionalInt("size_max")) type.size_max = static_cast<int>(*v);
  return type;
}

domain::PovertyBand ReadBand(ObjectReader& b) {
  domain::PovertyBand band;
  band.code = b.RequiredString("code");
  band.name = b.RequiredString("name");
  if (auto nl = b.ClearableString("name_local"); nl && !nl->empty()) band.name_local = *nl;
  band.lower_bound = b.OptionalNumber("lower_bound").value_or(-1);
  band.poor = b.OptionalBool("poor").value_or(false);
  return band;
}

domain::PovertyBandSet ReadBandSet(ObjectReader& r) {
  domain::PovertyBandSet set;
  if (auto src = r.ClearableString("source"); src && !src->empty()) set.source = *src;
  set.bands = ReadObjects<domain::PovertyBand>(r, "bands", r.RequiredArray("bands"), ReadBand)
                  .value_or(std::vector<domain::PovertyBand>{});
  return set;
}

domain::ChecklistItem ReadChecklistItem(ObjectReader& i) {
  return domain::ChecklistItem{i.RequiredString("code"), i.RequiredString("name"),
                               static_cast<int>(i.RequiredInt("max_score"))};
}

domain::ChecklistGrade ReadGrade(ObjectReader& g) {
  return domain::ChecklistGrade{g.RequiredString("grade"),
                                g.OptionalNumber("min_percent").value_or(-1)};
}

domain::Checklist ReadChecklist(ObjectReader& r) {
  domain::Checklist list;
  list.name = r.RequiredString("name");
  list.institution_types =
      r.OptionalStrings("institution_types").value_or(std::vector<std::string>{});
  list.items =
      ReadObjects<domain::ChecklistItem>(r, "items", r.RequiredArray("items"), ReadChecklistItem)
          .value_or(std::vector<domain::ChecklistItem>{});
  list.grades =
      ReadObjects<domain::ChecklistGrade>(r, "grades", r.RequiredArray("grades"), ReadGrade)
          .value_or(std::vector<domain::ChecklistGrade>{});
  return list;
}

domain::RegistryOption ReadOption(ObjectReader& o) {
  domain::RegistryOption opt{o.RequiredString("code"), o.RequiredString("name"), std::nullopt};
  if (auto nl = o.ClearableString("name_local"); nl && !nl->empty()) opt.name_local = *nl;
  return opt;
}

// The body of PUT /registry-options/{list}: a JSON array of {code, name, name_local}.
Result<std::vector<domain::RegistryOption>> ReadOptions(const http::Request& request) {
  auto body = ParseBody(request);
  if (!body) return Fail(body.error());
  if (!body->is_array())
    return Fail(Error::Field("body", "must be a JSON array of {code, name, name_local}"));
  json::object holder{{"options", body->as_array()}};
  ObjectReader r(holder);
  auto options =
      ReadObjects<domain::RegistryOption>(r, "options", r.RequiredArray("options"), ReadOption)
          .value_or(std::vector<domain::RegistryOption>{});
  if (auto ok = r.Finish(); !ok) return Fail(ok.error());
  return options;
}

}  // namespace

// The handlers: request -> service call -> reply.
namespace {

http::Response GetConfig(Services& s, Call&) {
  return Json(200, RegistryConfigJson(s.registry_config.Get()));
}

http::Response SaveType(Services& s, Call& c) {
  auto type = ReadBody(c.request, ReadType);
  if (!type) return ErrorResponse(type.error());
  type->code = c.param("code");
  return Reply(s.registry_config.SaveType(c.actor(), *type), 200, InstitutionTypeJson);
}

http::Response SaveBandSet(Services& s, Call& c) {
  auto set = ReadBody(c.request, ReadBandSet);
  if (!set) return ErrorResponse(set.error());
  set->effective_from = c.param("effective_from");
  return NoContent(s.registry_config.SaveBandSet(c.actor(), *set));
}

http::Response SaveChecklist(Services& s, Call& c) {
  auto list = ReadBody(c.request, ReadChecklist);
  if (!list) return ErrorResponse(list.error());
  list->code = c.param("code");
  return NoContent(s.registry_config.SaveChecklist(c.actor(), *list));
}

http::Response SaveOptions(Services& s, Call& c) {
  auto options = ReadOptions(c.request);
  if (!options) return ErrorResponse(options.error());
  return NoContent(s.registry_config.SaveOptions(c.actor(), c.param("list"), *options));
}

http::Response Summary(Services& s, Call& c) {
  return Reply(s.registry_summary.Summary(c.actor(), QueryText(c.request, "area")), 200,
               SummaryJson);
}

}  // namespace

void AddRegistryRoutes(RouteTable& t, Services& s) {
  static constexpr AuthedRoute<Services> kRoutes[] = {
      {"GET", "/api/v1/registry/config", GetConfig},
      {"PUT", "/api/v1/institution-types/{code}", SaveType},
      {"PUT", "/api/v1/poverty-bands/{effective_from}", SaveBandSet},
      {"PUT", "/api/v1/checklists/{code}", SaveChecklist},
      {"PUT", "/api/v1/registry-options/{list}", SaveOptions},
      {"GET", "/api/v1/registry/summary", Summary},
  };
  t.Authed(s, kRoutes);
}

}  // namespace mobilise::api
