// JSON of device sessions: the device named at sign-in, a user's devices, and the caller's own
// language (PATCH /session).
#pragma once

#include <optional>
#include <string>

#include "api/json_io.hpp"
#include "api/schema.hpp"
#include "domain/auth/credentials.hpp"

namespace mobilise::api {

// {"id", "name"}: the device of a session or of an audit entry.
const Shape<domain::DeviceRef>& DeviceRefShape();
// {"id", "name", "created_at", "last_seen_at", "revoked_at"}: one of a user's devices.
const Shape<domain::Device>& DeviceShape();
boost::json::object DeviceJson(const domain::Device& device);

// The optional `device` object of POST /session; its fields' errors under device.id, device.name.
std::optional<domain::DeviceRef> ReadDevice(ObjectReader& r);

// PATCH /session: {"locale": "ps"}.
struct OwnSettings {
  std::string locale;
};
OwnSettings ReadOwnSettings(ObjectReader& r);

}  // namespace mobilise::api
