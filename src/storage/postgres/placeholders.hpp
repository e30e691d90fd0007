// Rewrites the portable `?` placeholders to PostgreSQL's $1..$n.
#pragma once

#include <string>
#include <string_view>

namespace mobilise::storage {

// Replaces each `?` outside string literals ('...', E'...', $tag$...$tag$), quoted identifiers
// ("...") and comments (-- and /* */) with $1, $2, ... in order; `*count` receives n. PostgreSQL's
// jsonb operators spelt with '?' cannot be used (write jsonb_exists() and friends instead).
std::string RewritePlaceholders(std::string_view sql, int* count);

}  // namespace mobilise::storage
