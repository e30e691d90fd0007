// The request and response types handlers see. No Beast/Asio here: only the HTTP adapter's
// server.cpp includes Beast, so handler files stay quick to compile.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mobilise::http {

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string target;  // raw target, e.g. "/api/v1/areas?parent=x"
  std::string path;    // decoded path without the query, e.g. "/api/v1/areas"
  std::multimap<std::string, std::string> query;  // decoded query parameters
  std::map<std::string, std::string> headers;     // lower-cased names
  std::string body;
  std::string remote_ip;
  bool tls = false;  // the client reached us over TLS (set by the app: api/client_address.hpp)
  std::map<std::string, std::string> path_params;  // filled by the router, e.g. {"id", "..."}
  std::string
      route;  // the matched route for metrics, e.g. "GET /api/v1/areas/{id}"; set by the app

  // Adds a header field as received: the name lower-cased, repeated fields joined with ", "
  // ("; " for Cookie).
  void AddHeader(std::string_view name, std::string_view value);
  // Header value or "" (name lower-case).
  std::string_view Header(const std::string& name) const;
  // First query value or nullopt.
  std::optional<std::string> Query(const std::string& name) const;
  // Value of a cookie from the Cookie header, or nullopt.
  std::optional<std::string> Cookie(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers, e.g. Set-Cookie
  // When set, the body is this file, streamed from disk in chunks instead of `body` (large
  // exports, stored files). With `remove_body_file` the server unlinks it once opened, so a
  // temporary export never outlives its response, even when the client goes away.
  std::string body_file;
  bool remove_body_file = false;

  void SetHeader(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
};

}  // namespace mobilise::http
