// /api/v1/devices: ODK Collect devices (docs/openrosa.md). A new device's token and QR settings
// are answered once.
#include "api/collect_device_json.hpp"
#include "api/openrosa/openrosa_caller.hpp"
#include "api/routes.hpp"

namespace mobilise::api {
namespace {

struct DeviceDeps {
  Services services;
  std::string public_url;
};

http::Response ListCollectDevices(DeviceDeps& d, Call& c) {
  auto devices = d.services.collect_devices.List(c.actor());
  return Reply(devices, 200, [](const std::vector<domain::CollectDevice>& items) {
    return ItemsJson(items,
                     [](const domain::CollectDevice& x) { return CollectDeviceShape().Write(x); });
  });
}

http::Response GetCollectDevice(DeviceDeps& d, Call& c) {
  return Reply(d.services.collect_devices.Get(c.actor(), c.param("id")), 200,
               [](const domain::CollectDevice& x) { return CollectDeviceShape().Write(x); });
}

http::Response CreateCollectDevice(DeviceDeps& d, Call& c) {
  auto in = ReadBody(c.request, ReadCollectDevice);
  if (!in) return ErrorResponse(in.error());
  auto made = d.services.collect_devices.Create(c.actor(), *in);
  if (!made) return ErrorResponse(made.error());
  NewCollectDeviceAnswer answer;
  answer.device = made->device;
  answer.token = made->token;
  answer.server_url =
      openrosa::PublicBase(d.public_url, c.request) + "/openrosa/key/" + made->token;
  answer.settings = CollectSettings(answer.server_url, "Mobilise");
  return Json(201, NewCollectDeviceShape().Write(answer));
}

http::Response RevokeCollectDevice(DeviceDeps& d, Call& c) {
  return NoContent(d.services.collect_devices.Revoke(c.actor(), c.param("id")));
}

}  // namespace

void AddCollectDeviceRoutes(RouteTable& t, Services& s, const ApiOptions& options) {
  // clang-format off
  static constexpr AuthedRoute<DeviceDeps> kRoutes[] = {
      {"GET", "/api/v1/devices", ListCollectDevices},
      {"POST", "/api/v1/devices", CreateCollectDevice},
      {"GET", "/api/v1/devices/{id}", GetCollectDevice},
      {"DELETE", "/api/v1/devices/{id}", RevokeCollectDevice},
  };
  // clang-format on
  t.Authed(DeviceDeps{s, options.public_url}, kRoutes);
}

}  // namespace mobilise::api
