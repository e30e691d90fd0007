#include "api/client_address.hpp"

#include <algorithm>
#include <cctype>

namespace mobilise::api {
namespace {

// One header list item without the blanks around it.
std::string_view Item(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

// An IPv4 or IPv6 address as written in X-Forwarded-For (no port, no brackets).
bool LooksLikeAddress(std::string_view s) {
  return !s.empty() && s.size() <= 45 && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.' ||
           c == ':';
  });
}

bool Trusted(std::string_view ip, const ProxyOptions& o) {
  return std::find(o.trusted_proxies.begin(), o.trusted_proxies.end(), ip) !=
         o.trusted_proxies.end();
}

}  // namespace

ClientOrigin OriginOf(const std::string& peer, std::string_view forwarded_for,
                      std::string_view forwarded_proto, const ProxyOptions& o) {
  ClientOrigin out{peer, o.behind_tls};
  if (!Trusted(peer, o)) return out;
  if (Item(forwarded_proto) == "https") out.tls = true;
  // From the right: each hop a trusted proxy added names the one before it.
  std::string_view rest = forwarded_for;
  while (!rest.empty()) {
    const auto comma = rest.rfind(',');
    const std::string_view hop =
        Item(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
    if (!LooksLikeAddress(hop)) break;  // garbage: keep the last address we could vouch for
    out.ip = std::string(hop);
    if (!Trusted(hop, o)) break;
  }
  return out;
}

void SecureAnswer(http::Response& response) {
  bool has_hsts = false;
  for (auto& [name, value] : response.headers) {
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "strict-transport-security") has_hsts = true;
    if (lower == "set-cookie" && value.find("; Secure") == std::string::npos) value += "; Secure";
  }
  if (!has_hsts)
    response.SetHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}

}  // namespace mobilise::api
