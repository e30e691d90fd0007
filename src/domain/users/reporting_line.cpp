#include "domain/users/reporting_line.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/id.hpp"
#include "domain/users/user_service.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {

bool InSupervisionChain(UserRepository& users, const std::string& supervisor_id,
                        const std::string& staff_id) {
  std::set<std::string> seen{staff_id};  // a loop written behind the service's back ends here
  auto above = users.SupervisorOf(staff_id);
  while (above && seen.insert(*above).second) {
    if (*above == supervisor_id) return true;
    above = users.SupervisorOf(*above);
  }
  return false;
}

Status CheckSupervisor(UserRepository& users, const Actor& actor, const std::string& user_id,
                       const std::optional<std::string>& supervisor_id, const std::string& field) {
  if (!supervisor_id) return {};
  if (!UserInScope(users, actor, *supervisor_id))
    return Fail(Error::Field(field, problem::NoSuchInScope("user")));
  if (!user_id.empty() &&
      (*supervisor_id == user_id || InSupervisionChain(users, user_id, *supervisor_id)))
    return Fail(Error::Field(field, problem::SupervisorCycle()));
  return {};
}

std::vector<TeamMember> TeamTree(UserRepository& users, const std::string& root) {
  std::map<std::string, std::vector<TeamMember>> below;  // by supervisor id
  std::optional<TeamMember> head;
  for (auto& [u, depth] : users.Team(root)) {
    if (u.id == root)
      head = TeamMember{u, 0};
    else
      below[u.supervisor_id.value_or("")].push_back(TeamMember{u, depth});
  }
  std::vector<TeamMember> out;
  if (!head) return out;
  for (auto& [_, members] : below)
    std::sort(members.begin(), members.end(), [](const TeamMember& a, const TeamMember& b) {
      return a.user.full_name < b.user.full_name;
    });
  // Depth first without recursion: a stack of members still to write.
  std::vector<TeamMember> stack{*head};
  while (!stack.empty()) {
    TeamMember m = std::move(stack.back());
    stack.pop_back();
    auto it = below.find(m.user.id);
    out.push_back(std::move(m));
    if (it == below.end()) continue;
    for (auto r = it->second.rbegin(); r != it->second.rend(); ++r) stack.push_back(*r);
  }
  return out;
}

Result<std::vector<TeamMember>> VisibleTeam(UserRepository& users, const Actor& actor,
                                            const std::optional<std::string>& head) {
  const std::string root = head.value_or(actor.user_id);
  if (root != actor.user_id) {
    auto found = IsValidId(root) ? users.Get(root) : std::nullopt;
    if (!found || !(UserVisibleTo(actor, Permission::kUserRead, *found) ||
                    InSupervisionChain(users, actor.user_id, root)))
      return Fail(Error::NotFound("user"));
  }
  return TeamTree(users, root);
}

}  // namespace mobilise::domain
