#include "domain/forms/form.hpp"

#include "core/enum_text.hpp"

namespace mobilise::domain {

std::string_view ToString(FormKind kind) { return EnumText(kFormKinds, kind); }
std::optional<FormKind> ParseFormKind(std::string_view text) {
  return ParseEnumText<FormKind>(kFormKinds, text);
}
std::string_view ToString(FormState state) { return EnumText(kFormStates, state); }
std::optional<FormState> ParseFormState(std::string_view text) {
  return ParseEnumText<FormState>(kFormStates, text);
}
std::string_view ToString(ReviewState state) { return EnumText(kReviewStates, state); }
std::optional<ReviewState> ParseReviewState(std::string_view text) {
  return ParseEnumText<ReviewState>(kReviewStates, text);
}

}  // namespace mobilise::domain
