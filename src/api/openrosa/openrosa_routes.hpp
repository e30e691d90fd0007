// The OpenRosa endpoints (docs/openrosa.md, reference §2) under /openrosa/ and
// /openrosa/key/{token}/: formList, form XML, manifest, media, HEAD/GET/POST submission.
// Registered as public routes: each resolves its caller itself (openrosa_caller.hpp).
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "api/api.hpp"
#include "api/openrosa/builtin_forms.hpp"
#include "api/openrosa/form_files.hpp"
#include "api/route_table.hpp"

namespace mobilise::api::openrosa {

struct OpenRosaDeps {
  OpenRosaDeps(Services& s, std::string url, std::size_t limit)
      : services(s), public_url(std::move(url)), accept_length(limit), builtin(s), cache(s.blobs) {}
  Services& services;
  std::string public_url;
  std::size_t accept_length;  // the body limit enforced on /submission
  BuiltinForms builtin;
  FormCache cache;
};

void AddOpenRosaRoutes(RouteTable& table, Services& services, const ApiOptions& options);

// The status and OpenRosa XML error body of `error` on an OpenRosa endpoint.
http::Response OpenRosaError(const OpenRosaDeps& deps, const Error& error,
                             const http::Request& request);
// Checks X-OpenRosa-Version: 1.0 (before authentication, as Central does).
std::optional<http::Response> CheckVersionHeader(const OpenRosaDeps& deps,
                                                 const http::Request& request);

http::Response PostSubmission(OpenRosaDeps& deps, http::Request& request);

// Publishes the built-in forms whose generated XML is new (a new version), as the system.
void PublishBuiltinForms(OpenRosaDeps& deps);

}  // namespace mobilise::api::openrosa
