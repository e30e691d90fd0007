// Who is at the other end of a request, when a reverse proxy may stand between: the client's
// address and whether it spoke TLS (to that proxy or to us).
//
// Only proxies the server is told of (`trusted_proxies`: addresses or CIDR ranges such as
// 10.0.0.0/8 and fd00::/8, IPv4 and IPv6) are believed: when the
// socket's peer is one of them, X-Forwarded-For is read from the right, skipping trusted
// proxies, and its first other address is the client's (the leftmost entries are what the
// client itself wrote, so they are never taken while an untrusted hop stands after them), and
// X-Forwarded-Proto: https means the client used TLS. From any other peer both headers are
// ignored and the peer is the client.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/http/message.hpp"

namespace mobilise::api {

// An address or a CIDR range of them: the first `prefix` bits of `bytes` (IPv4: the first 4).
struct AddressRange {
  bool v6 = false;
  std::array<std::uint8_t, 16> bytes{};
  int prefix = 0;
};

// "10.0.0.5", "10.0.0.0/8", "2001:db8::5", "fd00::/8"; none for anything else, a prefix longer
// than the address, or a range with bits set after its prefix ("10.0.0.1/8": a typo, most likely).
std::optional<AddressRange> ParseAddressRange(std::string_view text);
// Whether `ip` (an address as the socket or X-Forwarded-For gives it; an IPv4-mapped IPv6
// address counts as its IPv4 address) lies in `range`.
bool InRange(const AddressRange& range, std::string_view ip);

struct ProxyOptions {
  std::vector<AddressRange> trusted_proxies;  // e.g. 127.0.0.1, 10.0.0.0/8
  bool behind_tls = false;                    // every client reaches us over TLS
};

struct ClientOrigin {
  std::string ip;
  bool tls = false;
};

// `peer`: the socket's address; `forwarded_for`, `forwarded_proto`: the headers ("" if none).
ClientOrigin OriginOf(const std::string& peer, std::string_view forwarded_for,
                      std::string_view forwarded_proto, const ProxyOptions& options);

// The headers of an answer to a TLS client: Strict-Transport-Security, and `Secure` on every
// cookie set (a session cookie is then never sent over plain HTTP).
void SecureAnswer(http::Response& response);

}  // namespace mobilise::api
