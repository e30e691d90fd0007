// What the training use cases share inside their transactions: a training event the caller
// sees (and the mark of a changed record, NextVersion). Internal to domain/trainings.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/activities/activity.hpp"
#include "domain/unit_of_work.hpp"
#include "domain/versioned.hpp"

namespace mobilise::domain {

// A training event (an activity of type training) the actor sees, or not found.
Result<Activity> VisibleTraining(UnitOfWork& uow, const Actor& actor, const std::string& id);

}  // namespace mobilise::domain
