// The one catalogue of expected failures. Every layer returns these as values (Result<T>);
// the HTTP adapter maps ErrorCode to a status in exactly one place (api/error_response.cpp).
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "core/enum_text.hpp"
#include "core/field_problem.hpp"

namespace mobilise {

enum class ErrorCode {
  kValidation,       // input is malformed or breaks a rule; `fields` says which and why
  kNotFound,         // no such record, or it is outside the caller's scope (never leak existence)
  kConflict,         // duplicate key, stale version, or a state that forbids the change
  kForbidden,        // authenticated, in scope, but the role may not do this
  kUnauthenticated,  // no valid session or token
  kTooLarge,         // body or file over the configured limit
  kRateLimited,      // too many attempts; retry later
  kUnsupported,      // wrong media type or method
  kInternal,         // a bug or an unavailable resource; details go to the log, not the client
};

// Stable string ids used in JSON bodies and logs, e.g. "validation", in ErrorCode's order.
inline constexpr std::array<std::string_view, 9> kErrorCodeIds = {
    "validation", "not_found",    "conflict",    "forbidden", "unauthenticated",
    "too_large",  "rate_limited", "unsupported", "internal"};
static_assert(kErrorCodeIds.size() == static_cast<std::size_t>(ErrorCode::kInternal) + 1);
inline std::string_view ErrorCodeId(ErrorCode code) { return EnumText(kErrorCodeIds, code); }

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  // Field path -> why, e.g. {"members[2].sex", problem::OneOf({"f", "m", "x"})}; the JSON body
  // gives each as English text (`fields`) and as its code and params (`field_codes`).
  FieldProblems fields;
  // Set only by Stale(): the write was based on an old version, so the caller may answer with
  // the record as it is now. Not part of the JSON body (code, message and fields are).
  bool stale = false;

  static Error Validation(std::string message, FieldProblems fields = {});
  static Error Field(const std::string& field, FieldProblem problem);
  static Error NotFound(std::string what);
  static Error Conflict(std::string message);
  // A write based on an old version: conflict with fields {"version": StaleVersion(N)},
  // and `stale` set.
  static Error Stale(const std::string& what, long long current_version);
  static Error Forbidden(std::string message = "your role does not allow this action");
  static Error Unauthenticated(std::string message = "sign in first");
  static Error TooLarge(std::string message);
  static Error RateLimited(std::string message);
  static Error Internal(std::string message = "internal error");
};

}  // namespace mobilise
