// /users/{id}/devices: the phones and browsers a user signed in on with a device session.
#include "api/device_json.hpp"
#include "api/routes.hpp"

namespace mobilise::api {

namespace {

http::Response ListDevices(Services& s, Call& c) {
  auto devices = s.auth.Devices(c.actor(), c.param("id"));
  if (!devices) return ErrorResponse(devices.error());
  boost::json::array items;
  for (const auto& d : *devices) items.push_back(DeviceJson(d));
  return Json(200, boost::json::object{{"items", std::move(items)}});
}

http::Response RevokeDevice(Services& s, Call& c) {
  auto ok = s.auth.RevokeDevice(c.actor(), c.param("id"), c.param("device_id"));
  if (!ok) return ErrorResponse(ok.error());
  return NoContent();
}

}  // namespace

void AddDeviceRoutes(RouteTable& t, Services& s) {
  // clang-format off
  static constexpr AuthedRoute<Services> kRoutes[] = {
      {"GET", "/api/v1/users/{id}/devices", ListDevices},
      {"DELETE", "/api/v1/users/{id}/devices/{device_id}", RevokeDevice},
  };
  // clang-format on
  t.Authed(s, kRoutes);
}

}  // namespace mobilise::api
