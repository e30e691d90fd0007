// /sync: a device's working set and the changes to it since its cursor.
#include "api/gzip.hpp"
#include "api/routes.hpp"
#include "api/sync_json.hpp"
#include "domain/sync/sync_service.hpp"

namespace mobilise::api {

namespace {

// ?cursor=&limit= (limit 1..5000, default 1000).
http::Response Sync(Services& s, Call& c) {
  int limit = domain::kSyncDefaultLimit;
  if (auto l = c.request.Query("limit")) {
    auto v = ParseInt(*l);
    if (!v || *v < 1 || *v > domain::kSyncMaxLimit)
      return ErrorResponse(
          Error::Field("limit", problem::WholeNumberRange(1, domain::kSyncMaxLimit)));
    limit = static_cast<int>(*v);
  }
  domain::SyncService sync(s.db, s.clock,
                           {s.institutions, s.households, s.activities, s.feedback, s.trainings});
  const std::string today = s.clock.Today();
  auto response = Reply(sync.Page(c.actor(), c.request.Query("cursor"), limit), 200,
                        [&](const domain::SyncPage& p) { return SyncPageJson(p, today); });
  GzipIfAccepted(c.request, response);
  return response;
}

}  // namespace

void AddSyncRoutes(RouteTable& t, Services& s) {
  static constexpr AuthedRoute<Services> kRoutes[] = {
      {"GET", "/api/v1/sync", Sync},
  };
  t.Authed(s, kRoutes);
}

}  // namespace mobilise::api
