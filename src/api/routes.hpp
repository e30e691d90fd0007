// The route groups, one file each; Api's constructor calls them all.
#pragma once

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/api.hpp"
#include "api/dto.hpp"
#include "api/route_table.hpp"

namespace mobilise::api {

void AddSessionRoutes(RouteTable& table, Services& services, const ApiOptions& options);
void AddAreaRoutes(RouteTable& table, Services& services, const ApiOptions& options);
void AddAreaImportRoute(RouteTable& table, Services& services, const ApiOptions& options);
void AddUserRoutes(RouteTable& table, Services& services);
void AddDeviceRoutes(RouteTable& table, Services& services);
void AddAuditRoutes(RouteTable& table, Services& services);
void AddRegistryRoutes(RouteTable& table, Services& services);
void AddInstitutionRoutes(RouteTable& table, Services& services);
void AddHouseholdRoutes(RouteTable& table, Services& services);
void AddFeedbackRoutes(RouteTable& table, Services& services);
void AddActivityRoutes(RouteTable& table, Services& services);
void AddTrainingRoutes(RouteTable& table, Services& services);
void AddBookRoutes(RouteTable& table, Services& services);
void AddWorkPlanRoutes(RouteTable& table, Services& services);
void AddDiaryRoutes(RouteTable& table, Services& services);
void AddSupervisionRoutes(RouteTable& table, Services& services);
void AddProfileRoutes(RouteTable& table, Services& services);
void AddIndicatorRoutes(RouteTable& table, Services& services);
void AddReportRoutes(RouteTable& table, Services& services);
void AddSyncRoutes(RouteTable& table, Services& services);
void AddCollectDeviceRoutes(RouteTable& table, Services& services, const ApiOptions& options);
void AddXFormRoutes(RouteTable& table, Services& services, const ApiOptions& options);
void AddSubmissionRoutes(RouteTable& table, Services& services);
void AddRegistryImportRoutes(RouteTable& table, Services& services, const ApiOptions& options);
void AddOpsRoutes(RouteTable& table, Services& services, const ApiOptions& options,
                  const http::Router& router);

}  // namespace mobilise::api
