// multipart/form-data (RFC 7578) as ODK Collect sends a submission: the parts of a body already
// in memory, as views into it (nothing is copied, any bytes are allowed in a part, one linear
// scan for the boundary). Errors carry busboy's words, which Central answers as 400.39 details:
// "Multipart: Boundary not found", "Unexpected end of form", "Malformed part header".
// Thread-safe: a pure function of its input.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace mobilise::api::openrosa {

struct Part {
  std::string name;                     // the form field name
  std::optional<std::string> filename;  // set for a file part (UTF-8; filename* decoded)
  std::string content_type;             // "" when the part gives none
  std::string_view data;                // a view into the body
};

// True when `content_type` is multipart/form-data (any parameters).
bool IsMultipartFormData(std::string_view content_type);

// The parts of `body`; a validation error whose message is one of the three details above.
// `content_type` must be multipart/form-data (check IsMultipartFormData first).
Result<std::vector<Part>> ParseMultipart(std::string_view content_type, std::string_view body);

}  // namespace mobilise::api::openrosa
