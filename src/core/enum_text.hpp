// The stored and JSON text of an enum class whose values are 0, 1, 2, ... in the order of a
// table of texts: one way for every status and action enum (activity, feedback, institution,
// report) to turn into text and back.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace mobilise {

// texts[value]; `value` must be one of the enum's declared values.
template <typename E>
constexpr std::string_view EnumText(std::span<const std::string_view> texts, E value) {
  return texts[static_cast<std::size_t>(value)];
}

// The value whose text is `text`, or nullopt.
template <typename E>
constexpr std::optional<E> ParseEnumText(std::span<const std::string_view> texts,
                                         std::string_view text) {
  for (std::size_t i = 0; i < texts.size(); ++i)
    if (texts[i] == text) return static_cast<E>(i);
  return std::nullopt;
}

}  // namespace mobilise
