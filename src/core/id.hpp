// Opaque, time-sortable record ids (UUIDv7 text form) and random secrets.
// Thread-safe. Ids can be generated offline by clients in the same form; the server accepts any
// well-formed id (IsValidId) so that a phone's ids survive sync.
#pragma once

#include <string>
#include <string_view>

namespace mobilise {

// A new UUIDv7, lower-case, 36 chars: 48-bit ms timestamp + random bits.
std::string NewId();

// True for a canonical lower- or upper-case UUID text (8-4-4-4-12 hex).
bool IsValidId(std::string_view id);

// `bytes` random bytes from libsodium as lower-case hex (2*bytes chars).
std::string RandomHex(std::size_t bytes);

// A short random key of [0-9a-z], used to build area paths.
std::string RandomKey(std::size_t length);

// SHA-256 of `data` as lower-case hex; used to store tokens, never the token itself.
std::string Sha256Hex(std::string_view data);

}  // namespace mobilise
