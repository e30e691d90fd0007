// Argon2id password hashes (libsodium), at OWASP's minimum cost (19 MiB, t=2): ~45 ms a hash
// here; logins are rate-limited because hashing is the costliest thing the server does.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/field_problem.hpp"

namespace mobilise::domain {

std::string HashPassword(std::string_view password);
bool VerifyPassword(std::string_view hash, std::string_view password);
// "" if acceptable, else why not (shown to the user).
std::optional<FieldProblem> PasswordProblem(std::string_view password);

}  // namespace mobilise::domain
