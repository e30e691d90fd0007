// The HTTP server (Boost.Beast over Asio): HTTP/1.1 keep-alive (pipelining-safe), body and
// header size limits, read/write timeouts, graceful shutdown on SIGINT/SIGTERM (or through a
// ServerControl).
//
// Per request:
// - The target is parsed with Boost.URL into `path` and `query` (both decoded). An invalid target,
//   or a decoded path/query that is not valid UTF-8 or holds a NUL, gets 400 {"error":{"code":
//   "validation",...}} without calling the app. A body over `body_limit` gets 413 ("too_large")
//   and the connection is closed; headers over `header_limit` get 431.
// - Paths starting with "/api/", and "/healthz" and "/metrics", go to `app` (as does everything
//   when `static_root` is empty). Other paths are static files from `static_root` (GET/HEAD only;
//   ".." segments refused; files resolved canonically inside the root; paths without an
//   extension fall back to index.html for the single-page app; missing files with an extension
//   get 404). Files under /assets/ are cached as immutable, the rest "no-cache".
// - Every response carries nosniff, X-Frame-Options DENY, Referrer-Policy no-referrer and a
//   same-origin Content-Security-Policy; app responses get "Cache-Control: no-store" unless the
//   app set a Cache-Control itself.
// - An exception from `app` becomes 500 {"error":{"code":"internal",...}} and is logged (method
//   and path only, never bodies).
// - Metrics: request.route as the app left it ("unmatched" if empty, "static" for files).
//
// Overload and framing:
// - `screen` decides from the headers, before the body is read, whether to answer at once (no
//   route, no credentials) and the request's body limit; a Content-Length over it gets 413
//   before any of the body is read.
// - Timeouts are on idleness (no bytes for idle_timeout_seconds), with a total cap on one body
//   (body_timeout_seconds), so a slow but steady upload completes.
// - Transfer-Encoding other than exactly "chunked", or beside Content-Length: 400 and close
//   (RFC 9112 6.1, 6.3).
// - Connections are capped (connections.hpp); the open-file soft limit is raised to the hard
//   limit at start, and the cap kept below it.
// - An exception tagged BusyFailure (core/resource_errors.hpp) answers 503 with Retry-After, one
//   tagged NoSpaceFailure 507.
//
// Threading: one io_context run by `threads` threads does the I/O; each connection is
// serialised on its own strand. `app` runs on a pool of `handler_threads` threads, so a handler
// that blocks on the database holds no I/O thread: other requests (health checks) go on.
#pragma once

#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "api/http/message.hpp"

namespace mobilise::http {

class Metrics;
class ServerControl;

// Strict-Transport-Security as Mobilise sends it: a year, subdomains too.
inline constexpr std::string_view kHstsValue = "max-age=31536000; includeSubDomains";

// What the app decides from a request's line and headers, before its body is read.
struct Admission {
  std::optional<Response> reject;  // answer this now (the body is not read; the connection closes)
  std::size_t body_limit = 0;      // bytes; 0: ServerOptions::body_limit
};

// Called with method, target, headers and remote address (no body; path and query parsed).
// Must be cheap and must not block (it runs on an I/O thread): no database work.
using Screener = std::function<Admission(Request&)>;

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  // 0: pick a free port (printed by the caller via on_listening)
  int threads = 2;             // I/O threads
  int handler_threads = 8;     // the worker pool that runs the app (blocking database work)
  std::size_t upload_body_limit = 50u << 20;  // bytes, for IsUpload paths (without a screener)
  std::size_t body_limit = 1 << 20;           // bytes; larger bodies get 413 with a JSON error
  std::size_t header_limit = 16 * 1024;       // bytes for the request line and headers
  // A connection that sends or takes no bytes for this long is closed (a request line and its
  // headers must arrive within it).
  int idle_timeout_seconds = 30;
  // The whole body of one request must arrive within this (50 MiB at 50 KB/s).
  int body_timeout_seconds = 1100;
  // Connections overall (also capped by the open-file limit) and per client address; beyond
  // them idle connections are closed to make room, or the new one is refused.
  std::size_t max_connections = 4096;
  std::size_t max_connections_per_address = 512;
  // Idle keep-alive timeout once three quarters of max_connections are open.
  int near_cap_idle_seconds = 2;
  // Every client reaches us over TLS (a proxy terminates it): HSTS on every answer, the app's,
  // static files and the server's own errors alike (config behind_tls).
  bool hsts = false;
  Screener screen;                   // empty: the IsUpload rule (exchange.hpp) decides the limit
  std::string static_root;           // directory with the built web app; empty: none
  ServerControl* control = nullptr;  // optional: lets another thread stop Serve
};

// Lets another thread (a test, an embedder) stop a running Serve gracefully, exactly as SIGTERM
// does: stop accepting, finish in-flight requests, close idle connections, return from Serve.
// Thread-safe. Stop() before Serve is listening makes Serve return right after binding.
// One ServerControl per Serve call; it must outlive that call.
class ServerControl {
 public:
  void Stop();

  // Used by Serve: registers the action that stops it (run at once if Stop() came first), and
  // removes it before Serve returns.
  void Attach(std::function<void()> stopper);
  void Detach();

 private:
  std::mutex mutex_;
  bool stop_requested_ = false;
  std::function<void()> stopper_;
};

// Called for every request not served as a static file. Must not throw (the server still
// catches and answers 500 if it does).
using AppHandler = std::function<Response(Request&)>;

// Runs until SIGINT/SIGTERM (or options.control->Stop()). `on_listening(port)` is called once
// the socket is bound and listening (the real port when options.port is 0).
// Metrics are labelled with request.route as the app left it ("unmatched" if empty).
// Throws std::runtime_error if the address cannot be bound.
void Serve(const ServerOptions& options, AppHandler app, Metrics& metrics,
           std::function<void(unsigned short port)> on_listening);

}  // namespace mobilise::http
