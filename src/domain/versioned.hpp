// The mark every versioned record (version, updated_at, updated_by) gets when a use case
// changes it.
#pragma once

#include <string>

#include "domain/access/actor.hpp"

namespace mobilise::domain {

// Marks `record` as the version after `before`, changed by `actor` at `now`.
template <typename T>
void NextVersion(T& record, const T& before, const Actor& actor, const std::string& now) {
  record.version = before.version + 1;
  record.updated_at = now;
  record.updated_by = actor.UserId();
}

}  // namespace mobilise::domain
