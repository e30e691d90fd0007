// Idempotent creates over HTTP (docs/api.md "Idempotent creates"). A route declared a create in
// its route table (route_table.hpp) is run through RunCreate: a request that names the new
// record's id (`id` in its JSON body; `?id=` for a raw body, a file upload) is keyed by that id.
// The first request runs the handler and, on success, its answer is kept under the id with the
// user, the route (method and path) and the SHA-256 of the request's canonical content. Another
// request with the id then gets that answer again (same status and body, header
// `Idempotent-Replayed: true`) if it is the same request, or a 409 conflict with
// `fields.id` if anything differs. The record itself takes the client's id, and every create
// service refuses an id that is taken, so no retry can ever make a second record.
//
// The key is written in the record's own transaction (a PendingKey for the request, which the
// service's ClaimRecordId inserts) and its answer after the commit. A key found without an answer
// (the process died between the two) is answered from the record as it is now: `from_record`,
// the route's detail read, with status 201 and `Idempotent-Replayed: true`.
//
// Test hook: with MOBILISE_TEST_ABORT_AFTER_COMMIT=1 in its environment the process kills itself
// (SIGKILL) after a keyed create has committed and before its answer is written, to test that
// window (tests/api/idempotency_crash.test.mjs). Off unless the variable is exactly "1".
#pragma once

#include <boost/json/value.hpp>
#include <functional>
#include <optional>
#include <string>

#include "api/http/message.hpp"
#include "core/result.hpp"
#include "domain/idempotency/idempotency.hpp"

namespace mobilise::api {

// How a create route carries the client's id.
enum class Create {
  kNo,    // not a create: run as it is
  kJson,  // a JSON body with an optional `id`; its content is its canonical JSON
  kRaw,   // a raw body (a file) with an optional `?id=`; its content is its bytes and its query
};

// The JSON text of `value` with every object's keys in byte order and no whitespace: two
// bodies that differ only in key order or layout give the same text.
std::string CanonicalJson(const boost::json::value& value);

// What a create request asks to be keyed by: the client's id and the SHA-256 (hex) of the
// request's content.
struct CreateClaim {
  std::string id;
  std::string content_hash;
};
// The claim of `request` for a route of kind `kind`: nullopt when it names no well-formed id
// (the handler reports a malformed one, or a body that is not JSON, with its other errors).
// Kept a Result for errors of the request itself.
Result<std::optional<CreateClaim>> ClaimOf(const http::Request& request, Create kind);

// Reads the record a create made, by its id: the answer of a replay whose answer was not kept.
using FromRecord = std::function<http::Response(const std::string& id)>;

// The answer to a request keyed by an id that already has `kept`: its answer replayed if `mine`
// is the same request (user, route, content) — read through `from_record` when the key has no
// answer yet — else 409 with fields.id.
http::Response AnswerFromKept(const domain::IdempotencyKey& kept,
                              const domain::IdempotencyKey& mine, const FromRecord& from_record);

// Runs `handler` as a create of kind `kind` for `user_id`, keyed as above.
http::Response RunCreate(domain::IdempotencyService& keys, Create kind, http::Request& request,
                         const std::string& user_id, const std::function<http::Response()>& handler,
                         const FromRecord& from_record);

}  // namespace mobilise::api
