// What every import route (POST .../import, a CSV or XLSX body) shares: its query options and
// the uploaded file's type, and the answer that lists every bad row.
#pragma once

#include <boost/json/object.hpp>
#include <memory>
#include <string>
#include <vector>

#include "api/api.hpp"
#include "api/http/message.hpp"
#include "core/result.hpp"
#include "domain/import_row_error.hpp"

namespace mobilise::api {

// What import handlers need: the services, and the options (the upload limit).
struct ImportDeps {
  Services& s;
  const ApiOptions& o;
};

struct Upload {
  bool dry_run = true;         // ?dry_run=true|false; only check the rows, save nothing
  std::string type;            // Content-Type, or ?filename= when that is absent or generic
  std::shared_ptr<void> slot;  // one of the imports that may run at once, held while it lives
};

// Fails on a ?dry_run= other than true or false, and (rate_limited, 429) when `max_imports`
// imports are running already: each holds its file and rows in memory.
Result<Upload> ReadUpload(const http::Request& request, int max_imports);

// The answer to an import: ok when neither reading the file nor the service found an error;
// `rows` the file's rows (those the service checked, `checked`, and those unreadable); `counts`
// from the service; every error, by row (reader errors first within a row).
http::Response ImportReply(bool dry_run, int checked, boost::json::object counts,
                           std::vector<domain::ImportRowError> read_errors,
                           const std::vector<domain::ImportRowError>& service_errors);

}  // namespace mobilise::api
