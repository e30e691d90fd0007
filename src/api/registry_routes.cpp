// /registry/config and its changes (institution types, poverty bands, checklists, option
// lists), and /registry/summary.
#include "api/registry_dto.hpp"
#include "api/routes.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {}  // namespace

void AddRegistryRoutes(RouteTable& t, Services& s) {
  t.Authed("GET", "/api/v1/registry/config",
           [&s](Call&) { return Json(200, RegistryConfigJson(s.registry_config.Get())); });

  t.Authed("PUT", "/api/v1/institution-types/{code}", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    domain::InstitutionType type;
    type.code = c.request.path_params["code"];
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
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    return Reply(s.registry_config.SaveType(c.actor(), type), 200, InstitutionTypeJson);
  });

  t.Authed("PUT", "/api/v1/poverty-bands/{effective_from}", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    domain::PovertyBandSet set;
    set.effective_from = c.request.path_params["effective_from"];
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
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    auto ok = s.registry_config.SaveBandSet(c.actor(), set);
    return ok ? NoContent() : ErrorResponse(ok.error());
  });

  t.Authed("PUT", "/api/v1/checklists/{code}", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    domain::Checklist list;
    list.code = c.request.path_params["code"];
    list.name = r.RequiredString("name");
    list.institution_types =
        r.OptionalStrings("institution_types").value_or(std::vector<std::string>{});
    list.items =
        ReadObjects<domain::ChecklistItem>(r, "items", r.RequiredArray("items"),
                                           [](ObjectReader& i) {
                                             return domain::ChecklistItem{
                                                 i.RequiredString("code"), i.RequiredString("name"),
                                                 static_cast<int>(i.RequiredInt("max_score"))};
                                           })
            .value_or(std::vector<domain::ChecklistItem>{});
    list.grades = ReadObjects<domain::ChecklistGrade>(
                      r, "grades", r.RequiredArray("grades"),
                      [](ObjectReader& g) {
                        return domain::ChecklistGrade{g.RequiredString("grade"),
                                                      g.OptionalNumber("min_percent").value_or(-1)};
                      })
                      .value_or(std::vector<domain::ChecklistGrade>{});
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    auto ok = s.registry_config.SaveChecklist(c.actor(), list);
    return ok ? NoContent() : ErrorResponse(ok.error());
  });

  t.Authed("PUT", "/api/v1/registry-options/{list}", [&s](Call& c) {
    auto body = ParseBody(c.request);
    if (!body) return ErrorResponse(body.error());
    if (!body->is_array())
      return ErrorResponse(
          Error::Field("body", "must be a JSON array of {code, name, name_local}"));
    json::object holder{{"options", body->as_array()}};
    ObjectReader r(holder);
    auto options = ReadObjects<domain::RegistryOption>(
                       r, "options", r.RequiredArray("options"),
                       [](ObjectReader& o) {
                         domain::RegistryOption opt{o.RequiredString("code"),
                                                    o.RequiredString("name"), std::nullopt};
                         if (auto nl = o.ClearableString("name_local"); nl && !nl->empty())
                           opt.name_local = *nl;
                         return opt;
                       })
                       .value_or(std::vector<domain::RegistryOption>{});
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    auto ok = s.registry_config.SaveOptions(c.actor(), c.request.path_params["list"], options);
    return ok ? NoContent() : ErrorResponse(ok.error());
  });

  t.Authed("GET", "/api/v1/registry/summary", [&s](Call& c) {
    std::optional<std::string> area;
    if (auto a = c.request.Query("area"); a && !a->empty()) area = std::string(*a);
    return Reply(s.registry_summary.Summary(c.actor(), area), 200, SummaryJson);
  });
}

}  // namespace mobilise::api
