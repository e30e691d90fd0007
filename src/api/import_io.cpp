#include "api/import_io.hpp"

#include <algorithm>
#include <atomic>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <boost/json/array.hpp>

#include "api/import_json.hpp"
#include "api/json_io.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {

std::atomic<int> running_imports{0};

void ReleaseFreeHeap() {
#ifdef __GLIBC__
  ::malloc_trim(0);
#endif
}

}  // namespace

Result<Upload> ReadUpload(const http::Request& request, int max_imports) {
  Upload u;
  if (auto d = request.Query("dry_run")) {
    if (*d != "true" && *d != "false") return Fail(Error::Field("dry_run", problem::NotABoolean()));
    u.dry_run = *d == "true";
  }
  u.type = std::string(request.Header("content-type"));
  if (auto name = request.Query("filename");
      name && (u.type.empty() || u.type == "application/octet-stream"))
    u.type = *name;
  if (running_imports.fetch_add(1) >= max_imports) {
    running_imports.fetch_sub(1);
    return Fail(Error::RateLimited(std::to_string(max_imports) +
                                   " imports are running: try again when one has finished"));
  }
  u.slot = std::shared_ptr<void>(nullptr, [](void*) {
    // The last import's rows (many small blocks) are freed by now: hand the heap they took
    // back to the system instead of keeping it for the life of the process.
    if (running_imports.fetch_sub(1) == 1) ReleaseFreeHeap();
  });
  return u;
}

http::Response ImportReply(bool dry_run, int checked, json::object counts,
                           std::vector<domain::ImportRowError> read_errors,
                           const std::vector<domain::ImportRowError>& service_errors) {
  const int unreadable = static_cast<int>(read_errors.size());
  auto errors = std::move(read_errors);
  errors.insert(errors.end(), service_errors.begin(), service_errors.end());
  json::object out{{"ok", errors.empty()}, {"dry_run", dry_run}, {"rows", checked + unreadable}};
  for (auto& [key, value] : counts) out[key] = std::move(value);
  out["errors"] = ImportErrorsJson(std::move(errors));
  return Json(200, out);
}

}  // namespace mobilise::api
