#include "api/device_json.hpp"

namespace mobilise::api {

const Shape<domain::DeviceRef>& DeviceRefShape() {
  using D = domain::DeviceRef;
  static const auto shape = Shape<D>("DeviceRef").Field("id", &D::id).Field("name", &D::name);
  return shape;
}

const Shape<domain::Device>& DeviceShape() {
  using D = domain::Device;
  static const auto shape = Shape<D>("Device")
                                .Field("id", &D::id)
                                .Field("name", &D::name)
                                .Field("created_at", &D::created_at)
                                .Field("last_seen_at", &D::last_seen_at)
                                .Field("revoked_at", &D::revoked_at)
                                .Field("ended_at", &D::ended_at);
  return shape;
}

boost::json::object DeviceJson(const domain::Device& d) { return DeviceShape().Write(d); }

std::optional<domain::DeviceRef> ReadDevice(ObjectReader& r) {
  const auto* const* o = r.NullableObject("device");
  if (!o || !*o) return std::nullopt;
  ObjectReader d(**o, r.Path("device"));
  domain::DeviceRef device;
  device.id = d.RequiredString("id");
  device.name = d.RequiredString("name");
  if (auto ok = d.Finish(); !ok)
    for (const auto& [k, v] : ok.error().fields) r.errors()[k] = v;
  return device;
}

OwnSettings ReadOwnSettings(ObjectReader& r) { return OwnSettings{r.RequiredString("locale")}; }

}  // namespace mobilise::api
