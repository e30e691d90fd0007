#include "domain/access/role.hpp"

namespace mobilise::domain {

namespace {

// The `member` of every row of `table`, in the table's order.
template <class T, class Row, std::size_t N>
std::vector<T> ColumnOf(const Row (&table)[N], T Row::*member) {
  std::vector<T> out;
  for (const auto& row : table) out.push_back(row.*member);
  return out;
}

// The `value` of the first row of `table` whose `key` is `k`; `fallback` when there is none.
template <class Row, std::size_t N, class K, class V>
V Lookup(const Row (&table)[N], K Row::*key, const K& k, V Row::*value, V fallback) {
  for (const auto& row : table)
    if (row.*key == k) return row.*value;
  return fallback;
}

struct RoleEntry {
  Role role;
  std::string_view id;    // stored and sent
  std::string_view name;  // English display name
};

// One row per role, in declaration order; RoleId, RoleName and AllRoles read it.
constexpr RoleEntry kRoles[] = {
    {Role::kMobiliser, "mobiliser", "Social mobiliser"},
    {Role::kOfficer, "officer", "Officer"},
    {Role::kManager, "manager", "Manager"},
    {Role::kMe, "me", "M&E officer"},
    {Role::kAdmin, "admin", "Administrator"},
    {Role::kFocalPoint, "focal_point", "Feedback focal point"},
};

struct PermissionEntry {
  Permission permission;
  std::string_view id;
};

// One row per permission, in declaration order; AllPermissions and PermissionId read it.
constexpr PermissionEntry kPermissions[] = {
    {Permission::kAreaRead, "area.read"},
    {Permission::kAreaWrite, "area.write"},
    {Permission::kUserRead, "user.read"},
    {Permission::kUserWrite, "user.write"},
    {Permission::kAuditRead, "audit.read"},
    {Permission::kRegistryRead, "registry.read"},
    {Permission::kRegistryWrite, "registry.write"},
    {Permission::kNationalIdRead, "national_id.read"},
    {Permission::kConfigWrite, "config.write"},
    {Permission::kFeedbackWrite, "feedback.write"},
    {Permission::kFeedbackManage, "feedback.manage"},
    {Permission::kFeedbackSensitive, "feedback.sensitive"},
    {Permission::kActivityWrite, "activity.write"},
    {Permission::kActivityVerify, "activity.verify"},
    {Permission::kReportWrite, "report.write"},
    {Permission::kReportApprove, "report.approve"},
    {Permission::kTargetWrite, "target.write"},
    {Permission::kIndicatorWrite, "indicator.write"},
    {Permission::kCourseWrite, "course.write"},
    {Permission::kTrainingPlanWrite, "training_plan.write"},
    {Permission::kSupervisionWrite, "supervision.write"},
};

}  // namespace

std::string_view RoleId(Role role) {
  return Lookup(kRoles, &RoleEntry::role, role, &RoleEntry::id, std::string_view("mobiliser"));
}

std::string_view RoleName(Role role) {
  return Lookup(kRoles, &RoleEntry::role, role, &RoleEntry::name, std::string_view());
}

const std::vector<Role>& AllRoles() {
  static const std::vector<Role> kAll = ColumnOf(kRoles, &RoleEntry::role);
  return kAll;
}

const std::vector<std::string>& RoleIds() {
  static const std::vector<std::string> kIds = [] {
    std::vector<std::string> ids;
    for (Role r : AllRoles()) ids.emplace_back(RoleId(r));
    return ids;
  }();
  return kIds;
}

std::optional<Role> ParseRole(std::string_view id) {
  for (Role r : AllRoles())
    if (RoleId(r) == id) return r;
  return std::nullopt;
}

bool RoleAllows(Role role, Permission permission) {
  switch (permission) {
    case Permission::kAreaRead:
    case Permission::kRegistryRead:
      return true;
    case Permission::kRegistryWrite:
      return role == Role::kMobiliser || role == Role::kOfficer || role == Role::kManager ||
             role == Role::kAdmin;
    case Permission::kNationalIdRead:
      return role == Role::kOfficer || role == Role::kManager || role == Role::kAdmin;
    case Permission::kConfigWrite:
      return role == Role::kAdmin;
    case Permission::kFeedbackWrite:
      return role != Role::kMe;
    case Permission::kFeedbackManage:
      return role == Role::kFocalPoint || role == Role::kOfficer || role == Role::kManager;
    case Permission::kFeedbackSensitive:
      return role == Role::kFocalPoint;
    case Permission::kActivityWrite:
      return role == Role::kMobiliser || role == Role::kOfficer || role == Role::kManager ||
             role == Role::kAdmin;
    case Permission::kActivityVerify:
      return role == Role::kOfficer || role == Role::kManager;
    case Permission::kReportWrite:
      return role == Role::kOfficer || role == Role::kManager || role == Role::kMe ||
             role == Role::kAdmin;
    case Permission::kReportApprove:
      return role == Role::kManager || role == Role::kOfficer;
    case Permission::kTargetWrite:
      return role == Role::kManager || role == Role::kMe || role == Role::kAdmin;
    case Permission::kIndicatorWrite:
      return role == Role::kMe || role == Role::kAdmin;
    case Permission::kCourseWrite:
      return role == Role::kManager || role == Role::kAdmin;
    case Permission::kTrainingPlanWrite:
      return role == Role::kOfficer || role == Role::kManager || role == Role::kAdmin;
    case Permission::kSupervisionWrite:
      return role == Role::kOfficer || role == Role::kManager || role == Role::kAdmin;
    case Permission::kAreaWrite:
    case Permission::kUserWrite:
    case Permission::kAuditRead:
      return role == Role::kAdmin;
    case Permission::kUserRead:
      return role == Role::kAdmin || role == Role::kManager || role == Role::kOfficer ||
             role == Role::kMe;
  }
  return false;
}

std::string_view PermissionId(Permission permission) {
  return Lookup(kPermissions, &PermissionEntry::permission, permission, &PermissionEntry::id,
                std::string_view());
}

const std::vector<Permission>& AllPermissions() {
  static const std::vector<Permission> kAll = ColumnOf(kPermissions, &PermissionEntry::permission);
  return kAll;
}

}  // namespace mobilise::domain
