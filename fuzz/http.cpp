// The HTTP request path up to the handler: the bytes parsed by Beast's request parser as the
// server sets it up (header and body limits), the request built as server.cpp builds it, then
// the Responder (api/http/exchange.hpp: target and query parsing, UTF-8 checks) and a Router
// holding every (method, pattern) of the OpenAPI operation table (fuzz_routes.inc, read from
// src/api/openapi_table*.cpp by fuzz/CMakeLists.txt), whose match fills the path parameters; the
// header fields of the answer last. Each matched route's parameters must be
// non-empty segments of the path.
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cctype>
#include <cstdlib>

#include "api/http/exchange.hpp"
#include "api/http/router.hpp"
#include "fuzz_input.hpp"

namespace {

namespace bhttp = boost::beast::http;
using mobilise::http::Request;
using mobilise::http::Response;

const mobilise::http::Router& Routes() {
  static const auto router = [] {
    mobilise::http::Router r;
    static const char* const kRoutes[][2] = {
#include "fuzz_routes.inc"
    };
    for (const auto& [method, pattern] : kRoutes) {
      r.Add(method, pattern, [](Request&) { return Response{}; });
    }
    return r;
  }();
  return router;
}

Response App(Request& request) {
  (void)request.Cookie("mobilise_session");
  (void)request.Query("cursor");
  auto match = Routes().Find(request);
  if (match.handler == nullptr) return Response{match.path_known ? 405 : 404};
  request.route = match.pattern;
  for (const auto& [name, value] : request.path_params) {
    if (value.empty() || request.path.find(value) == std::string::npos) std::abort();
  }
  return (*match.handler)(request);
}

// What server.cpp's session makes of a parsed request.
Request ToRequest(bhttp::request<bhttp::string_body>& parsed) {
  Request request;
  request.method = parsed.method_string();
  request.target = parsed.target();
  for (const auto& field : parsed) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto [it, inserted] = request.headers.try_emplace(std::move(name), field.value());
    if (!inserted) it->second += std::string(", ") + std::string(field.value());
  }
  request.body = std::move(parsed.body());
  return request;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const mobilise::http::Responder responder(App, "");
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(16 * 1024);
  parser.body_limit(64 * 1024);
  parser.eager(true);
  boost::beast::error_code ec;
  parser.put(boost::asio::buffer(data, size), ec);
  if (ec || !parser.is_done()) return 0;
  auto parsed = parser.release();
  Request request = ToRequest(parsed);
  auto answer = responder.Respond(request);
  (void)mobilise::http::HeaderFields(answer.response, answer.api);
  return 0;
}
