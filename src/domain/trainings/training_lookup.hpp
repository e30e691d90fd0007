// What the training use cases share inside their transactions: a training event the caller
// sees and the mark of a changed record. Internal to domain/trainings.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/activities/activity.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

// A training event (an activity of type training) the actor sees, or not found.
Result<Activity> VisibleTraining(UnitOfWork& uow, const Actor& actor, const std::string& id);

// Marks `record` as the version after `before`, changed by `actor` at `now`.
template <typename T>
void NextVersion(T& record, const T& before, const Actor& actor, const std::string& now) {
  record.version = before.version + 1;
  record.updated_at = now;
  record.updated_by = actor.UserId();
}

}  // namespace mobilise::domain
