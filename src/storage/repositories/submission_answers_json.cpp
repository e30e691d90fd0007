#include "storage/repositories/submission_answers_json.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <unordered_set>

namespace mobilise::storage {
namespace {

// `text` as a JSON string: quotes, backslashes and control characters escaped, other bytes
// (UTF-8, as the XML parser gives it) as they are.
void AppendJsonString(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t from = 0;  // copied in runs up to the next character to escape
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto u = static_cast<unsigned char>(text[i]);
    if (u >= 0x20 && u != '"' && u != '\\') continue;
    out.append(text, from, i - from);
    from = i + 1;
    if (u >= 0x20) {
      (out += '\\') += text[i];
    } else {
      out += "\\u00";
      (out += kHex[u >> 4]) += kHex[u & 15];
    }
  }
  out.append(text, from);
  out += '"';
}

}  // namespace

std::string EncodeAnswers(const domain::SubmissionAnswers& answers) {
  std::string out = "{";
  std::size_t bytes = 2;
  for (const auto& [path, value] : answers) bytes += path.size() + value.size() + 6;
  out.reserve(bytes);
  std::unordered_set<std::string_view> seen;
  seen.reserve(answers.size());
  for (const auto& [path, value] : answers) {
    if (!seen.insert(path).second) continue;
    if (out.size() > 1) out += ',';
    AppendJsonString(out, path);
    out += ':';
    AppendJsonString(out, value);
  }
  out += '}';
  return out;
}

std::optional<domain::SubmissionAnswers> DecodeAnswers(std::string_view json) {
  boost::system::error_code ec;
  const boost::json::value parsed = boost::json::parse(json, ec);
  if (ec || !parsed.is_object()) return std::nullopt;
  domain::SubmissionAnswers out;
  out.reserve(parsed.get_object().size());
  for (const auto& [key, value] : parsed.get_object()) {
    if (!value.is_string()) return std::nullopt;
    out.emplace_back(std::string(key), std::string(value.get_string()));
  }
  return out;
}

}  // namespace mobilise::storage
