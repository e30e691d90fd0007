// gzip for JSON answers that a slow link pays for by the byte (GET /api/v1/sync).
#pragma once

#include <string>
#include <string_view>

#include "api/http/message.hpp"

namespace mobilise::api {

// The request's Accept-Encoding allows gzip ("gzip" or "*", not with q=0).
bool AcceptsGzip(const http::Request& request);
// `data` as one gzip member (zlib, default level).
std::string Gzip(std::string_view data);
// Compresses `response`'s body in place when the request allows it and the body is worth it,
// and says so in Content-Encoding; Vary: Accept-Encoding either way.
void GzipIfAccepted(const http::Request& request, http::Response& response);

}  // namespace mobilise::api
