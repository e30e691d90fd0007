// What the server answers to one request, apart from the connection that carries it (no Beast
// here, so it is quick to compile and tested without sockets): the request's target checked,
// the static files or the app chosen, the app's exceptions caught, and the header fields every
// response carries. See server.hpp for the rules. Internal to src/api/http.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/http/message.hpp"
#include "api/http/server.hpp"
#include "api/http/static_files.hpp"

namespace mobilise::http {

// Paths ending in /import or /files (file uploads), and OpenRosa submissions
// (/openrosa/.../submission), may send bodies up to the upload limit.
bool IsUpload(std::string_view target);

// RFC 9112 6.1 and 6.3: a request with `codings` Transfer-Encoding fields is refused (400 and
// close) unless it has none, or one that is exactly "chunked" and no Content-Length (request
// smuggling; no other transfer coding is understood).
bool RefusedFraming(std::size_t codings, bool has_length, std::string_view coding);

// A response and what sending it needs.
struct Answer {
  Response response;
  bool api = true;    // from the app, not a static file
  std::string route;  // metrics label: the app's route, "static" or "unmatched"
};

// Thread-safe: immutable after construction (the app must be safe to call concurrently).
class Responder {
 public:
  // An empty `static_root`: every path goes to the app. Without a `screen`, requests to
  // IsUpload paths may send `upload_limit` bytes, the rest `body_limit`.
  Responder(AppHandler app, const std::string& static_root, Screener screen = {},
            std::size_t body_limit = 1 << 20, std::size_t upload_limit = 50u << 20);

  // What to do with a request from its line and headers (`head` has no body; its path and query
  // are parsed here): an invalid target is rejected (400); static files take `body_limit`; app
  // paths ask the screener. The admission's body_limit is always set.
  Admission Screen(Request& head) const;

  // `request` holds its method, raw target, headers, body and remote address; its path and
  // query are parsed here. Never throws for the app's exceptions (500 instead, logged).
  Answer Respond(Request& request) const;

 private:
  AppHandler app_;
  std::optional<StaticFiles> statics_;
  Screener screen_;
  std::size_t body_limit_;
  std::size_t upload_limit_;
};

// The header fields of `response`, in order: Date, Content-Type (when set), the security
// headers, the response's own headers (any with a line break is dropped and logged), for an
// app response without a Cache-Control of its own "Cache-Control: no-store", and with `hsts`
// Strict-Transport-Security unless the response has its own. The views point into `response`
// and a per-thread date buffer: use them before the thread's next call.
std::vector<std::pair<std::string_view, std::string_view>> HeaderFields(const Response& response,
                                                                        bool api,
                                                                        bool hsts = false);

}  // namespace mobilise::http
