// Writing JSON text without a JSON library, for layers that must not depend on one (the audit
// snapshots stored by storage/). Input must be valid UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace mobilise {

// `s` as a quoted JSON string with the required escapes.
std::string JsonQuote(std::string_view s);

}  // namespace mobilise
