// /audit.
#include "api/routes.hpp"
#include "core/clock.hpp"

namespace mobilise::api {

void AddAuditRoutes(RouteTable& t, Services& s) {
  t.Authed("GET", "/api/v1/audit", [&s](Call& c) {
    auto page = ParsePage(c.request);
    if (!page) return ErrorResponse(page.error());
    domain::AuditQuery q;
    q.page = *page;
    q.entity = c.request.Query("entity");
    q.entity_id = c.request.Query("entity_id");
    q.user_id = c.request.Query("user_id");
    q.action = c.request.Query("action");
    std::map<std::string, std::string> errors;
    for (auto [key, slot] : {std::pair{"from", &q.from}, std::pair{"to", &q.to}}) {
      auto v = c.request.Query(key);
      if (!v) continue;
      auto t = ParseTimestamp(*v);
      if (!t)
        errors[key] = "must be a date YYYY-MM-DD or a UTC time YYYY-MM-DDTHH:MM:SSZ";
      else
        *slot = FormatTimestamp(*t);
    }
    if (auto ok = FieldErrorsResult(errors); !ok) return ErrorResponse(ok.error());
    return Reply(s.audit.List(c.actor(), q), 200, [&](const domain::Page<domain::AuditEntry>& p) {
      return PageJson(p, *page, AuditJson);
    });
  });
}

}  // namespace mobilise::api
