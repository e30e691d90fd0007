// The HTTP server (Boost.Beast over Asio): keep-alive, body size limit, timeouts, graceful
// shutdown on SIGINT/SIGTERM. For each request it calls `app` (which does routing, auth, error
// mapping); the server itself adds security headers, serves static files for non-/api paths
// from `static_root` (with index.html fallback for the SPA), and records metrics.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "api/http/message.hpp"

namespace mobilise::http {

class Metrics;

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;     // 0: pick a free port (printed by the caller via on_listening)
  int threads = 2;
  std::size_t body_limit = 1 << 20;  // bytes; larger bodies get 413 with a JSON error
  int request_timeout_seconds = 30;
  std::string static_root;           // directory with the built web app; empty: none
};

// Called for every request not served as a static file. Must not throw (the server still
// catches and answers 500 if it does).
using AppHandler = std::function<Response(Request&)>;

// Runs until SIGINT/SIGTERM. `on_listening(port)` is called once the socket is bound.
// Metrics are labelled with request.route as the app left it ("unmatched" if empty).
// Throws std::runtime_error if the address cannot be bound.
void Serve(const ServerOptions& options, AppHandler app, Metrics& metrics,
           std::function<void(unsigned short port)> on_listening);

}  // namespace mobilise::http
