#include "api/http/exchange.hpp"

#include <spdlog/spdlog.h>
#include <strings.h>

#include <ctime>
#include <exception>

#include "api/http/error_body.hpp"
#include "api/http/request_target.hpp"
#include "core/resource_errors.hpp"

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

bool RefusedFraming(std::size_t codings, bool has_length, std::string_view coding) {
  if (codings == 0) return false;
  if (codings > 1 || has_length) return true;
  while (!coding.empty() && (coding.front() == ' ' || coding.front() == '\t'))
    coding.remove_prefix(1);
  while (!coding.empty() && (coding.back() == ' ' || coding.back() == '\t'))
    coding.remove_suffix(1);
  return !SameName(coding, "chunked");
}

Responder::Responder(AppHandler app, const std::string& static_root, Screener screen,
                     std::size_t body_limit, std::size_t upload_limit)
    : app_(std::move(app)),
      screen_(std::move(screen)),
      body_limit_(body_limit),
      upload_limit_(upload_limit) {
  if (!static_root.empty()) statics_.emplace(static_root);
}

Admission Responder::Screen(Request& head) const {
  Admission a;
  if (!ParseTarget(head)) {
    a.reject = ErrorResponse(400, "validation", "invalid request target");
  } else if (!statics_ || IsAppPath(head.path)) {
    if (screen_) {
      a = screen_(head);
    } else if (IsUpload(head.target)) {
      a.body_limit = upload_limit_;
    }
  }
  if (a.body_limit == 0) a.body_limit = body_limit_;
  return a;
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
  } catch (const BusyFailure&) {
    spdlog::warn("database busy on {} {}: answered 503", req.method, req.path);
    a.response = ErrorResponse(503, "busy", "the database is busy: try again shortly");
    a.response.SetHeader("Retry-After", "2");
  } catch (const NoSpaceFailure&) {
    spdlog::error("disk full on {} {}: answered 507", req.method, req.path);
    a.response = ErrorResponse(507, "disk_full", "the server's disk is full");
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
                                                                        bool api, bool hsts) {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  out.reserve(8 + resp.headers.size());
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
    if (SameName(name, "strict-transport-security")) hsts = false;  // the app's own
    out.emplace_back(name, value);
  }
  if (api && !has_cache_control) out.emplace_back("Cache-Control", "no-store");
  if (hsts) out.emplace_back("Strict-Transport-Security", kHstsValue);
  return out;
}

}  // namespace mobilise::http
