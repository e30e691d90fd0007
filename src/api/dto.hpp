// Domain records as JSON, in the shapes docs/api.md documents.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "domain/areas/area_service.hpp"
#include "domain/audit/audit.hpp"
#include "domain/auth/credentials.hpp"
#include "domain/users/user.hpp"

namespace mobilise::api {

boost::json::object AreaJson(const domain::Area& area);
boost::json::object UserJson(const domain::User& user);
boost::json::object PrincipalJson(const domain::Principal& principal);
boost::json::object AuditJson(const domain::AuditEntry& entry);

template <typename T, typename F>
boost::json::object PageJson(const domain::Page<T>& page, const domain::PageRequest& req, F&& f) {
  boost::json::array items;
  for (const auto& item : page.items) items.push_back(f(item));
  return {{"items", std::move(items)},
          {"total", page.total},
          {"limit", req.limit},
          {"offset", req.offset}};
}

}  // namespace mobilise::api
