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

}  // namespace

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

Response StaticFiles::Serve(std::string_view method, std::string_view path) const {
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
      if (!ReadFile(file, r.body)) return ErrorResponse(404, "not_found", "file not found");
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
  if (!ReadFile(root_ / "index.html", r.body)) {
    return ErrorResponse(404, "not_found", "file not found");
  }
  r.content_type = ContentTypeFor("index.html");
  r.SetHeader("Cache-Control", std::string(kNoCache));
  return r;
}

}  // namespace mobilise::http
