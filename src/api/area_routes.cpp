// /area-levels, /areas, /areas/{id}, /areas/{id}/children.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "api/record_handlers.hpp"
#include "api/routes.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {

// ?parent= (an id, or "root"), ?q=, ?level= and the page.
Result<domain::AreaListFilter> ReadFilter(const http::Request& request) {
  using F = domain::AreaListFilter;
  auto f = ReadListFilter<F>(request, {{"q", &F::text}});
  if (!f) return f;
  if (auto p = request.Query("parent")) {
    if (*p == "root")
      f->roots = true;
    else
      f->parent_id = *p;
  }
  if (auto l = request.Query("level")) {
    const auto level = ParseInt(*l);
    if (!level || *level > 99) return Fail(Error::Field("level", problem::WholeNumber()));
    f->level = static_cast<int>(*level);
  }
  return f;
}

}  // namespace

// The handlers: request -> service call -> reply. Those that pass the record to one service
// method are named with record_handlers.hpp.
namespace {

using A = domain::AreaService;

http::Response ListLevels(Services& s, Call&) {
  json::array out;
  for (const auto& l : s.areas.Levels()) out.push_back(AreaLevelJson(l));
  return Json(200, out);
}

http::Response SetLevels(Services& s, Call& c) {
  // A JSON array of {level, name, name_local}.
  auto levels =
      ReadArrayBody<domain::AreaLevel>(c.request, "", "{level, name, name_local}", ReadAreaLevel);
  if (!levels) return ErrorResponse(levels.error());
  return NoContent(s.areas.SetLevels(c.actor(), *levels));
}

constexpr auto ListAreas = ListByFilter<ReadFilter, &A::List, AreaJson>;
constexpr auto CreateArea = CreateFromBody<ReadNewArea, &A::Create, AreaJson>;
constexpr auto GetArea = GetById<&A::Get, AreaDetailJson>;

http::Response UpdateArea(Services& s, Call& c) {
  auto patch = ReadBody(c.request, ReadAreaPatch);
  if (!patch) return ErrorResponse(patch.error());
  const auto& id = c.param("id");
  return Updated(
      s.areas.Update(c.actor(), id, *patch),
      [&]() -> std::optional<domain::Area> {
        if (auto now = s.areas.Get(c.actor(), id)) return now->area;
        return std::nullopt;
      },
      AreaJson);
}

constexpr auto DeleteArea = DeleteById<&A::Delete>;

http::Response ListChildren(Services& s, Call& c) {
  auto page = ParsePage(c.request);
  if (!page) return ErrorResponse(page.error());
  return ReplyPage(s.areas.Children(c.actor(), c.param("id"), *page), *page, AreaJson);
}

}  // namespace

void AddAreaRoutes(RouteTable& t, Services& s, const ApiOptions&) {
  static constexpr AuthedRoute<Services> kRoutes[] = {
      {"GET", "/api/v1/area-levels", ListLevels},
      {"PUT", "/api/v1/area-levels", SetLevels},
      {"GET", "/api/v1/areas", ListAreas},
      {"POST", "/api/v1/areas", CreateArea, Create::kJson, GetArea},
      {"GET", "/api/v1/areas/{id}", GetArea},
      {"PATCH", "/api/v1/areas/{id}", UpdateArea},
      {"DELETE", "/api/v1/areas/{id}", DeleteArea},
      {"GET", "/api/v1/areas/{id}/children", ListChildren},
  };
  t.Authed(s, kRoutes);
}

}  // namespace mobilise::api
