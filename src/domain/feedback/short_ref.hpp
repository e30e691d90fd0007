// A feedback case's short reference: 8 characters a complainant can note on paper or read out on
// the phone ("K7QM-4XPD"), instead of the 36-character id.
//
// It is derived from the id alone, so a phone shows it on the receipt before the case reaches the
// server: v = (the id's last 12 hex digits, 48 random bits of a UUIDv7 or v4) mod 31^8, written as
// 8 base-31 digits, most significant first, over an alphabet without look-alikes (no 0/O, 1/I/L).
// The web app has the same function (web/src/short_ref.ts); both are checked against
// web/src/short_ref_vectors.json, and migration 0019 computes it in SQL for older rows.
//
// References are NOT unique: 31^8 ~ 8.5e11 values (~39.6 bits). Among n cases the chance that
// some two share one is about n^2 / (2 * 31^8): ~0.006 for 100,000 cases, ~0.45 for a million.
// A lookup by reference therefore lists every case that carries it.
#pragma once

#include <string>
#include <string_view>

namespace mobilise::domain {

inline constexpr std::string_view kShortRefAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

// The reference of `id` (8 characters, no hyphen); "" when `id` is not a 36-character UUID.
std::string ShortRef(std::string_view id);

// "K7QM4XPD" -> "K7QM-4XPD", as shown to people.
std::string DisplayShortRef(std::string_view ref);

// What a person typed ("k7qm-4xpd", " K7QM 4XPD") as a stored reference ("K7QM4XPD"), or "" when
// it is not one (wrong length or a character outside the alphabet).
std::string NormaliseShortRef(std::string_view text);

}  // namespace mobilise::domain
