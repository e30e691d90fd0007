#include "api/field_problem_json.hpp"

#include <boost/json/array.hpp>
#include <string>
#include <variant>
#include <vector>

namespace mobilise::api {

namespace json = boost::json;

json::value FieldProblemJson(const FieldProblem& problem) {
  json::object params;
  for (const auto& [name, value] : problem.params()) {
    if (const auto* s = std::get_if<std::string>(&value)) {
      params[name] = json::string(*s);
    } else {
      json::array list;
      for (const auto& item : std::get<std::vector<std::string>>(value)) list.emplace_back(item);
      params[name] = std::move(list);
    }
  }
  return json::object{{"code", problem.id()}, {"params", std::move(params)}};
}

json::object FieldProblemSchema() {
  std::vector<std::string_view> codes;
  for (const auto& entry : ProblemCatalogue()) codes.push_back(entry.id);
  json::object value{
      {"oneOf", json::array{TypeSchema("string"), ArraySchema(TypeSchema("string"))}}};
  json::object params = TypeSchema("object");
  params["additionalProperties"] = std::move(value);
  return ObjectSchema({{"code", EnumSchema(codes)}, {"params", std::move(params)}},
                      {"code", "params"});
}

json::object FieldCodesCatalogue() {
  json::object out;
  for (const auto& entry : ProblemCatalogue()) {
    json::array params;
    for (auto p : entry.params) params.emplace_back(p);
    out[entry.id] = json::object{{"template", entry.text}, {"params", std::move(params)}};
  }
  return out;
}

}  // namespace mobilise::api
