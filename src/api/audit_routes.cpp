// /audit.
#include "api/record_handlers.hpp"
#include "api/routes.hpp"
#include "core/clock.hpp"

namespace mobilise::api {

namespace {

// ?entity=&entity_id=&user_id=&action=&from=&to= and the page.
Result<domain::AuditQuery> ReadQuery(const http::Request& request) {
  auto q = ReadListFilter<domain::AuditQuery>(request);
  if (!q) return q;
  q->entity = request.Query("entity");
  q->entity_id = request.Query("entity_id");
  q->user_id = request.Query("user_id");
  q->action = request.Query("action");
  FieldProblems errors;
  for (auto [key, slot] : {std::pair{"from", &q->from}, std::pair{"to", &q->to}}) {
    auto v = request.Query(key);
    if (!v) continue;
    auto t = ParseTimestamp(*v);
    if (!t)
      errors[key] = problem::NotADateOrTime();
    else
      *slot = FormatTimestamp(*t);
  }
  if (auto ok = FieldErrorsResult(errors); !ok) return Fail(ok.error());
  return q;
}

constexpr auto ListAudit = ListByFilter<ReadQuery, &domain::AuditService::List, AuditJson>;

}  // namespace

void AddAuditRoutes(RouteTable& t, Services& s) {
  static constexpr AuthedRoute<Services> kRoutes[] = {
      {"GET", "/api/v1/audit", ListAudit},
  };
  t.Authed(s, kRoutes);
}

}  // namespace mobilise::api
