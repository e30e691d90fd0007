#include "xforms/xml_names.hpp"

#include <array>

namespace mobilise::xforms {

Status FeedXForm(importers::detail::XmlHandler& handler, std::string_view xml) {
  importers::detail::XmlStream stream(handler, "the XForm");
  if (auto fed = stream.Feed(xml, true); !fed) {
    Error error = fed.error();
    error.fields.emplace("xml", problem::Invalid());
    return Fail(std::move(error));
  }
  return {};
}

std::string BareType(std::string_view type) {
  std::size_t colon = type.rfind(':');
  return std::string(colon == std::string_view::npos ? type : type.substr(colon + 1));
}

std::vector<std::string> MediaReferences(std::string_view text) {
  static constexpr std::array<std::string_view, 5> kPrefixes = {
      "jr://file/", "jr://file-csv/", "jr://images/", "jr://audio/", "jr://video/"};
  std::vector<std::string> names;
  std::size_t at = text.find("jr://");
  while (at != std::string_view::npos) {
    std::string_view rest = text.substr(at);
    for (std::string_view prefix : kPrefixes) {
      if (!rest.starts_with(prefix)) continue;
      std::string_view name = rest.substr(prefix.size());
      std::size_t end = name.find_first_of(" \t\r\n\"'<>)");
      name = name.substr(0, end);
      if (!name.empty()) names.emplace_back(name);
      break;
    }
    at = text.find("jr://", at + 5);
  }
  return names;
}

std::optional<std::string> SearchedFile(std::string_view appearance) {
  std::size_t at = appearance.find("search(");
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view rest = appearance.substr(at + 7);
  std::size_t open = rest.find_first_of("'\"");
  if (open == std::string_view::npos) return std::nullopt;
  std::size_t close = rest.find(rest[open], open + 1);
  if (close == std::string_view::npos || close == open + 1) return std::nullopt;
  return std::string(rest.substr(open + 1, close - open - 1)) + ".csv";
}

std::string WithoutPositions(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  bool in_position = false;
  for (char c : path) {
    if (c == '[') in_position = true;
    if (!in_position) out.push_back(c);
    if (c == ']') in_position = false;
  }
  return out;
}

}  // namespace mobilise::xforms
