#include "core/error.hpp"

#include <utility>

namespace mobilise {

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
