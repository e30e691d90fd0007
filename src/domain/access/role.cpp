#include "domain/access/role.hpp"

namespace mobilise::domain {

std::string_view RoleId(Role role) {
  switch (role) {
    case Role::kMobiliser:
      return "mobiliser";
    case Role::kOfficer:
      return "officer";
    case Role::kManager:
      return "manager";
    case Role::kMe:
      return "me";
    case Role::kAdmin:
      return "admin";
    case Role::kFocalPoint:
      return "focal_point";
  }
  return "mobiliser";
}

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kMobiliser:
      return "Social mobiliser";
    case Role::kOfficer:
      return "Officer";
    case Role::kManager:
      return "Manager";
    case Role::kMe:
      return "M&E officer";
    case Role::kAdmin:
      return "Administrator";
    case Role::kFocalPoint:
      return "Feedback focal point";
  }
  return "";
}

const std::vector<Role>& AllRoles() {
  static const std::vector<Role> kAll = {Role::kMobiliser, Role::kOfficer, Role::kManager,
                                         Role::kMe,        Role::kAdmin,   Role::kFocalPoint};
  return kAll;
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

namespace {

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
};

}  // namespace

std::string_view PermissionId(Permission permission) {
  for (const auto& e : kPermissions)
    if (e.permission == permission) return e.id;
  return "";
}

const std::vector<Permission>& AllPermissions() {
  static const std::vector<Permission> kAll = [] {
    std::vector<Permission> all;
    for (const auto& e : kPermissions) all.push_back(e.permission);
    return all;
  }();
  return kAll;
}

}  // namespace mobilise::domain
