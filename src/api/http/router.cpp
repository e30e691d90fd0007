#include "api/http/router.hpp"

#include <array>
#include <string_view>

namespace mobilise::http {
namespace {

constexpr std::size_t kMaxSegments = 32;

bool IsParam(const std::string& segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

// Splits "/a/b/c" into {"a","b","c"}; "/" gives {""}. Returns false if there are too many.
template <typename Out>
bool Split(std::string_view path, Out& out, std::size_t& count) {
  count = 0;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (true) {
    if (count == out.size()) return false;
    const auto slash = path.find('/');
    out[count++] = path.substr(0, slash);
    if (slash == std::string_view::npos) return true;
    path.remove_prefix(slash + 1);
  }
}

// True if `route` matches; `params` gets one bit per segment that matched a {param}, most
// significant first, so that a smaller value means "literal earlier" (the better match).
bool Matches(const Router::Route& route, const std::array<std::string_view, kMaxSegments>& segs,
             std::size_t count, std::uint64_t& params) {
  if (route.segments.size() != count) return false;
  params = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string& pattern = route.segments[i];
    params <<= 1;
    if (IsParam(pattern)) {
      if (segs[i].empty()) return false;
      params |= 1;
    } else if (pattern != segs[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

void Router::Add(std::string method, std::string pattern, Handler handler, std::string create,
                 bool authed) {
  Route route{std::move(method),  std::move(pattern), {},
              std::move(handler), std::move(create),  authed};
  std::array<std::string_view, kMaxSegments> segs;
  std::size_t count = 0;
  Split(route.pattern, segs, count);
  route.segments.assign(segs.begin(), segs.begin() + count);
  routes_.push_back(std::move(route));
}

Router::Match Router::Find(Request& request) const {
  Match match;
  std::array<std::string_view, kMaxSegments> segs;
  std::size_t count = 0;
  if (!Split(request.path, segs, count)) return match;
  const Route* best = nullptr;
  std::uint64_t best_params = 0;
  for (const Route& route : routes_) {
    std::uint64_t params = 0;
    if (!Matches(route, segs, count, params)) continue;
    match.path_known = true;
    if (route.method != request.method) continue;
    if (!best || params < best_params) {
      best = &route;
      best_params = params;
    }
  }
  if (!best) return match;
  match.handler = &best->handler;
  match.pattern = best->pattern;
  match.authed = best->authed;
  match.path_known = true;
  request.path_params.clear();
  for (std::size_t i = 0; i < count; ++i) {
    const std::string& pattern = best->segments[i];
    if (IsParam(pattern)) {
      request.path_params[pattern.substr(1, pattern.size() - 2)] = std::string(segs[i]);
    }
  }
  return match;
}

}  // namespace mobilise::http
