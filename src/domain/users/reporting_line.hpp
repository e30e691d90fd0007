// The reporting line: each user reports to at most one supervisor (User::supervisor_id), so
// every user heads a team (everyone below them). Plans and diaries are written by their owner or
// anyone above the owner in the line; supervision (issue 17) follows the same line.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "domain/users/user.hpp"

namespace mobilise::domain {

// True when `supervisor_id` is above `staff_id` in the reporting line: `staff_id`'s supervisor,
// or that supervisor's supervisor, and so on (never for the same user). Reads one row per level.
bool InSupervisionChain(UserRepository& users, const std::string& supervisor_id,
                        const std::string& staff_id);

// The supervisor `user_id` may be given: nullopt clears it; else the user must exist in
// `actor`'s areas (a field error on `field` otherwise) and must not be `user_id` or anyone in
// `user_id`'s team (problem::SupervisorCycle). `user_id` is empty for a user not yet created.
Status CheckSupervisor(UserRepository& users, const Actor& actor, const std::string& user_id,
                       const std::optional<std::string>& supervisor_id,
                       const std::string& field = "supervisor_id");

struct TeamMember {
  User user;
  int depth = 0;  // 0: the team's head
};

// `root`'s team in depth-first order (each member after their supervisor, members of one
// supervisor by full name), `root` first.
std::vector<TeamMember> TeamTree(UserRepository& users, const std::string& root);

// The team `actor` may look at: their own (no `head`), or that of `head` when `head` is in
// their team or a user they may read (kUserRead over all of their areas); else not found.
Result<std::vector<TeamMember>> VisibleTeam(UserRepository& users, const Actor& actor,
                                            const std::optional<std::string>& head);

}  // namespace mobilise::domain
