// A submission's answers (domain/forms/submission_review.hpp) as the JSON text kept in
// submission.answers (migration 0024): an object of question path -> value text in document
// order, the first value of a path kept. Values are always JSON strings, so they read back
// byte for byte; SQL reads one with json_extract (SQLite) or ->> (PostgreSQL).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/forms/submission_review.hpp"

namespace mobilise::storage {

std::string EncodeAnswers(const domain::SubmissionAnswers& answers);

// The answers of a JSON object of strings (what EncodeAnswers writes, or the object migration
// 0024 built from the old rows); none when `json` is not such an object.
std::optional<domain::SubmissionAnswers> DecodeAnswers(std::string_view json);

}  // namespace mobilise::storage
