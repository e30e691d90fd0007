#include "domain/access/actor.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace mobilise::domain {

TEST(Scope, SubtreeRangeCoversDescendantsOnly) {
  const auto r = SubtreeRange("/ab/cd/");
  EXPECT_EQ(r.lo, "/ab/cd/");
  EXPECT_EQ(r.hi, "/ab/cd0");
  for (std::string inside : {"/ab/cd/", "/ab/cd/zz/", "/ab/cd/00/11/"})
    EXPECT_TRUE(inside >= r.lo && inside < r.hi) << inside;
  for (std::string outside : {"/ab/", "/ab/cda/", "/ab/ce/", "/ab/cc/zz/"})
    EXPECT_FALSE(outside >= r.lo && outside < r.hi) << outside;
}

TEST(Scope, RolesDecideActionsAndAreasDecideWhere) {
  Actor a;
  a.grants = {{Role::kAdmin, "1", "/p1/", false}, {Role::kMobiliser, "2", "/p2/d1/", false}};
  EXPECT_TRUE(a.Can(Permission::kAreaWrite, "/p1/d3/"));
  EXPECT_FALSE(a.Can(Permission::kAreaWrite, "/p2/d1/"));
  EXPECT_TRUE(a.Sees("/p2/d1/v1/"));
  EXPECT_FALSE(a.Sees("/p2/d2/"));
  EXPECT_FALSE(a.Sees("/p10/"));
  EXPECT_FALSE(a.CanAtRoot(Permission::kAreaWrite));
  EXPECT_TRUE(a.HasPermission(Permission::kUserWrite));
}

TEST(Scope, MinimalRangesDropNestedGrants) {
  Actor a;
  a.grants = {{Role::kManager, "1", "/p1/d1/", false},
              {Role::kOfficer, "2", "/p1/", false},
              {Role::kMobiliser, "3", "/p2/", false}};
  const auto s = a.Scope(Permission::kUserRead);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].lo, "/p1/");
  EXPECT_EQ(a.Scope(Permission::kAreaRead).size(), 2u);
  EXPECT_TRUE(a.Scope(Permission::kAuditRead).empty());
}

TEST(Roles, ParseAndNames) {
  for (Role r : AllRoles()) EXPECT_EQ(ParseRole(RoleId(r)), r);
  EXPECT_FALSE(ParseRole("superuser"));
  EXPECT_FALSE(RoleAllows(Role::kFocalPoint, Permission::kUserWrite));
}

TEST(Roles, IdsAndNamesReadOneRowPerRole) {
  EXPECT_EQ(AllRoles(), (std::vector<Role>{Role::kMobiliser, Role::kOfficer, Role::kManager,
                                           Role::kMe, Role::kAdmin, Role::kFocalPoint}));
  EXPECT_EQ(RoleId(Role::kFocalPoint), "focal_point");
  EXPECT_EQ(RoleName(Role::kMobiliser), "Social mobiliser");
  EXPECT_EQ(RoleName(Role::kMe), "M&E officer");
  EXPECT_EQ(PermissionId(Permission::kTrainingPlanWrite), "training_plan.write");
}

TEST(Roles, EveryPermissionHasOneId) {
  std::set<std::string_view> ids;
  for (Permission p : AllPermissions()) {
    EXPECT_FALSE(PermissionId(p).empty());
    EXPECT_TRUE(ids.insert(PermissionId(p)).second) << PermissionId(p);
  }
  EXPECT_EQ(PermissionId(Permission::kRegistryWrite), "registry.write");
}

// What the session sends the web app: permissions held through any grant, nothing else.
TEST(Roles, PermissionsHeldAnywhere) {
  Actor me;
  me.grants = {{Role::kMe, "1", "/p1/", false}};
  const auto held = me.Permissions();
  auto has = [&](Permission p) { return std::find(held.begin(), held.end(), p) != held.end(); };
  EXPECT_TRUE(has(Permission::kReportWrite));
  EXPECT_TRUE(has(Permission::kIndicatorWrite));
  EXPECT_FALSE(has(Permission::kActivityWrite));
  EXPECT_FALSE(has(Permission::kCourseWrite));
  Actor officer;
  officer.grants = {{Role::kOfficer, "1", "/p1/", false}, {Role::kMobiliser, "2", "/p2/", false}};
  const auto o = officer.Permissions();
  EXPECT_NE(std::find(o.begin(), o.end(), Permission::kTrainingPlanWrite), o.end());
  EXPECT_EQ(std::find(o.begin(), o.end(), Permission::kCourseWrite), o.end());
  EXPECT_EQ(Actor::System("cli").Permissions().size(), AllPermissions().size());
}

// Programme-wide: only what a grant on a root area gives, so a provincial administrator holds
// area.write in some area but not over the whole programme.
TEST(Roles, ProgrammePermissionsComeFromRootGrants) {
  auto contains = [](const std::vector<Permission>& v, Permission p) {
    return std::find(v.begin(), v.end(), p) != v.end();
  };
  Actor a;
  a.grants = {{Role::kAdmin, "1", "/p1/", false}, {Role::kMe, "2", "/", true}};
  const auto wide = a.ProgrammePermissions();
  EXPECT_TRUE(contains(a.Permissions(), Permission::kAreaWrite));
  EXPECT_FALSE(contains(wide, Permission::kAreaWrite));
  EXPECT_TRUE(contains(wide, Permission::kIndicatorWrite));
  EXPECT_TRUE(contains(wide, Permission::kReportWrite));
  for (Permission p : wide) EXPECT_TRUE(a.CanAtRoot(p)) << PermissionId(p);
  Actor local;
  local.grants = {{Role::kAdmin, "1", "/p1/", false}};
  EXPECT_TRUE(local.ProgrammePermissions().empty());
  EXPECT_EQ(Actor::System("cli").ProgrammePermissions().size(), AllPermissions().size());
}

}  // namespace mobilise::domain
