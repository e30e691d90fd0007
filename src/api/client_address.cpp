#include "api/client_address.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "api/http/server.hpp"

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
  return std::any_of(o.trusted_proxies.begin(), o.trusted_proxies.end(),
                     [&](const AddressRange& r) { return InRange(r, ip); });
}

// An address's bytes (IPv4: the first 4); an IPv4-mapped IPv6 address as its IPv4 address.
std::optional<AddressRange> AddressOf(std::string_view text) {
  if (text.empty() || text.size() > 45) return std::nullopt;
  const std::string s(text);
  AddressRange a;
  if (inet_pton(AF_INET, s.c_str(), a.bytes.data()) == 1) {
    a.prefix = 32;
    return a;
  }
  if (inet_pton(AF_INET6, s.c_str(), a.bytes.data()) != 1) return std::nullopt;
  constexpr std::uint8_t kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::equal(kMapped, kMapped + 12, a.bytes.begin())) {
    std::copy(a.bytes.begin() + 12, a.bytes.end(), a.bytes.begin());
    std::fill(a.bytes.begin() + 4, a.bytes.end(), 0);
    a.prefix = 32;
    return a;
  }
  a.v6 = true;
  a.prefix = 128;
  return a;
}

// Whether the first `bits` bits of `a` and `b` agree.
bool SamePrefix(const std::array<std::uint8_t, 16>& a, const std::array<std::uint8_t, 16>& b,
                int bits) {
  for (int i = 0; bits > 0; ++i, bits -= 8) {
    const auto mask = static_cast<std::uint8_t>(bits >= 8 ? 0xff : 0xff << (8 - bits));
    if ((a[i] & mask) != (b[i] & mask)) return false;
  }
  return true;
}

}  // namespace

std::optional<AddressRange> ParseAddressRange(std::string_view text) {
  const auto slash = text.find('/');
  auto range = AddressOf(text.substr(0, slash));
  if (!range || slash == std::string_view::npos) return range;
  const std::string_view bits = text.substr(slash + 1);
  int prefix = -1;
  const auto [end, ec] = std::from_chars(bits.data(), bits.data() + bits.size(), prefix);
  if (ec != std::errc() || end != bits.data() + bits.size() || bits.empty() || bits[0] == '+' ||
      prefix < 0 || prefix > range->prefix)
    return std::nullopt;
  // No bit set after the prefix.
  for (int bit = prefix; bit < range->prefix; ++bit)
    if (range->bytes[bit / 8] & (0x80 >> (bit % 8))) return std::nullopt;
  range->prefix = prefix;
  return range;
}

bool InRange(const AddressRange& range, std::string_view ip) {
  const auto a = AddressOf(ip);
  return a && a->v6 == range.v6 && SamePrefix(a->bytes, range.bytes, range.prefix);
}

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
  if (!has_hsts) response.SetHeader("Strict-Transport-Security", std::string(http::kHstsValue));
}

}  // namespace mobilise::api
