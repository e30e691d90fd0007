#include "api/http/static_files.hpp"

#include <fstream>
#include <iterator>
#include <system_error>

#include "api/http/error_body.hpp"

namespace mobilise::http {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kNoCache = "no-cache";
constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";

bool ReadFile(const fs::path& file, std::string& out) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  if (!ec) out.reserve(size);
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

bool HasDotDotSegment(std::string_view path) {
  std::size_t start = 0;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (path.substr(start, end - start) == "..") return true;
    start = end + 1;
  }
  return false;
}

std::string_view LastSegment(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// Reads `file` into the response, or a precompressed sibling the client takes: `.br` before
// `.gz`. False if `file` cannot be read.
bool ReadVariant(const fs::path& file, std::string_view accept_encoding, Response& r) {
  struct Variant {
    const char* suffix;
    const char* coding;
    bool (*accepts)(std::string_view);
  };
  static constexpr Variant kVariants[] = {{".br", "br", AcceptsBrotli},
                                          {".gz", "gzip", AcceptsGzip}};
  bool any = false;
  for (const auto& v : kVariants) {
    fs::path sibling = file;
    sibling += v.suffix;
    std::error_code ec;
    if (!fs::is_regular_file(sibling, ec)) continue;
    any = true;
    if (v.accepts(accept_encoding) && ReadFile(sibling, r.body)) {
      r.SetHeader("Vary", "Accept-Encoding");
      r.SetHeader("Content-Encoding", v.coding);
      return true;
    }
    r.body.clear();
  }
  if (any) r.SetHeader("Vary", "Accept-Encoding");
  return ReadFile(file, r.body);
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool SameLower(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

// The q of one coding's parameters ("q=0.5"); 1 when absent. Only "q=0", "q=0.0..." are zero.
bool QIsZero(std::string_view params) {
  while (!params.empty()) {
    const auto semi = params.find(';');
    std::string_view p = Trim(params.substr(0, semi));
    params = semi == std::string_view::npos ? std::string_view() : params.substr(semi + 1);
    if (p.size() < 2 || (p[0] != 'q' && p[0] != 'Q') || p[1] != '=') continue;
    const std::string_view v = Trim(p.substr(2));
    return !v.empty() && v.find_first_not_of("0.") == std::string_view::npos;
  }
  return false;
}

}  // namespace

namespace {

// Whether the Accept-Encoding `header` allows the coding named `name` or `alias` (lower case):
// listed with a q that is not 0, or not listed and "*" allowed.
bool Accepts(std::string_view header, std::string_view name, std::string_view alias) {
  bool star = false, ok = false, listed = false;
  while (!header.empty()) {
    const auto comma = header.find(',');
    std::string_view item = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    const auto semi = item.find(';');
    const std::string_view coding = Trim(item.substr(0, semi));
    const bool zero = semi != std::string_view::npos && QIsZero(item.substr(semi + 1));
    if (SameLower(coding, name) || (!alias.empty() && SameLower(coding, alias))) {
      listed = true;
      ok = ok || !zero;
    } else if (coding == "*") {
      star = !zero;
    }
  }
  return listed ? ok : star;
}

}  // namespace

bool AcceptsGzip(std::string_view header) { return Accepts(header, "gzip", "x-gzip"); }

bool AcceptsBrotli(std::string_view header) { return Accepts(header, "br", ""); }

std::string_view ContentTypeFor(std::string_view filename) {
  const auto dot = filename.rfind('.');
  if (dot == std::string_view::npos) return "application/octet-stream";
  const std::string_view ext = filename.substr(dot + 1);
  struct Entry {
    std::string_view ext, type;
  };
  static constexpr Entry kTypes[] = {
      {"html", "text/html; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"},
      {"mjs", "text/javascript; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},
      {"svg", "image/svg+xml"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"webp", "image/webp"},
      {"gif", "image/gif"},
      {"ico", "image/x-icon"},
      {"json", "application/json"},
      {"map", "application/json"},
      {"webmanifest", "application/manifest+json"},
      {"woff2", "font/woff2"},
      {"woff", "font/woff"},
      {"txt", "text/plain; charset=utf-8"},
      {"wasm", "application/wasm"},
      {"xml", "application/xml"},
  };
  for (const auto& e : kTypes) {
    if (e.ext == ext) return e.type;
  }
  return "application/octet-stream";
}

StaticFiles::StaticFiles(const std::string& root) : root_(fs::canonical(root)) {
  root_prefix_ = root_.string();
  if (root_prefix_.empty() || root_prefix_.back() != '/') root_prefix_ += '/';
}

Response StaticFiles::Serve(std::string_view method, std::string_view path,
                            std::string_view accept_encoding) const {
  if (method != "GET" && method != "HEAD") {
    Response r = ErrorResponse(405, "unsupported", "only GET and HEAD are allowed here");
    r.SetHeader("Allow", "GET, HEAD");
    return r;
  }
  if (HasDotDotSegment(path) || path.find('\\') != std::string_view::npos) {
    return ErrorResponse(400, "validation", "invalid path");
  }
  std::string_view relative = path;
  while (!relative.empty() && relative.front() == '/') relative.remove_prefix(1);

  Response r;
  fs::path file;
  if (!relative.empty() && relative.back() != '/') {
    std::error_code ec;
    file = fs::weakly_canonical(root_ / fs::path(relative), ec);
    const bool inside = !ec && file.native().compare(0, root_prefix_.size(), root_prefix_) == 0;
    if (inside && fs::is_regular_file(file, ec)) {
      if (!ReadVariant(file, accept_encoding, r))
        return ErrorResponse(404, "not_found", "file not found");
      r.content_type = ContentTypeFor(file.filename().native());
      const bool asset = path.substr(0, 8) == "/assets/";
      r.SetHeader("Cache-Control", std::string(asset ? kImmutable : kNoCache));
      return r;
    }
    if (LastSegment(relative).find('.') != std::string_view::npos) {
      return ErrorResponse(404, "not_found", "file not found");
    }
  }
  // The single-page app's own routes (no extension): its index.html.
  if (!ReadVariant(root_ / "index.html", accept_encoding, r)) {
    return ErrorResponse(404, "not_found", "file not found");
  }
  r.content_type = ContentTypeFor("index.html");
  r.SetHeader("Cache-Control", std::string(kNoCache));
  return r;
}

}  // namespace mobilise::http
