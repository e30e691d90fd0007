// /area-levels, /areas, /areas/{id}, /areas/{id}/children.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "api/routes.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {

Result<domain::AreaPatch> ReadPatch(const json::object& body) {
  ObjectReader r(body);
  domain::AreaPatch p;
  p.version = r.RequiredInt("version");
  p.code = r.OptionalString("code");
  p.name = r.OptionalString("name");
  p.name_local = r.NullableString("name_local");
  p.parent_id = r.OptionalString("parent_id");
  if (auto ok = r.Finish(); !ok) return Fail(ok.error());
  return p;
}

}  // namespace

// Readers and writers that the handlers used to hold inline.
namespace {

json::object LevelJson(const domain::AreaLevel& l) {
  return json::object{
      {"level", l.level},
      {"name", l.name},
      {"name_local", l.name_local ? json::value(*l.name_local) : json::value(nullptr)}};
}

// The body of PUT /area-levels: a JSON array of {level, name, name_local}.
Result<std::vector<domain::AreaLevel>> ReadLevels(const http::Request& request) {
  auto body = ParseBody(request);
  if (!body) return Fail(body.error());
  if (!body->is_array())
    return Fail(Error::Field("body", "must be a JSON array of {level, name, name_local}"));
  std::vector<domain::AreaLevel> levels;
  std::map<std::string, std::string> errors;
  for (std::size_t i = 0; i < body->as_array().size(); ++i) {
    const auto& item = body->as_array()[i];
    const std::string f = "[" + std::to_string(i) + "]";
    if (!item.is_object()) {
      errors[f] = "must be an object";
      continue;
    }
    ObjectReader r(item.as_object(), f);
    domain::AreaLevel l;
    l.level = static_cast<int>(r.RequiredInt("level"));
    l.name = r.RequiredString("name");
    if (auto nl = r.NullableString("name_local")) l.name_local = *nl;
    if (auto ok = r.Finish(); !ok)
      errors.insert(ok.error().fields.begin(), ok.error().fields.end());
    levels.push_back(std::move(l));
  }
  if (auto ok = FieldErrorsResult(errors); !ok) return Fail(ok.error());
  return levels;
}

// ?parent= (an id, or "root"), ?q=, ?level= and the page.
Result<domain::AreaListFilter> ReadFilter(const http::Request& request) {
  auto page = ParsePage(request);
  if (!page) return Fail(page.error());
  domain::AreaListFilter f;
  f.page = *page;
  if (auto p = request.Query("parent")) {
    if (*p == "root")
      f.roots = true;
    else
      f.parent_id = *p;
  }
  f.text = QueryText(request, "q");
  if (auto l = request.Query("level")) {
    const auto level = ParseInt(*l);
    if (!level || *level > 99) return Fail(Error::Field("level", "must be a whole number"));
    f.level = static_cast<int>(*level);
  }
  return f;
}

domain::AreaInput ReadArea(ObjectReader& r) {
  domain::AreaInput in;
  in.parent_id = r.OptionalString("parent_id");
  in.code = r.RequiredString("code");
  in.name = r.RequiredString("name");
  if (auto nl = r.NullableString("name_local")) in.name_local = *nl;
  return in;
}

json::object OneAreaJson(const domain::Area& a) { return AreaJson(a); }

json::object DetailJson(const domain::AreaDetail& d) {
  auto o = AreaJson(d.area);
  json::array anc;
  for (const auto& a : d.ancestors)
    anc.push_back(json::object{{"id", a.id}, {"name", a.name}, {"level", a.level}});
  o["ancestors"] = std::move(anc);
  return o;
}

}  // namespace

// The handlers: request -> service call -> reply.
namespace {

http::Response ListLevels(Services& s, Call&) {
  json::array out;
  for (const auto& l : s.areas.Levels()) out.push_back(LevelJson(l));
  return Json(200, out);
}

http::Response SetLevels(Services& s, Call& c) {
  auto levels = ReadLevels(c.request);
  if (!levels) return ErrorResponse(levels.error());
  return NoContent(s.areas.SetLevels(c.actor(), *levels));
}

http::Response ListAreas(Services& s, Call& c) {
  auto f = ReadFilter(c.request);
  if (!f) return ErrorResponse(f.error());
  return ReplyPage(s.areas.List(c.actor(), *f), f->page, OneAreaJson);
}

http::Response CreateArea(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadArea);
  if (!in) return ErrorResponse(in.error());
  return Reply(s.areas.Create(c.actor(), *in), 201, OneAreaJson);
}

http::Response GetArea(Services& s, Call& c) {
  return Reply(s.areas.Get(c.actor(), c.param("id")), 200, DetailJson);
}

http::Response UpdateArea(Services& s, Call& c) {
  auto body = ParseObject(c.request);
  if (!body) return ErrorResponse(body.error());
  auto patch = ReadPatch(*body);
  if (!patch) return ErrorResponse(patch.error());
  const auto& id = c.param("id");
  return Updated(
      s.areas.Update(c.actor(), id, *patch),
      [&]() -> std::optional<domain::Area> {
        if (auto now = s.areas.Get(c.actor(), id)) return now->area;
        return std::nullopt;
      },
      OneAreaJson);
}

http::Response DeleteArea(Services& s, Call& c) {
  return NoContent(s.areas.Delete(c.actor(), c.param("id")));
}

http::Response ListChildren(Services& s, Call& c) {
  auto page = ParsePage(c.request);
  if (!page) return ErrorResponse(page.error());
  return ReplyPage(s.areas.Children(c.actor(), c.param("id"), *page), *page, OneAreaJson);
}

}  // namespace

void AddAreaRoutes(RouteTable& t, Services& s, const ApiOptions&) {
  static constexpr AuthedRoute<Services> kRoutes[] = {
      {"GET", "/api/v1/area-levels", ListLevels},
      {"PUT", "/api/v1/area-levels", SetLevels},
      {"GET", "/api/v1/areas", ListAreas},
      {"POST", "/api/v1/areas", CreateArea},
      {"GET", "/api/v1/areas/{id}", GetArea},
      {"PATCH", "/api/v1/areas/{id}", UpdateArea},
      {"DELETE", "/api/v1/areas/{id}", DeleteArea},
      {"GET", "/api/v1/areas/{id}/children", ListChildren},
  };
  t.Authed(s, kRoutes);
}

}  // namespace mobilise::api
