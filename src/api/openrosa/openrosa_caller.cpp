#include "api/openrosa/openrosa_caller.hpp"

#include <sodium.h>

#include <vector>

namespace mobilise::api::openrosa {
namespace {

constexpr const char* kCannotAuthenticate = "Could not authenticate with the provided credentials.";

std::optional<std::string> DecodeBase64(std::string_view text) {
  std::vector<unsigned char> out(text.size());
  std::size_t length = 0;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    return std::nullopt;
  }
  return std::string(reinterpret_cast<const char*>(out.data()), length);
}

// Basic credentials, verified without a session (AuthService::Verify: the login throttle
// applies, and a password verified lately is not hashed again). Too many failures: 429.
Result<domain::Actor> FromBasic(Services& services, const http::Request& request,
                                std::string_view encoded) {
  if (!request.tls) {  // a trusted proxy said https, or behind_tls (api/client_address.hpp)
    return Fail(Error::Unauthenticated("This authentication method is only available over HTTPS"));
  }
  auto decoded = DecodeBase64(encoded);
  std::size_t colon = decoded ? decoded->find(':') : std::string::npos;
  if (colon == std::string::npos) return Fail(Error::Unauthenticated(kCannotAuthenticate));
  auto actor = services.auth.Verify(decoded->substr(0, colon), decoded->substr(colon + 1),
                                    request.remote_ip);
  if (!actor && actor.error().code == ErrorCode::kRateLimited) return Fail(actor.error());
  if (!actor) return Fail(Error::Unauthenticated(kCannotAuthenticate));
  return actor;
}

}  // namespace

std::string PublicBase(const std::string& public_url, const http::Request& request) {
  if (!public_url.empty()) {
    std::string base = public_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base;
  }
  std::string scheme = request.tls ? "https" : "http";
  return scheme + "://" + std::string(request.Header("host"));
}

Result<Caller> Authenticate(Services& services, const std::string& public_url,
                            http::Request& request) {
  Caller caller;
  const std::string base = PublicBase(public_url, request) + "/openrosa";
  std::string token;
  if (auto it = request.path_params.find("token"); it != request.path_params.end()) {
    token = it->second;
  } else if (auto st = request.Query("st")) {
    token = *st;
  }
  if (!token.empty() || request.path_params.contains("token")) {
    auto device = services.collect_devices.Authenticate(token, request.remote_ip);
    if (!device) return Fail(device.error());
    caller.actor = device->actor;
    caller.device_id = device->device.id;
    caller.base = base + "/key/" + token;
    return caller;
  }
  caller.base = base;
  const std::string_view authz = request.Header("authorization");
  if (authz.starts_with("Bearer ")) {
    auto principal = services.auth.FromBearer(std::string(authz.substr(7)), request.remote_ip);
    if (!principal) return Fail(Error::Unauthenticated(kCannotAuthenticate));
    caller.actor = principal->actor;
    return caller;
  }
  if (authz.starts_with("Basic ")) {
    auto actor = FromBasic(services, request, authz.substr(6));
    if (!actor) return Fail(actor.error());
    caller.actor = *actor;
    return caller;
  }
  return Fail(Error::Unauthenticated(kCannotAuthenticate));
}

}  // namespace mobilise::api::openrosa
