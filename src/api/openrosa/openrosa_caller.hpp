// Who calls an OpenRosa endpoint, and where the answer's URLs point (reference §2.1): a Collect
// device by the token in the path (/openrosa/key/{token}/...) or in ?st=, else a staff member
// by Bearer token, or by Basic (only behind TLS: X-Forwarded-Proto: https).
#pragma once

#include <string>

#include "api/api.hpp"
#include "core/result.hpp"
#include "domain/access/actor.hpp"

namespace mobilise::api::openrosa {

struct Caller {
  domain::Actor actor;
  std::string device_id;  // "" for a staff member
  std::string base;       // "{public base}/openrosa" or ".../openrosa/key/{token}" for URLs
};

// A malformed key, no or unusable credentials: unauthenticated (401); an unknown or revoked key,
// or a disabled user: forbidden (403), with Central's messages.
Result<Caller> Authenticate(Services& services, const std::string& public_url,
                            http::Request& request);

// The public base URL: `public_url` when configured, else the request's scheme and Host.
std::string PublicBase(const std::string& public_url, const http::Request& request);

}  // namespace mobilise::api::openrosa
