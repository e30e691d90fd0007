#include "api/gzip.hpp"

#include <zlib.h>

#include <cctype>
#include <stdexcept>

namespace mobilise::api {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "q=0", "q=0.0", "q=0.000" refuse the coding.
bool Refused(std::string_view params) {
  for (std::size_t at = 0; at < params.size();) {
    auto end = params.find(';', at);
    if (end == std::string_view::npos) end = params.size();
    const auto p = Lower(Trim(params.substr(at, end - at)));
    if (p.starts_with("q=")) return p.find_first_not_of("0.", 2) == std::string::npos;
    at = end + 1;
  }
  return false;
}

}  // namespace

bool AcceptsGzip(const http::Request& request) {
  std::string_view header = request.Header("accept-encoding");
  while (!header.empty()) {
    auto end = header.find(',');
    const auto item = header.substr(0, end);
    header = end == std::string_view::npos ? std::string_view() : header.substr(end + 1);
    const auto semi = item.find(';');
    const auto coding = Lower(Trim(item.substr(0, semi)));
    if ((coding == "gzip" || coding == "*") &&
        !Refused(semi == std::string_view::npos ? std::string_view() : item.substr(semi + 1)))
      return true;
  }
  return false;
}

std::string Gzip(std::string_view data) {
  z_stream z{};
  // 15 window bits + 16: a gzip header and trailer instead of zlib's.
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("gzip: deflateInit2 failed");
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("gzip: deflate did not finish");
  return out;
}

void GzipIfAccepted(const http::Request& request, http::Response& response) {
  response.SetHeader("Vary", "Accept-Encoding");
  constexpr std::size_t kWorthIt = 256;  // below this the header costs as much as it saves
  if (response.body.size() < kWorthIt || !AcceptsGzip(request)) return;
  response.body = Gzip(response.body);
  response.SetHeader("Content-Encoding", "gzip");
}

}  // namespace mobilise::api
