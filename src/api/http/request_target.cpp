#include "api/http/request_target.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

namespace mobilise::http {
namespace {

bool Clean(std::string_view s) { return s.find('\0') == std::string_view::npos && IsValidUtf8(s); }

}  // namespace

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    const unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    int extra;
    unsigned min;
    unsigned cp;
    if ((c & 0xE0) == 0xC0) {
      extra = 1, min = 0x80, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2, min = 0x800, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3, min = 0x10000, cp = c & 0x07;
    } else {
      return false;
    }
    if (end - p <= extra) return false;
    for (int i = 1; i <= extra; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    p += extra + 1;
  }
  return true;
}

bool ParseTarget(Request& request) {
  auto url = boost::urls::parse_origin_form(request.target);
  if (!url) return false;
  request.path = url->path();
  if (request.path.empty() || !Clean(request.path)) return false;
  request.query.clear();
  if (!url->has_query()) return true;
  boost::urls::encoding_opts opts;
  opts.space_as_plus = true;
  for (const auto& param : url->params(opts)) {
    if (!Clean(param.key) || !Clean(param.value)) return false;
    request.query.emplace(param.key, param.value);
  }
  return true;
}

}  // namespace mobilise::http
