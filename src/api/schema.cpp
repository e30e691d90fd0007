#include "api/schema.hpp"

namespace mobilise::api {

namespace json = boost::json;

json::object TypeSchema(std::string_view type) { return {{"type", type}}; }

json::object ArraySchema(json::object items) {
  return {{"type", "array"}, {"items", std::move(items)}};
}

json::object NullableSchema(json::object node) {
  // OpenAPI 3.0 ignores the siblings of a $ref, so a nullable reference wraps it in allOf.
  if (node.contains("$ref")) return {{"nullable", true}, {"allOf", json::array{std::move(node)}}};
  if (node.empty()) return node;  // any JSON already admits null
  node["nullable"] = true;
  if (auto* values = node.if_contains("enum")) values->as_array().push_back(nullptr);
  return node;
}

json::object ObjectSchema(json::object properties, const std::vector<std::string>& required) {
  json::object o{{"type", "object"}, {"properties", std::move(properties)}};
  if (!required.empty()) {
    json::array r;
    for (const auto& k : required) r.push_back(json::value(k));
    o["required"] = std::move(r);
  }
  o["additionalProperties"] = false;
  return o;
}

json::object EnumSchema(std::span<const std::string_view> values) {
  json::array a;
  for (auto v : values) a.push_back(json::value(v));
  return {{"type", "string"}, {"enum", std::move(a)}};
}

json::object ShapeBase::Schema() const {
  json::object properties;
  std::vector<std::string> required;
  for (const auto& f : schemas_) {
    properties[f.key] = f.schema;
    if (f.required) required.push_back(f.key);
  }
  return ObjectSchema(std::move(properties), required);
}

json::object ShapeBase::Use() const {
  if (name_.empty()) return Schema();
  return {{"$ref", "#/components/schemas/" + name_}};
}

void ShapeBase::Describe(std::string key, json::object schema, bool required) {
  for (auto& f : schemas_)
    if (f.key == key) {  // a detail overriding a field of the record it includes
      f.schema = std::move(schema);
      f.required = required;
      return;
    }
  schemas_.push_back({std::move(key), std::move(schema), required});
}

void ShapeBase::Refer(const ShapeBase& shape) {
  if (!shape.name().empty()) {
    refs_.push_back(&shape);
    return;
  }
  // An inline shape's own references belong to whoever uses it.
  for (const auto* r : shape.Refs()) refs_.push_back(r);
}

}  // namespace mobilise::api
