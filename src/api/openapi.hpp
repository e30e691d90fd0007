// The OpenAPI 3.0 document served at /api/v1/openapi.json: every route of the router with its
// path parameters (named as in its pattern), and, where the operation table (openapi_table.cpp)
// names them, the request and response schemas. Those schemas come from the Shapes that write
// the responses and from the readers that read the requests (run on a recording ObjectReader),
// so they describe what the code does rather than what someone remembered to write down.
#pragma once

#include <boost/json/object.hpp>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "api/http/router.hpp"
#include "api/schema.hpp"

namespace mobilise::api {

// What the document says about one operation beyond its path.
struct OperationSchema {
  std::string_view method;
  std::string_view pattern;
  int status = 200;  // the success status
  // The success body's schema; empty function: no JSON body (204, files, exports).
  std::function<boost::json::object()> response;
  // The request body's schema; empty function: no JSON body.
  std::function<boost::json::object()> request;
};

// Keyed by (method, pattern); an operation missing here is listed with its path only.
const std::vector<OperationSchema>& OperationSchemas();
// The named shapes the operations refer to; their own references are followed.
std::vector<const ShapeBase*> ComponentShapes();

boost::json::object OpenApiDocument(const http::Router& router, const std::string& version);

// The schema of the request body that `read(ObjectReader&)` reads.
template <typename F>
boost::json::object RecordedRequest(F read);

}  // namespace mobilise::api

#include "api/json_io.hpp"

namespace mobilise::api {

template <typename F>
boost::json::object RecordedRequest(F read) {
  auto r = ObjectReader::Recording();
  read(r);
  return r.RecordedSchema();
}

}  // namespace mobilise::api
