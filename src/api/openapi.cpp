#include "api/openapi.hpp"

#include <set>

#include "api/dto.hpp"
#include "api/field_problem_json.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {

bool Documented(const std::string& pattern) {
  return pattern.rfind("/api/", 0) == 0 || pattern == "/healthz" || pattern == "/metrics";
}

json::array PathParameters(const std::vector<std::string>& segments) {
  json::array out;
  for (const auto& s : segments)
    if (s.size() > 2 && s.front() == '{' && s.back() == '}')
      out.push_back(json::object{{"name", s.substr(1, s.size() - 2)},
                                 {"in", "path"},
                                 {"required", true},
                                 {"schema", TypeSchema("string")}});
  return out;
}

json::object JsonContent(json::object schema) {
  return {{"application/json", json::object{{"schema", std::move(schema)}}}};
}

const OperationSchema* Find(const std::string& method, const std::string& pattern) {
  for (const auto& op : OperationSchemas())
    if (op.method == method && op.pattern == pattern) return &op;
  return nullptr;
}

// An error answer's documentation: `description`, the error body, and `headers` (name ->
// description) when it has some.
json::object ErrorAnswer(const std::string& description,
                         std::vector<std::pair<std::string, std::string>> headers = {}) {
  json::object out{{"description", description}, {"content", JsonContent(ErrorShape().Use())}};
  json::object h;
  for (auto& [name, why] : headers)
    h[name] = json::object{{"description", why}, {"schema", TypeSchema("integer")}};
  if (!h.empty()) out["headers"] = std::move(h);
  return out;
}

// The answers the server gives when its resources run short (api/http/server.hpp), where it can
// give them: 503 busy and 507 disk_full on every route that writes to the database, and on every
// authenticated one (a device session's sliding expiry is written); 429 rate_limited where
// sign-ins are throttled and where imports are limited (max_imports).
void AddResourceAnswers(const http::Router::Route& route, json::object& responses) {
  if (route.authed || route.method != "GET") {
    responses["503"] = ErrorAnswer(
        "busy: the database is locked by another writer; try again after Retry-After seconds",
        {{"Retry-After", "seconds to wait before trying again"}});
    responses["507"] = ErrorAnswer("disk_full: the server's disk is full; nothing was stored");
  }
  if (route.pattern.ends_with("/import"))
    responses["429"] =
        ErrorAnswer("rate_limited: as many imports as the server allows are running; try again");
  else if (route.pattern == "/api/v1/session" && route.method == "POST")
    responses["429"] =
        ErrorAnswer("rate_limited: too many failed sign-ins from this address or for this account",
                    {{"Retry-After", "seconds until the next attempt is allowed"}});
}

json::object Operation(const http::Router::Route& route) {
  json::object responses{{"default", json::object{{"description", "an error"},
                                                  {"content", JsonContent(ErrorShape().Use())}}}};
  json::object op;
  if (const auto* spec = Find(route.method, route.pattern)) {
    json::object ok{{"description", "success"}};
    if (spec->response) ok["content"] = JsonContent(spec->response());
    responses[std::to_string(spec->status)] = std::move(ok);
    if (spec->request)
      op["requestBody"] =
          json::object{{"required", true}, {"content", JsonContent(spec->request())}};
  } else {
    responses["200"] = json::object{{"description", "success (body described in docs/api.md)"}};
  }
  auto params = PathParameters(route.segments);
  if (!route.create.empty()) {
    responses["409"] =
        json::object{{"description", "the id was used before by another request (error.fields.id)"},
                     {"content", JsonContent(ErrorShape().Use())}};
    if (route.create == "raw")
      params.push_back(json::object{
          {"name", "id"}, {"in", "query"}, {"required", false}, {"schema", TypeSchema("string")}});
  }
  AddResourceAnswers(route, responses);
  op["responses"] = std::move(responses);
  if (!params.empty()) op["parameters"] = std::move(params);
  return op;
}

json::object Components() {
  json::object schemas;
  std::vector<const ShapeBase*> todo = ComponentShapes();
  todo.push_back(&ErrorShape());
  std::set<std::string> seen;
  while (!todo.empty()) {
    const auto* shape = todo.back();
    todo.pop_back();
    if (!seen.insert(shape->name()).second) continue;
    schemas[shape->name()] = shape->Schema();
    for (const auto* r : shape->Refs()) todo.push_back(r);
  }
  return {{"schemas", std::move(schemas)}};
}

}  // namespace

json::object OpenApiDocument(const http::Router& router, const std::string& version) {
  json::object paths;
  for (const auto& route : router.routes()) {
    if (!Documented(route.pattern)) continue;
    std::string method = route.method;
    for (auto& ch : method) ch = static_cast<char>(std::tolower(ch));
    auto& entry = paths[route.pattern];
    if (!entry.is_object()) entry.emplace_object();
    entry.as_object()[method] = Operation(route);
  }
  return {{"openapi", "3.0.3"},
          {"info", json::object{{"title", "Mobilise API"}, {"version", version}}},
          {"paths", std::move(paths)},
          {"components", Components()},
          // The field problem codes of error.field_codes, with their English templates.
          {"x-field-codes", FieldCodesCatalogue()}};
}

}  // namespace mobilise::api
