// Field checks shared by the services. Each adds "field -> problem" to an error map.
#pragma once

#include <initializer_list>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/field_problem.hpp"
#include "domain/translations.hpp"

namespace mobilise::domain {

using FieldErrors = FieldProblems;

// Number of Unicode code points (input is valid UTF-8 by the time it reaches the domain).
std::size_t CodePoints(std::string_view s);

// `s` with A-Z folded to a-z (usernames, codes and level names are compared this way).
std::string AsciiLower(std::string s);

// Required text of 1..max code points, no control characters, not only spaces.
void CheckName(FieldErrors& errors, const std::string& field, std::string_view value,
               std::size_t max = 200);
// Optional text: same rules, but empty is allowed.
void CheckOptionalName(FieldErrors& errors, const std::string& field, std::string_view value,
                       std::size_t max = 200);
// A code: 1..64 of [A-Za-z0-9._-].
void CheckCode(FieldErrors& errors, const std::string& field, std::string_view value);
// Translations of a name (indicators, report templates and their sections): a language code
// (2 or 3 of a-z) once each, and a name. Errors name the language ("names.ps"), or the position
// of a bad language code ("names[1]").
void CheckTranslations(FieldErrors& errors, const std::string& field, const Translations& names);

}  // namespace mobilise::domain

namespace mobilise::domain {

// An optional text field as given by a client: "" clears it.
std::optional<std::string> NonEmpty(const std::string& value);
// A calendar date YYYY-MM-DD, not after `today` (records of what happened cannot be in the future).
void CheckPastDate(FieldErrors& errors, const std::string& field, std::string_view value,
                   std::string_view today);
// `value` is one of `allowed` ("must be one of a, b, c" otherwise).
void CheckOneOf(FieldErrors& errors, const std::string& field, std::string_view value,
                std::initializer_list<std::string_view> allowed);
// The same for a list defined once elsewhere (kSexes, kAgeBandCodes).
void CheckOneOf(FieldErrors& errors, const std::string& field, std::string_view value,
                std::span<const std::string_view> allowed);
// A number within [lo, hi] (and finite).
void CheckRange(FieldErrors& errors, const std::string& field, double value, double lo, double hi);
// A phone number: 5..20 of digits, spaces, + - ( ).
void CheckPhone(FieldErrors& errors, const std::string& field, std::string_view value);

}  // namespace mobilise::domain
