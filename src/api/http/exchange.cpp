#include "api/http/exchange.hpp"

#include <spdlog/spdlog.h>
#include <strings.h>

#include <ctime>
#include <exception>

#include "api/http/error_body.hpp"
#include "api/http/request_target.hpp"

namespace mobilise::http {
namespace {

constexpr std::string_view kCsp =
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

bool HasLineBreak(std::string_view s) { return s.find_first_of("\r\n") != std::string_view::npos; }

bool SameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && ::strncasecmp(a.data(), b.data(), a.size()) == 0;
}

bool IsAppPath(std::string_view path) {
  return path.substr(0, 5) == "/api/" || path.substr(0, 10) == "/openrosa/" || path == "/healthz" ||
         path == "/metrics";
}

// RFC 7231 IMF-fixdate, formatted at most once a second per thread.
std::string_view HttpDate() {
  thread_local std::time_t cached_at = 0;
  thread_local char buf[40];
  const std::time_t now = std::time(nullptr);
  if (now != cached_at) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    cached_at = now;
  }
  return buf;
}

}  // namespace

bool IsUpload(std::string_view target) {
  const auto path = target.substr(0, target.find('?'));
  return path.ends_with("/import") || path.ends_with("/files") ||
         (path.starts_with("/openrosa/") && path.ends_with("/submission"));
}

Responder::Responder(AppHandler app, const std::string& static_root) : app_(std::move(app)) {
  if (!static_root.empty()) statics_.emplace(static_root);
}

Answer Responder::Respond(Request& req) const {
  Answer a;
  if (!ParseTarget(req)) {
    a.response = ErrorResponse(400, "validation", "invalid request target");
    a.route = "unmatched";
    return a;
  }
  if (statics_ && !IsAppPath(req.path)) {
    a.response = statics_->Serve(req.method, req.path, req.Header("accept-encoding"));
    a.api = false;
    a.route = "static";
    return a;
  }
  try {
    a.response = app_(req);
  } catch (const std::exception& e) {
    spdlog::error("handler failed on {} {}: {}", req.method, req.path, e.what());
    a.response = ErrorResponse(500, "internal", "internal error");
  } catch (...) {
    spdlog::error("handler failed on {} {}: unknown exception", req.method, req.path);
    a.response = ErrorResponse(500, "internal", "internal error");
  }
  a.route = req.route.empty() ? "unmatched" : req.route;
  return a;
}

std::vector<std::pair<std::string_view, std::string_view>> HeaderFields(const Response& resp,
                                                                        bool api) {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  out.reserve(7 + resp.headers.size());
  out.emplace_back("Date", HttpDate());
  if (!resp.content_type.empty()) out.emplace_back("Content-Type", resp.content_type);
  out.emplace_back("X-Content-Type-Options", "nosniff");
  out.emplace_back("X-Frame-Options", "DENY");
  out.emplace_back("Referrer-Policy", "no-referrer");
  out.emplace_back("Content-Security-Policy", kCsp);
  bool has_cache_control = false;
  for (const auto& [name, value] : resp.headers) {
    if (HasLineBreak(name) || HasLineBreak(value)) {
      spdlog::warn("dropped a response header that contains a line break");
      continue;
    }
    if (SameName(name, "cache-control")) has_cache_control = true;
    out.emplace_back(name, value);
  }
  if (api && !has_cache_control) out.emplace_back("Cache-Control", "no-store");
  return out;
}

}  // namespace mobilise::http
