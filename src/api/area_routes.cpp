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

void AddAreaRoutes(RouteTable& t, Services& s, const ApiOptions&) {
  t.Authed("GET", "/api/v1/area-levels", [&s](Call&) {
    json::array out;
    for (const auto& l : s.areas.Levels())
      out.push_back(json::object{
          {"level", l.level},
          {"name", l.name},
          {"name_local", l.name_local ? json::value(*l.name_local) : json::value(nullptr)}});
    return Json(200, out);
  });

  t.Authed("PUT", "/api/v1/area-levels", [&s](Call& c) {
    auto body = ParseBody(c.request);
    if (!body) return ErrorResponse(body.error());
    if (!body->is_array())
      return ErrorResponse(
          Error::Field("body", "must be a JSON array of {level, name, name_local}"));
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
    if (auto ok = FieldErrorsResult(errors); !ok) return ErrorResponse(ok.error());
    if (auto ok = s.areas.SetLevels(c.actor(), levels); !ok) return ErrorResponse(ok.error());
    http::Response resp;
    resp.status = 204;
    return resp;
  });

  t.Authed("GET", "/api/v1/areas", [&s](Call& c) {
    auto page = ParsePage(c.request);
    if (!page) return ErrorResponse(page.error());
    domain::AreaListFilter f;
    f.page = *page;
    if (auto p = c.request.Query("parent")) {
      if (*p == "root")
        f.roots = true;
      else
        f.parent_id = *p;
    }
    if (auto q = c.request.Query("q"); q && !q->empty()) f.text = *q;
    if (auto l = c.request.Query("level")) {
      const auto level = ParseInt(*l);
      if (!level || *level > 99)
        return ErrorResponse(Error::Field("level", "must be a whole number"));
      f.level = static_cast<int>(*level);
    }
    return Reply(s.areas.List(c.actor(), f), 200, [&](const domain::Page<domain::Area>& p) {
      return PageJson(p, *page, [&](const domain::Area& a) { return AreaJson(a); });
    });
  });

  t.Authed("POST", "/api/v1/areas", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    ObjectReader r(*body);
    domain::AreaInput in;
    in.parent_id = r.OptionalString("parent_id");
    in.code = r.RequiredString("code");
    in.name = r.RequiredString("name");
    if (auto nl = r.NullableString("name_local")) in.name_local = *nl;
    if (auto ok = r.Finish(); !ok) return ErrorResponse(ok.error());
    return Reply(s.areas.Create(c.actor(), in), 201,
                 [&](const domain::Area& a) { return AreaJson(a); });
  });

  t.Authed("GET", "/api/v1/areas/{id}", [&s](Call& c) {
    return Reply(
        s.areas.Get(c.actor(), c.request.path_params["id"]), 200, [&](const domain::AreaDetail& d) {
          auto o = AreaJson(d.area);
          json::array anc;
          for (const auto& a : d.ancestors)
            anc.push_back(json::object{{"id", a.id}, {"name", a.name}, {"level", a.level}});
          o["ancestors"] = std::move(anc);
          return o;
        });
  });

  t.Authed("PATCH", "/api/v1/areas/{id}", [&s](Call& c) {
    auto body = ParseObject(c.request);
    if (!body) return ErrorResponse(body.error());
    auto patch = ReadPatch(*body);
    if (!patch) return ErrorResponse(patch.error());
    const auto& id = c.request.path_params["id"];
    auto updated = s.areas.Update(c.actor(), id, *patch);
    if (!updated && updated.error().fields.count("version")) {
      if (auto now = s.areas.Get(c.actor(), id))
        return StaleWithCurrent(updated.error(), AreaJson(now->area));
    }
    return Reply(updated, 200, [&](const domain::Area& a) { return AreaJson(a); });
  });

  t.Authed("DELETE", "/api/v1/areas/{id}", [&s](Call& c) {
    auto ok = s.areas.Delete(c.actor(), c.request.path_params["id"]);
    if (!ok) return ErrorResponse(ok.error());
    http::Response resp;
    resp.status = 204;
    return resp;
  });

  t.Authed("GET", "/api/v1/areas/{id}/children", [&s](Call& c) {
    auto page = ParsePage(c.request);
    if (!page) return ErrorResponse(page.error());
    return Reply(s.areas.Children(c.actor(), c.request.path_params["id"], *page), 200,
                 [&](const domain::Page<domain::Area>& p) {
                   return PageJson(p, *page, [&](const domain::Area& a) { return AreaJson(a); });
                 });
  });
}

}  // namespace mobilise::api
