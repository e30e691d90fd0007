// Supervision checks that read the database, shared by the visit, meeting and action use cases.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/supervision/supervision.hpp"
#include "domain/supervision/supervision_service.hpp"
#include "domain/unit_of_work.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {

// The visit (with its answers and actions) when the actor sees its area, else not found.
Result<SupervisionVisit> VisibleVisit(UnitOfWork& uow, const Actor& actor, const std::string& id);
// The meeting (with its attendees and actions) when the actor sees its area, else not found.
Result<ReviewMeeting> VisibleMeeting(UnitOfWork& uow, const Actor& actor, const std::string& id);
// The action when the actor sees its area, else not found.
Result<SupervisionAction> VisibleAction(UnitOfWork& uow, const Actor& actor, const std::string& id);
// errors[field] unless `user_id` is a staff member with a role in the actor's areas.
void CheckStaff(UnitOfWork& uow, const Actor& actor, const std::string& user_id,
                const std::string& field, FieldErrors& errors);
// A new open action from `in` (fields checked under `prefix`, the assignee in scope); its visit,
// area and stamps are the caller's to set.
SupervisionAction NewAction(UnitOfWork& uow, const Actor& actor, const ActionInput& in,
                            const std::string& prefix, FieldErrors& errors);
// The new actions agreed at a visit or meeting (at most 50, fields under "actions[i].", ids
// unique among themselves and `ids`).
std::vector<SupervisionAction> NewActions(UnitOfWork& uow, const Actor& actor,
                                          const std::vector<ActionInput>& inputs,
                                          std::set<std::string> ids, FieldErrors& errors);
// Writes and audits `actions` as agreed where `where` was (its visit or meeting id and area
// path), by the actor at `stamp`.
void InsertActions(UnitOfWork& uow, const Clock& clock, const Actor& actor,
                   std::vector<SupervisionAction>& actions, const SupervisionAction& where,
                   const std::string& stamp);
// Sets each action's overdue mark for `today`.
void MarkOverdue(std::vector<SupervisionAction>& actions, std::string_view today);

}  // namespace mobilise::domain
