#include "domain/languages.hpp"

#include <algorithm>
#include <array>

namespace mobilise::domain {
namespace {

constexpr std::array<std::string_view, 4> kDigitStyles = {"latn", "arab", "arabext", "deva"};
constexpr std::string_view kDigitsExtension = "-u-nu-";

}  // namespace

const std::vector<std::string>& AppLanguages() {
  static const std::vector<std::string> languages = {"en", "ps", "uk", "mr", "prs", "ur"};
  return languages;
}

bool IsAppLanguage(std::string_view code) {
  const auto& all = AppLanguages();
  return std::find(all.begin(), all.end(), code) != all.end();
}

bool IsRightToLeft(std::string_view code) { return code == "ps" || code == "prs" || code == "ur"; }

std::optional<std::string> LocaleLanguage(std::string_view locale) {
  const auto dash = locale.find('-');
  const std::string_view language = locale.substr(0, dash);
  if (!IsAppLanguage(language)) return std::nullopt;
  if (dash == std::string_view::npos) return std::string(language);
  const std::string_view rest = locale.substr(dash);
  if (!rest.starts_with(kDigitsExtension)) return std::nullopt;
  const std::string_view digits = rest.substr(kDigitsExtension.size());
  if (std::find(kDigitStyles.begin(), kDigitStyles.end(), digits) == kDigitStyles.end())
    return std::nullopt;
  return std::string(language);
}

bool IsSupportedLocale(std::string_view locale) { return LocaleLanguage(locale).has_value(); }

std::string ExportLanguage(std::optional<std::string_view> requested) {
  return requested && IsAppLanguage(*requested) ? std::string(*requested) : "en";
}

}  // namespace mobilise::domain
