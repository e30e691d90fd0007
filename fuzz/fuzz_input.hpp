// Helpers the fuzz targets share: the input as bytes, split where a target reads two things.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

namespace mobilise::fuzz {

inline std::string_view Bytes(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The text before the first line feed and the rest (all of it is the rest when there is none).
inline std::pair<std::string_view, std::string_view> FirstLine(std::string_view input) {
  const auto nl = input.find('\n');
  if (nl == std::string_view::npos) return {{}, input};
  return {input.substr(0, nl), input.substr(nl + 1)};
}

}  // namespace mobilise::fuzz
