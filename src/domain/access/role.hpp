// Roles and what each may do. A user holds roles in areas; a grant covers the area's subtree.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mobilise::domain {

enum class Role { kMobiliser, kOfficer, kManager, kMe, kAdmin, kFocalPoint };

enum class Permission {
  kAreaRead,           // see areas (everyone, in scope)
  kAreaWrite,          // create, edit, move, delete, import areas
  kUserRead,           // see staff accounts
  kUserWrite,          // create and change staff accounts
  kAuditRead,          // read the audit log
  kRegistryRead,       // see institutions, households and people (everyone, in scope)
  kRegistryWrite,      // register and change institutions, households, people, memberships
  kNationalIdRead,     // see national ID numbers unmasked
  kConfigWrite,        // change programme configuration (institution types, bands, checklists)
  kFeedbackWrite,      // log community feedback
  kFeedbackManage,     // assign, refer, respond to and close feedback
  kFeedbackSensitive,  // see and handle sensitive feedback (SEA, fraud): focal points only
  kActivityWrite,      // record field activities
  kActivityVerify,     // verify or return the activities of staff in the area (supervisors)
  kReportWrite,        // write progress reports (narrative, stories) and submit them
  kReportApprove,      // approve or return the reports of the areas below (the next level up)
  kTargetWrite,        // set targets
  kIndicatorWrite,     // define indicators, report templates, the DHIS2 mapping, fiscal settings
  kCourseWrite,        // keep the training course catalogue (managers, administrators)
  kTrainingPlanWrite,  // set training plans (supervisors and administrators of the area)
  kSupervisionWrite,   // record supervision visits, follow their actions up (supervisors, admins)
};

std::string_view RoleId(
    Role role);  // "mobiliser", "officer", "manager", "me", "admin", "focal_point"
std::optional<Role> ParseRole(std::string_view id);
std::string_view RoleName(Role role);  // English display name
const std::vector<Role>& AllRoles();
const std::vector<std::string>& RoleIds();  // RoleId of each of AllRoles(), in order
bool RoleAllows(Role role, Permission permission);

// A permission's stable id in the API ("registry.write", "activity.verify", ...): the session
// sends the caller's permissions by these ids, so the web app never re-derives them from roles.
std::string_view PermissionId(Permission permission);
const std::vector<Permission>& AllPermissions();

}  // namespace mobilise::domain
