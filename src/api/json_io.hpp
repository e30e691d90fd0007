// Strict JSON input and JSON output for handlers. Input: the body must be a JSON object of
// valid UTF-8 within the limit; unknown fields, wrong types and missing required fields are
// collected per field and returned as one validation error.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/http/message.hpp"
#include "core/result.hpp"

namespace mobilise::api {

// Parses the request body as JSON (checks the Content-Type, UTF-8, nesting depth); a key given
// twice in one object is a validation error on that key (DuplicateKey).
Result<boost::json::value> ParseBody(const http::Request& request);
// The path of the first key given twice in one object of the JSON `text` ("name",
// "device.id", "roles[1].role"), or nullopt. Run on text that parses (ParseBody does).
std::optional<std::string> DuplicateKey(std::string_view text);
// ParseBody, and the value must be an object.
Result<boost::json::object> ParseObject(const http::Request& request);
class ObjectReader;

// Reads each object of the array `array` (found under `key`) with `read(ObjectReader&)`,
// collecting their errors into `r` under key[i].field. Absent array: nullopt.
template <typename T, typename F>
std::optional<std::vector<T>> ReadObjects(ObjectReader& r, const std::string& key,
                                          const boost::json::array* array, F&& read);

// One validation error naming every field of `errors` ("field: why; ..."); success if empty.
Status FieldErrorsResult(const FieldProblems& errors);

class ObjectReader {
 public:
  // `prefix` names nested objects in field paths, e.g. "roles[2]".
  explicit ObjectReader(const boost::json::object& object, std::string prefix = "");

  // A reader of nothing that records every field it is asked for (its JSON type, whether it is
  // required), so that running a request's reader once on it gives the request's JSON Schema:
  // the schema comes from the code that reads the body and cannot drift from it.
  static ObjectReader Recording();
  bool recording() const { return recording_; }
  // The closed object schema of the fields asked for (a recording reader).
  boost::json::object RecordedSchema() const;
  // Records the schema of the items of the array `key` (ReadObjects does it when recording).
  void RecordItems(const std::string& key, boost::json::object item_schema);

  std::string RequiredString(const std::string& key);
  std::optional<std::string> OptionalString(const std::string& key);
  // Absent: nullopt; null: optional holding nullopt; string: the value.
  std::optional<std::optional<std::string>> NullableString(const std::string& key);
  // Absent: nullopt; null: "" (the domain's "clear this optional field"); string: the value.
  std::optional<std::string> ClearableString(const std::string& key);
  std::optional<std::int64_t> OptionalInt(const std::string& key);
  // Any JSON number (integer or not).
  std::optional<double> OptionalNumber(const std::string& key);
  // Absent: nullopt; null: optional holding nullopt; number: the value.
  std::optional<std::optional<double>> NullableNumber(const std::string& key);
  std::int64_t RequiredInt(const std::string& key);
  std::optional<bool> OptionalBool(const std::string& key);
  const boost::json::array* OptionalArray(const std::string& key);
  const boost::json::array* RequiredArray(const std::string& key);
  // An array of strings: absent -> nullopt; each non-string element is an error.
  std::optional<std::vector<std::string>> OptionalStrings(const std::string& key);
  // An object of strings ({"ps": "...", "uk": "..."}) as (key, value) pairs: absent or null ->
  // nullopt; each non-string value is an error.
  std::optional<std::vector<std::pair<std::string, std::string>>> OptionalStringMap(
      const std::string& key);
  const boost::json::object* RequiredObject(const std::string& key);
  // Absent: nullptr; null: a pointer to nullptr; object: a pointer to it.
  const boost::json::object* const* NullableObject(const std::string& key);

  // The field path of `key` ("roles[2].area_id"), for nested readers.
  std::string Path(const std::string& key) const;
  // Records an error for a field found invalid by the caller.
  void Invalid(const std::string& key, FieldProblem problem);
  FieldProblems& errors() { return errors_; }
  // Adds "unknown field" errors and returns all errors as one validation error.
  Status Finish();

 private:
  const boost::json::value* Find(const std::string& key);
  // Records `key` when recording; the first record of a key wins (the outermost accessor).
  void Note(const std::string& key, boost::json::object schema, bool required);
  const boost::json::object& object_;
  bool recording_ = false;
  std::vector<std::pair<std::string, boost::json::object>> recorded_;
  std::set<std::string> recorded_required_;
  std::string prefix_;
  std::set<std::string> seen_;
  FieldProblems errors_;
  const boost::json::object* nullable_object_ = nullptr;  // what NullableObject points into
};

http::Response Json(int status, const boost::json::value& body);
// 204 No Content.
http::Response NoContent();
// JSON null for an absent value.
boost::json::value Nullable(const std::optional<std::string>& value);
boost::json::value Nullable(const std::optional<double>& value);
boost::json::value Nullable(const std::optional<int>& value);
// A JSON array of the strings.
boost::json::array StringArray(const std::vector<std::string>& values);
// A JSON object of the key -> string pairs (translations: {"ps": "...", "uk": "..."}).
boost::json::object StringMap(const std::vector<std::pair<std::string, std::string>>& pairs);
// The one map from error code to HTTP status and body.
http::Response ErrorResponse(const Error& error);
int StatusOf(ErrorCode code);
// A 409 for a stale version, carrying the record as it is now under error.current.
http::Response StaleWithCurrent(const Error& error, const boost::json::object& current);

template <typename T, typename F>
std::optional<std::vector<T>> ReadObjects(ObjectReader& r, const std::string& key,
                                          const boost::json::array* array, F&& read) {
  if (r.recording()) {
    auto item = ObjectReader::Recording();
    read(item);
    r.RecordItems(key, item.RecordedSchema());
  }
  if (!array) return std::nullopt;
  std::vector<T> out;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const std::string field = key + "[" + std::to_string(i) + "]";
    if (!(*array)[i].is_object()) {
      r.Invalid(field, problem::NotAnObject());
      continue;
    }
    ObjectReader item((*array)[i].as_object(), r.Path(field));
    out.push_back(read(item));
    if (auto ok = item.Finish(); !ok)
      for (const auto& [k, v] : ok.error().fields) r.errors()[k] = v;
  }
  return out;
}

// The client's id for a new record: `id`, optional (an idempotent create, route_table.hpp); a
// field error unless it is a UUID in canonical lower-case text.
std::optional<std::string> ReadClientId(ObjectReader& r);

// The body of a create whose reader `Read` is shared with updates: what `Read` reads, into an
// input with an `id` member, and the client's `id`.
template <auto Read>
auto ReadNew(ObjectReader& r) {
  auto in = Read(r);
  in.id = ReadClientId(r);
  return in;
}

// The body of a create whose record is named by its code (an indicator, a report template):
// what `Read` reads, and `id`, which only names the request (idempotency) and is not stored.
template <auto Read>
auto ReadCodeCreate(ObjectReader& r) {
  auto in = Read(r);
  ReadClientId(r);
  return in;
}

}  // namespace mobilise::api
