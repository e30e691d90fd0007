#include "core/error.hpp"

#include <utility>

namespace mobilise {

std::string_view ErrorCodeId(ErrorCode code) {
  switch (code) {
    case ErrorCode::kValidation:
      return "validation";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kConflict:
      return "conflict";
    case ErrorCode::kForbidden:
      return "forbidden";
    case ErrorCode::kUnauthenticated:
      return "unauthenticated";
    case ErrorCode::kTooLarge:
      return "too_large";
    case ErrorCode::kRateLimited:
      return "rate_limited";
    case ErrorCode::kUnsupported:
      return "unsupported";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "internal";
}

Error Error::Validation(std::string message, FieldProblems fields) {
  return Error{ErrorCode::kValidation, std::move(message), std::move(fields)};
}
Error Error::Field(const std::string& field, FieldProblem problem) {
  std::string message = field + ": " + problem.Text();
  return Error{ErrorCode::kValidation, std::move(message), {{field, std::move(problem)}}};
}
Error Error::NotFound(std::string what) {
  return Error{ErrorCode::kNotFound, std::move(what) + " not found", {}};
}
Error Error::Conflict(std::string message) {
  return Error{ErrorCode::kConflict, std::move(message), {}};
}
Error Error::Stale(const std::string& what, long long current_version) {
  Error e{ErrorCode::kConflict,
          "the " + what + " was changed by someone else; reload and try again",
          {{"version", problem::StaleVersion(current_version)}}};
  e.stale = true;
  return e;
}
Error Error::Forbidden(std::string message) {
  return Error{ErrorCode::kForbidden, std::move(message), {}};
}
Error Error::Unauthenticated(std::string message) {
  return Error{ErrorCode::kUnauthenticated, std::move(message), {}};
}
Error Error::TooLarge(std::string message) {
  return Error{ErrorCode::kTooLarge, std::move(message), {}};
}
Error Error::RateLimited(std::string message) {
  return Error{ErrorCode::kRateLimited, std::move(message), {}};
}
Error Error::Internal(std::string message) {
  return Error{ErrorCode::kInternal, std::move(message), {}};
}

}  // namespace mobilise
