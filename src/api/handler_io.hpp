// What every handler does at its two ends, written once: typed input from the request (query
// parameters, a JSON body read by a `ReadFoo(ObjectReader&)` function, a versioned body) and the
// reply to a service's result (the record, a page, 204, or the error; for a stale write the
// record as it is now). A handler is then: input -> service call -> reply.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "api/dto.hpp"
#include "api/http/message.hpp"
#include "api/json_io.hpp"
#include "core/result.hpp"
#include "domain/page.hpp"

namespace mobilise::api {

// ---- input ----

// A query parameter's value, or nullopt when absent or empty.
std::optional<std::string> QueryText(const http::Request& request, const char* key);

// A whole number of 0 or more written in digits only (at most 12), or nullopt.
std::optional<std::int64_t> ParseInt(std::string_view text);

// limit/offset from the query string.
Result<domain::PageRequest> ParsePage(const http::Request& request);

// A list's filter (a struct with a `page`) with only its page read from the query
// (limit/offset).
template <typename F>
Result<F> ReadListFilter(const http::Request& request) {
  auto page = ParsePage(request);
  if (!page) return Fail(page.error());
  F filter;
  filter.page = *page;
  return filter;
}

// The same, and each text parameter of `texts` ({key, the member it sets}) as QueryText reads
// it. The caller reads the parameters that need more than that.
template <typename F>
using QueryTextField = std::pair<const char*, std::optional<std::string> F::*>;
template <typename F, std::size_t N>
Result<F> ReadListFilter(const http::Request& request, const QueryTextField<F> (&texts)[N]) {
  auto filter = ReadListFilter<F>(request);
  if (filter)
    for (const auto& [key, member] : texts) (*filter).*member = QueryText(request, key);
  return filter;
}

// The date parameters `keys` (each YYYY-MM-DD and a day of the calendar: not 2026-02-30), in
// their order, nullopt where absent or empty; any other value is one validation error naming
// each bad key ("must be a date YYYY-MM-DD"). Every list's date filters are read here.
Result<std::vector<std::optional<std::string>>> QueryDates(const http::Request& request,
                                                           std::initializer_list<const char*> keys);

// ReadListFilter with texts, and its date parameters (`dates`, read by QueryDates).
template <typename F, std::size_t N, std::size_t M>
Result<F> ReadListFilter(const http::Request& request, const QueryTextField<F> (&texts)[N],
                         const QueryTextField<F> (&dates)[M]) {
  auto filter = ReadListFilter<F>(request, texts);
  if (!filter) return filter;
  FieldProblems errors;
  for (const auto& [key, member] : dates) {
    auto value = QueryDates(request, {key});
    if (value)
      (*filter).*member = value->front();
    else
      errors.insert(value.error().fields.begin(), value.error().fields.end());
  }
  if (auto ok = FieldErrorsResult(errors); !ok) return Fail(ok.error());
  return filter;
}

// "true" or "false" as a bool; nullopt when `value` is absent; anything else is a validation
// error on `key` ("must be true or false"). Pass `request.Query(key)` when an empty value is an
// error, `QueryText(request, key)` when it means "not given".
Result<std::optional<bool>> ParseBool(const std::optional<std::string>& value, const char* key);

// The request body as a JSON object read by `read(ObjectReader&)`: the value, or one validation
// error naming every bad, missing or unknown field.
template <typename F>
auto ReadBody(const http::Request& request, F&& read)
    -> Result<std::decay_t<std::invoke_result_t<F&, ObjectReader&>>> {
  auto body = ParseObject(request);
  if (!body) return Fail(body.error());
  ObjectReader r(*body);
  auto value = read(r);
  if (auto ok = r.Finish(); !ok) return Fail(ok.error());
  return value;
}

// The request body as a JSON array of objects, each read by `read(ObjectReader&)`: the values,
// or one validation error naming every bad field as `<name>[i].field` (`name` may be empty).
// A body that is no array is an error on "body" that says what its items are (`items`).
template <typename T, typename F>
Result<std::vector<T>> ReadArrayBody(const http::Request& request, const std::string& name,
                                     std::string_view items, F&& read) {
  auto body = ParseBody(request);
  if (!body) return Fail(body.error());
  if (!body->is_array()) return Fail(Error::Field("body", problem::NotAnArrayOf(items)));
  const boost::json::object holder{{name, std::move(body->as_array())}};
  ObjectReader r(holder);
  auto values = ReadObjects<T>(r, name, r.RequiredArray(name), read);
  if (auto ok = r.Finish(); !ok) return Fail(ok.error());
  return std::move(values).value_or(std::vector<T>{});
}

// The body of a write to a versioned record: the `version` the client last read, and the rest.
template <typename T>
struct Versioned {
  std::int64_t version = 0;
  T input;
};

// ReadBody of a versioned write: a required `version` plus what `read` reads.
template <typename F>
auto ReadVersioned(const http::Request& request, F&& read)
    -> Result<Versioned<std::decay_t<std::invoke_result_t<F&, ObjectReader&>>>> {
  return ReadBody(request, [&read](ObjectReader& r) {
    Versioned<std::decay_t<std::invoke_result_t<F&, ObjectReader&>>> v;
    v.version = r.RequiredInt("version");
    v.input = read(r);
    return v;
  });
}

// ---- replies ----

// `result` as JSON via `to_json`, or its error.
template <typename T, typename F>
http::Response Reply(const Result<T>& result, int status, F&& to_json) {
  if (!result) return ErrorResponse(result.error());
  return Json(status, to_json(*result));
}

// A page of records: {items, total, limit, offset}, or the error.
template <typename T, typename F>
http::Response ReplyPage(const Result<domain::Page<T>>& result, const domain::PageRequest& page,
                         F&& item_json) {
  return Reply(result, 200, [&](const domain::Page<T>& p) { return PageJson(p, page, item_json); });
}

// {"items": [...]} of every record, and {"total": N} when `with_total`.
template <typename T, typename F>
boost::json::object ItemsJson(const std::vector<T>& records, F&& item_json,
                              bool with_total = false) {
  boost::json::array items;
  for (const auto& x : records) items.push_back(item_json(x));
  boost::json::object out{{"items", std::move(items)}};
  if (with_total) out["total"] = static_cast<std::int64_t>(records.size());
  return out;
}

// The answer to a write to a versioned record (PATCH, PUT): 200 with the record as `to_json`
// writes it. A stale version (Error::stale) is 409 with the record as `current()` reads it now
// (a Result or an optional) under error.current, so the client can show it and retry; a plain
// 409 when it cannot be read any more. Any other error as it is.
template <typename T, typename Current, typename ToJson>
http::Response Updated(const Result<T>& updated, Current&& current, ToJson&& to_json) {
  if (!updated && updated.error().stale)
    if (auto now = current()) return StaleWithCurrent(updated.error(), to_json(*now));
  return Reply(updated, 200, to_json);
}

// The answer to a DELETE, or to any write that answers no body: 204, or the error.
http::Response NoContent(const Status& done);

}  // namespace mobilise::api
