#include "api/openrosa/multipart.hpp"

#include <algorithm>
#include <cctype>
#include <functional>

namespace mobilise::api::openrosa {
namespace {

constexpr std::string_view kNoBoundary = "Multipart: Boundary not found";
constexpr std::string_view kUnexpectedEnd = "Unexpected end of form";
constexpr std::string_view kMalformedHeader = "Malformed part header";

Error Problem(std::string_view detail) { return Error::Validation(std::string(detail)); }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The parameter `name` of a header value like `form-data; name="a"; filename="b"`.
std::optional<std::string> Param(std::string_view value, std::string_view name) {
  std::size_t at = 0;
  while ((at = value.find(';', at)) != std::string_view::npos) {
    ++at;
    std::string_view rest = Trim(value.substr(at));
    std::size_t eq = rest.find('=');
    if (eq == std::string_view::npos) continue;
    if (Lower(Trim(rest.substr(0, eq))) != name) continue;
    std::string_view v = Trim(rest.substr(eq + 1));
    if (!v.empty() && v.front() == '"') {
      std::string out;
      for (std::size_t i = 1; i < v.size() && v[i] != '"'; ++i) {
        if (v[i] == '\\' && i + 1 < v.size()) ++i;
        out.push_back(v[i]);
      }
      return out;
    }
    return std::string(v.substr(0, v.find(';')));
  }
  return std::nullopt;
}

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// RFC 5987 ext-value "UTF-8''na%C3%AFve.jpg" -> "naïve.jpg"; nullopt when not UTF-8 or broken.
std::optional<std::string> ExtValue(std::string_view v) {
  std::size_t quote = v.find("''");
  if (quote == std::string_view::npos || Lower(v.substr(0, quote)) != "utf-8") return std::nullopt;
  std::string out;
  for (std::size_t i = quote + 2; i < v.size(); ++i) {
    if (v[i] != '%') {
      out.push_back(v[i]);
      continue;
    }
    if (i + 2 >= v.size() || Hex(v[i + 1]) < 0 || Hex(v[i + 2]) < 0) return std::nullopt;
    out.push_back(static_cast<char>(Hex(v[i + 1]) * 16 + Hex(v[i + 2])));
    i += 2;
  }
  return out;
}

// Reads the header block of one part into `part`; false when it is malformed.
bool ReadHeaders(std::string_view block, Part& part) {
  bool disposition = false;
  while (!block.empty()) {
    std::size_t end = block.find("\r\n");
    std::string_view line = block.substr(0, end);
    block = end == std::string_view::npos ? std::string_view() : block.substr(end + 2);
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    std::string name = Lower(Trim(line.substr(0, colon)));
    std::string_view value = Trim(line.substr(colon + 1));
    if (name == "content-disposition") {
      if (Lower(value.substr(0, 9)) != "form-data") return false;
      auto field = Param(value, "name");
      if (!field) return false;
      part.name = *field;
      part.filename = Param(value, "filename");
      if (auto ext = Param(value, "filename*")) {
        if (auto decoded = ExtValue(*ext)) part.filename = decoded;
      }
      disposition = true;
    } else if (name == "content-type") {
      part.content_type = std::string(value);
    }
  }
  return disposition;
}

}  // namespace

bool IsMultipartFormData(std::string_view content_type) {
  return Lower(Trim(content_type.substr(0, content_type.find(';')))) == "multipart/form-data";
}

Result<std::vector<Part>> ParseMultipart(std::string_view content_type, std::string_view body) {
  auto boundary = Param(content_type, "boundary");
  if (!boundary || boundary->empty() || boundary->size() > 200) return Fail(Problem(kNoBoundary));
  const std::string delimiter = "--" + *boundary;
  const std::string separator = "\r\n" + delimiter;
  const std::boyer_moore_horspool_searcher find_separator(separator.begin(), separator.end());

  // The first delimiter may follow a preamble (which must then end in CRLF).
  std::size_t at;
  if (body.starts_with(delimiter)) {
    at = delimiter.size();
  } else {
    std::size_t found = body.find(separator);
    if (found == std::string_view::npos) return Fail(Problem(kUnexpectedEnd));
    at = found + separator.size();
  }
  std::vector<Part> parts;
  while (true) {
    std::string_view rest = body.substr(at);
    if (rest.starts_with("--")) return parts;  // the closing delimiter
    // Transport padding, then CRLF, then the part's headers up to an empty line.
    std::size_t line_end = rest.find("\r\n");
    if (line_end == std::string_view::npos) return Fail(Problem(kUnexpectedEnd));
    if (!Trim(rest.substr(0, line_end)).empty()) return Fail(Problem(kMalformedHeader));
    rest.remove_prefix(line_end + 2);
    std::size_t headers_end = rest.find("\r\n\r\n");
    if (rest.starts_with("\r\n")) return Fail(Problem(kMalformedHeader));  // no headers at all
    if (headers_end == std::string_view::npos) return Fail(Problem(kUnexpectedEnd));
    Part part;
    if (!ReadHeaders(rest.substr(0, headers_end), part)) return Fail(Problem(kMalformedHeader));
    std::string_view data = rest.substr(headers_end + 4);
    // A separator ends the part only when "--" or (padding and) CRLF follows it; other
    // matches are data that happens to start like the boundary.
    auto found = data.begin();
    while (true) {
      found = std::search(found, data.end(), find_separator);
      if (found == data.end()) return Fail(Problem(kUnexpectedEnd));
      std::string_view after =
          data.substr(static_cast<std::size_t>(found - data.begin()) + separator.size());
      std::string_view padded = after.substr(0, after.find_first_not_of(" \t"));
      if (after.starts_with("--") || after.substr(padded.size()).starts_with("\r\n") ||
          after.substr(padded.size()).empty()) {
        break;
      }
      ++found;
    }
    std::size_t length = static_cast<std::size_t>(found - data.begin());
    part.data = data.substr(0, length);
    parts.push_back(std::move(part));
    at = static_cast<std::size_t>(data.data() - body.data()) + length + separator.size();
  }
}

}  // namespace mobilise::api::openrosa
