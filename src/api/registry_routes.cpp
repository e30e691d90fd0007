// /registry/config and its changes (institution types, poverty bands, checklists, option
// lists), and /registry/summary.
#include "api/registry_config_json.hpp"
#include "api/registry_dto.hpp"
#include "api/routes.hpp"

namespace mobilise::api {

// The handlers: request -> service call -> reply.
namespace {

http::Response GetConfig(Services& s, Call&) {
  return Json(200, RegistryConfigJson(s.registry_config.Get()));
}

http::Response SaveType(Services& s, Call& c) {
  auto type = ReadBody(c.request, ReadInstitutionType);
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
  // A JSON array of {code, name, name_local}.
  auto options = ReadArrayBody<domain::RegistryOption>(
      c.request, "options", "{code, name, name_local}", ReadRegistryOption);
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
