#include "domain/areas/area_path.hpp"

#include "core/id.hpp"

namespace mobilise::domain {

namespace {
constexpr std::size_t kKeyLength = 6;  // 36^6 = 2.2 billion keys per parent
}

std::string NewChildPath(std::string_view parent_path) {
  return std::string(parent_path.empty() ? "/" : parent_path) + RandomKey(kKeyLength) + "/";
}

std::string MovedPath(std::string_view path, std::string_view new_parent_path) {
  return std::string(new_parent_path) + std::string(path.substr(path.size() - kKeyLength - 1));
}

std::vector<std::string> PathAndAncestors(std::string_view path) {
  std::vector<std::string> out;
  for (std::size_t at = path.find('/', 1); at != std::string_view::npos;
       at = path.find('/', at + 1))
    out.emplace_back(path.substr(0, at + 1));
  return out;
}

}  // namespace mobilise::domain
