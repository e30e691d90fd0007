#include "api/json_io.hpp"

#include <array>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cstddef>

#include "api/dto.hpp"
#include "api/schema.hpp"
#include "domain/idempotency/idempotency.hpp"

namespace mobilise::api {

namespace json = boost::json;

Result<json::value> ParseBody(const http::Request& request) {
  const auto type = request.Header("content-type");
  if (type.substr(0, 16) != "application/json")
    return Fail(Error{ErrorCode::kUnsupported, "send the body as application/json", {}});
  std::error_code ec;
  json::parse_options opts;
  opts.max_depth = 32;
  json::value v = json::parse(request.body, ec, {}, opts);
  if (ec)
    return Fail(Error::Validation("the body is not valid JSON (UTF-8): " + ec.message(),
                                  {{"body", problem::MalformedJson()}}));
  if (auto key = DuplicateKey(request.body))
    return Fail(Error::Validation("the key " + *key + " is given twice in one object",
                                  {{*key, problem::GivenTwice()}}));
  return v;
}

std::optional<std::string> ReadClientId(ObjectReader& r) {
  auto id = r.OptionalString("id");
  if (id && !domain::IsClientId(*id)) r.Invalid("id", problem::NotAUuid());
  return id;
}

Result<json::object> ParseObject(const http::Request& request) {
  auto v = ParseBody(request);
  if (!v) return Fail(v.error());
  if (!v->is_object())
    return Fail(Error::Validation("the body must be a JSON object",
                                  {{"body", problem::BodyNotAnObject()}}));
  return std::move(v->as_object());
}

Status FieldErrorsResult(const FieldProblems& errors) {
  if (errors.empty()) return {};
  std::string msg;
  for (const auto& [f, why] : errors) {
    if (!msg.empty()) msg += "; ";
    msg += f + ": " + why.Text();
  }
  return Fail(Error::Validation(msg, errors));
}

ObjectReader::ObjectReader(const json::object& object, std::string prefix)
    : object_(object), prefix_(std::move(prefix)) {}

ObjectReader ObjectReader::Recording() {
  static const json::object kEmpty;
  ObjectReader r(kEmpty);
  r.recording_ = true;
  return r;
}

void ObjectReader::Note(const std::string& key, json::object schema, bool required) {
  if (!recording_) return;
  for (const auto& [k, s] : recorded_)
    if (k == key) return;
  recorded_.emplace_back(key, std::move(schema));
  if (required) recorded_required_.insert(key);
}

void ObjectReader::RecordItems(const std::string& key, json::object item_schema) {
  for (auto& [k, s] : recorded_)
    if (k == key) s["items"] = std::move(item_schema);
}

json::object ObjectReader::RecordedSchema() const {
  json::object properties;
  std::vector<std::string> required;
  for (const auto& [k, s] : recorded_) {
    properties[k] = s;
    if (recorded_required_.count(k)) required.push_back(k);
  }
  return ObjectSchema(std::move(properties), required);
}

std::string ObjectReader::Path(const std::string& key) const {
  return prefix_.empty() ? key : prefix_ + "." + key;
}

const json::value* ObjectReader::Find(const std::string& key) {
  seen_.insert(key);
  return object_.if_contains(key);
}

void ObjectReader::Invalid(const std::string& key, FieldProblem problem) {
  errors_.emplace(Path(key), std::move(problem));
}

std::optional<std::string> ObjectReader::OptionalString(const std::string& key) {
  Note(key, TypeSchema("string"), false);
  const auto* v = Find(key);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    Invalid(key, problem::NotAString());
    return std::nullopt;
  }
  return std::string(v->as_string());
}

std::string ObjectReader::RequiredString(const std::string& key) {
  Note(key, TypeSchema("string"), true);
  if (!object_.contains(key)) {
    seen_.insert(key);
    Invalid(key, problem::Required());
    return "";
  }
  return OptionalString(key).value_or("");
}

std::optional<std::optional<std::string>> ObjectReader::NullableString(const std::string& key) {
  Note(key, NullableSchema(TypeSchema("string")), false);
  const auto* v = Find(key);
  if (!v) return std::nullopt;
  if (v->is_null()) return std::optional<std::string>();
  if (!v->is_string()) {
    Invalid(key, problem::NotAStringOrNull());
    return std::nullopt;
  }
  return std::optional<std::string>(std::string(v->as_string()));
}

std::optional<std::string> ObjectReader::ClearableString(const std::string& key) {
  Note(key, NullableSchema(TypeSchema("string")), false);
  auto v = NullableString(key);
  if (!v) return std::nullopt;
  return v->value_or("");
}

std::optional<double> ObjectReader::OptionalNumber(const std::string& key) {
  Note(key, TypeSchema("number"), false);
  const auto* v = Find(key);
  if (!v) return std::nullopt;
  if (v->is_int64()) return static_cast<double>(v->as_int64());
  if (v->is_uint64()) return static_cast<double>(v->as_uint64());
  if (v->is_double()) return v->as_double();
  Invalid(key, problem::NotANumber());
  return std::nullopt;
}

std::optional<std::optional<double>> ObjectReader::NullableNumber(const std::string& key) {
  Note(key, NullableSchema(TypeSchema("number")), false);
  const auto* v = Find(key);
  if (!v) return std::nullopt;
  if (v->is_null()) return std::optional<double>();
  if (!v->is_number()) {
    Invalid(key, problem::NotANumberOrNull());
    return std::nullopt;
  }
  return std::optional<double>(v->to_number<double>());
}

std::optional<std::int64_t> ObjectReader::OptionalInt(const std::string& key) {
  Note(key, TypeSchema("integer"), false);
  const auto* v = Find(key);
  if (!v) return std::nullopt;
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64() && v->as_uint64() <= INT64_MAX)
    return static_cast<std::int64_t>(v->as_uint64());
  Invalid(key, problem::NotAnInteger());
  return std::nullopt;
}

std::int64_t ObjectReader::RequiredInt(const std::string& key) {
  Note(key, TypeSchema("integer"), true);
  if (!object_.contains(key)) {
    seen_.insert(key);
    Invalid(key, problem::Required());
    return 0;
  }
  return OptionalInt(key).value_or(0);
}

const json::object* ObjectReader::RequiredObject(const std::string& key) {
  Note(key, TypeSchema("object"), true);
  const auto* v = Find(key);
  if (!v) {
    Invalid(key, problem::Required());
    return nullptr;
  }
  if (!v->is_object()) {
    Invalid(key, problem::NotAnObject());
    return nullptr;
  }
  return &v->as_object();
}

const json::object* const* ObjectReader::NullableObject(const std::string& key) {
  Note(key, NullableSchema(TypeSchema("object")), false);
  static const json::object* const kNull = nullptr;
  const auto* v = Find(key);
  if (!v) return nullptr;
  if (v->is_null()) return &kNull;
  if (!v->is_object()) {
    Invalid(key, problem::NotAnObjectOrNull());
    return nullptr;
  }
  nullable_object_ = &v->as_object();
  return &nullable_object_;
}

std::optional<bool> ObjectReader::OptionalBool(const std::string& key) {
  Note(key, TypeSchema("boolean"), false);
  const auto* v = Find(key);
  if (!v) return std::nullopt;
  if (!v->is_bool()) {
    Invalid(key, problem::NotABoolean());
    return std::nullopt;
  }
  return v->as_bool();
}

const json::array* ObjectReader::OptionalArray(const std::string& key) {
  Note(key, TypeSchema("array"), false);
  const auto* v = Find(key);
  if (!v) return nullptr;
  if (!v->is_array()) {
    Invalid(key, problem::NotAnArray());
    return nullptr;
  }
  return &v->as_array();
}

const json::array* ObjectReader::RequiredArray(const std::string& key) {
  Note(key, TypeSchema("array"), true);
  if (!object_.contains(key)) {
    seen_.insert(key);
    Invalid(key, problem::Required());
    return nullptr;
  }
  return OptionalArray(key);
}

Status ObjectReader::Finish() {
  for (const auto& kv : object_)
    if (!seen_.count(std::string(kv.key())))
      Invalid(std::string(kv.key()), problem::UnknownField());
  return FieldErrorsResult(errors_);
}

http::Response Json(int status, const json::value& body) {
  http::Response r;
  r.status = status;
  r.body = json::serialize(body);
  return r;
}

// The HTTP status of each ErrorCode, in its order: validation 400, not_found 404, conflict 409,
// forbidden 403, unauthenticated 401, too_large 413, rate_limited 429, unsupported 415,
// internal 500.
constexpr std::array<int, 9> kStatuses = {400, 404, 409, 403, 401, 413, 429, 415, 500};
static_assert(kStatuses.size() == kErrorCodeIds.size());

int StatusOf(ErrorCode code) { return kStatuses[static_cast<std::size_t>(code)]; }

http::Response ErrorResponse(const Error& e) {
  return Json(StatusOf(e.code), ErrorShape().Write(e));
}

http::Response StaleWithCurrent(const Error& e, const json::object& current) {
  auto resp = ErrorResponse(e);
  auto body = json::parse(resp.body).as_object();
  body["error"].as_object()["current"] = current;
  resp.body = json::serialize(body);
  return resp;
}

http::Response NoContent() {
  http::Response resp;
  resp.status = 204;
  return resp;
}

json::value Nullable(const std::optional<std::string>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}
json::value Nullable(const std::optional<double>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}
json::value Nullable(const std::optional<int>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::array StringArray(const std::vector<std::string>& values) {
  json::array a;
  for (const auto& s : values) a.push_back(json::value(s));
  return a;
}

json::object StringMap(const std::vector<std::pair<std::string, std::string>>& pairs) {
  json::object o;
  for (const auto& [k, v] : pairs) o[k] = v;
  return o;
}

std::optional<std::vector<std::string>> ObjectReader::OptionalStrings(const std::string& key) {
  Note(key, ArraySchema(TypeSchema("string")), false);
  const auto* a = OptionalArray(key);
  if (!a) return std::nullopt;
  std::vector<std::string> out;
  for (std::size_t i = 0; i < a->size(); ++i) {
    if ((*a)[i].is_string())
      out.push_back(std::string((*a)[i].as_string()));
    else
      Invalid(key + "[" + std::to_string(i) + "]", problem::NotAString());
  }
  return out;
}

std::optional<std::vector<std::pair<std::string, std::string>>> ObjectReader::OptionalStringMap(
    const std::string& key) {
  Note(key, NullableSchema(JsonOf<std::map<std::string, std::string>>::Schema()), false);
  const auto* const* o = NullableObject(key);
  if (!o || !*o) return std::nullopt;
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [k, v] : **o) {
    if (v.is_string())
      out.emplace_back(std::string(k), std::string(v.as_string()));
    else
      Invalid(key + "." + std::string(k), problem::NotAString());
  }
  return out;
}

}  // namespace mobilise::api
