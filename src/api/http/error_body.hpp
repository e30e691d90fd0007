// The JSON error body the adapter itself sends (the app has its own error map; the shape is
// the same): {"error":{"code":"...","message":"...","fields":{},"field_codes":{}}}. Internal to
// src/api/http.
#pragma once

#include <string>
#include <string_view>

#include "api/http/message.hpp"

namespace mobilise::http {

// code and message are ASCII text chosen by the adapter; '"' and '\' are escaped anyway.
inline Response ErrorResponse(int status, std::string_view code, std::string_view message) {
  Response r;
  r.status = status;
  r.body.reserve(48 + code.size() + message.size());
  r.body += "{\"error\":{\"code\":\"";
  r.body += code;
  r.body += "\",\"message\":\"";
  for (char c : message) {
    if (c == '"' || c == '\\') r.body += '\\';
    r.body += c;
  }
  r.body += "\",\"fields\":{},\"field_codes\":{}}}";
  return r;
}

}  // namespace mobilise::http
