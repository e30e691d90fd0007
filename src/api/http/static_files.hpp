// Static files of the built web app (no Beast). Internal to src/api/http; see server.hpp for the
// rules. Thread-safe: the object is immutable after construction.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "api/http/message.hpp"

namespace mobilise::http {

// Content-Type for a file name by its extension; "application/octet-stream" if unknown.
std::string_view ContentTypeFor(std::string_view filename);

// The Accept-Encoding header value allows gzip: a "gzip" (or "*") coding whose q is not 0.
bool AcceptsGzip(std::string_view accept_encoding);
// The same for brotli ("br").
bool AcceptsBrotli(std::string_view accept_encoding);

class StaticFiles {
 public:
  // `root` must exist; it is resolved to its canonical path once.
  explicit StaticFiles(const std::string& root);

  // The response for `method` on the decoded URL `path` (which starts with '/'). HEAD gets the
  // same headers and body as GET (the server drops the body). 405 for other methods, 400 for a
  // ".." segment, 404 for a missing file with an extension (or a missing index.html).
  //
  // Precompressed files: when `file.br` or `file.gz` lies beside `file` (the web build writes
  // both for each text asset), the answer carries "Vary: Accept-Encoding", and its body is
  // `file.br` with "Content-Encoding: br" when `accept_encoding` allows br, else `file.gz` with
  // "Content-Encoding: gzip" when it allows gzip, else `file` (Content-Type always the file's).
  // br is preferred whatever the q values, when both are allowed: it is the smaller.
  // Caching: files under /assets/ (their names carry a content hash) are immutable for a
  // year; everything else (index.html, sw.js, the manifest) is "no-cache" (revalidated).
  Response Serve(std::string_view method, std::string_view path,
                 std::string_view accept_encoding = "") const;

 private:
  std::filesystem::path root_;
  std::string root_prefix_;  // root_ with a trailing '/'
};

}  // namespace mobilise::http
