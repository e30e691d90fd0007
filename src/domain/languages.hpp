// The languages the app speaks, in one place: the account locales the server accepts, the
// languages exports are written in, and which of them are written right to left.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mobilise::domain {

// "en", "ps", "uk", "mr", "prs" (Dari), "ur", in the web app's order.
const std::vector<std::string>& AppLanguages();
bool IsAppLanguage(std::string_view code);
// Pashto, Dari and Urdu.
bool IsRightToLeft(std::string_view code);

// An account locale: a language of the app, optionally with the digits the user picked as a
// BCP 47 Unicode extension ("mr-u-nu-latn"; digits latn, arab, arabext or deva).
bool IsSupportedLocale(std::string_view locale);
// The language of an account locale ("mr-u-nu-latn" -> "mr"), nullopt when not supported.
std::optional<std::string> LocaleLanguage(std::string_view locale);

// The language an export is written in: `requested` when the app speaks it, else English.
std::string ExportLanguage(std::optional<std::string_view> requested);

}  // namespace mobilise::domain
