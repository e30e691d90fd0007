#include "api/idempotency.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <thread>
#include <vector>

#include "api/json_io.hpp"
#include "core/id.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {

void WriteCanonical(const json::value& v, std::string& out) {
  if (v.is_object()) {
    std::vector<const json::key_value_pair*> fields;
    for (const auto& kv : v.as_object()) fields.push_back(&kv);
    std::sort(fields.begin(), fields.end(),
              [](const auto* a, const auto* b) { return a->key() < b->key(); });
    out += '{';
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i) out += ',';
      out += json::serialize(json::string(fields[i]->key()));
      out += ':';
      WriteCanonical(fields[i]->value(), out);
    }
    out += '}';
  } else if (v.is_array()) {
    out += '[';
    bool first = true;
    for (const auto& x : v.as_array()) {
      if (!first) out += ',';
      first = false;
      WriteCanonical(x, out);
    }
    out += ']';
  } else {
    out += json::serialize(v);
  }
}

// The query without `id`, in key order, as "k=v&..." (multimap: sorted by key already).
std::string QueryWithoutId(const http::Request& request) {
  std::string out;
  for (const auto& [k, v] : request.query)
    if (k != "id") out += k + "=" + v + "&";
  return out;
}

}  // namespace

std::string CanonicalJson(const json::value& value) {
  std::string out;
  WriteCanonical(value, out);
  return out;
}

Result<std::optional<CreateClaim>> ClaimOf(const http::Request& request, Create kind) {
  if (kind == Create::kNo) return std::nullopt;
  if (kind == Create::kRaw) {
    auto id = request.Query("id");
    if (!id || !domain::IsClientId(*id)) return std::nullopt;  // the service reports it
    // The query's other parameters (the file's name) and the bytes, told apart by a NUL.
    return CreateClaim{*id, Sha256Hex(QueryWithoutId(request) + '\0' + request.body)};
  }
  auto body = ParseObject(request);
  if (!body) return std::nullopt;  // the handler answers the error
  const auto* id = body->if_contains("id");
  // A malformed id is reported by the body's reader, with the body's other errors.
  if (!id || !id->is_string() || !domain::IsClientId(std::string(id->as_string())))
    return std::nullopt;
  return CreateClaim{std::string(id->as_string()), Sha256Hex(CanonicalJson(*body))};
}

http::Response AnswerFromKept(const domain::IdempotencyKey& kept,
                              const domain::IdempotencyKey& mine) {
  if (kept.user_id == mine.user_id && kept.route == mine.route &&
      kept.body_hash == mine.body_hash) {
    http::Response r;
    r.status = kept.status;
    r.body = kept.response;
    r.SetHeader("Idempotent-Replayed", "true");
    return r;
  }
  Error e = Error::Conflict("the id " + mine.id +
                            " was sent before with other content, by another user or to another "
                            "route; a new record needs a new id");
  e.fields["id"] = problem::IdUsedElsewhere();
  return ErrorResponse(e);
}

bool IdTaken(const http::Response& response) {
  if (response.status != 409) return false;
  json::error_code ec;
  auto body = json::parse(response.body, ec);
  if (ec || !body.is_object()) return false;
  const auto* error = body.as_object().if_contains("error");
  const auto* fields =
      error && error->is_object() ? error->as_object().if_contains("fields") : nullptr;
  return fields && fields->is_object() && fields->as_object().contains("id");
}

std::optional<domain::IdempotencyKey> AwaitKey(domain::IdempotencyService& keys,
                                               const std::string& id) {
  // The winner stores its key right after its commit; a taken id with no key after this long
  // is a record created without one (or a process that died between the two): a plain 409.
  constexpr int kTries = 100;
  for (int i = 0; i < kTries; ++i) {
    if (auto kept = keys.Find(id)) return kept;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return std::nullopt;
}

http::Response RunCreate(domain::IdempotencyService& keys, Create kind, http::Request& request,
                         const std::string& user_id,
                         const std::function<http::Response()>& handler) {
  auto claim = ClaimOf(request, kind);
  if (!claim) return ErrorResponse(claim.error());
  if (!*claim) return handler();
  domain::IdempotencyKey mine{(*claim)->id, user_id, request.method + " " + request.path,
                              (*claim)->content_hash};
  if (auto kept = keys.Find(mine.id)) return AnswerFromKept(*kept, mine);
  auto response = handler();
  if (response.status >= 200 && response.status < 300 && response.body_file.empty()) {
    mine.status = response.status;
    mine.response = response.body;
    keys.Store(mine);
  } else if (IdTaken(response)) {
    if (auto kept = AwaitKey(keys, mine.id)) return AnswerFromKept(*kept, mine);
  }
  return response;
}

}  // namespace mobilise::api
