// Who is at the other end of a request, when a reverse proxy may stand between: the client's
// address and whether it spoke TLS (to that proxy or to us).
//
// Only proxies the server is told of (`trusted_proxies`, exact addresses) are believed: when the
// socket's peer is one of them, X-Forwarded-For is read from the right, skipping trusted
// proxies, and its first other address is the client's (the leftmost entries are what the
// client itself wrote, so they are never taken while an untrusted hop stands after them), and
// X-Forwarded-Proto: https means the client used TLS. From any other peer both headers are
// ignored and the peer is the client.
#pragma once

#include <string>
#include <vector>

#include "api/http/message.hpp"

namespace mobilise::api {

struct ProxyOptions {
  std::vector<std::string> trusted_proxies;  // e.g. {"127.0.0.1", "10.0.0.5"}
  bool behind_tls = false;                   // every client reaches us over TLS
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
