// The JSON of Collect devices (/api/v1/devices): the record, the create body, and what a new
// device answers once (token, server URL, the settings string of Collect's QR code).
#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "api/json_io.hpp"
#include "api/schema.hpp"
#include "domain/forms/collect_device_service.hpp"

namespace mobilise::api {

const Shape<domain::CollectDevice>& CollectDeviceShape();

struct NewCollectDeviceAnswer {
  domain::CollectDevice device;
  std::string token, server_url, settings;
};
const Shape<NewCollectDeviceAnswer>& NewCollectDeviceShape();

domain::CollectDeviceInput ReadCollectDevice(ObjectReader& r);

// Collect's QR code content: the JSON settings {"general":{"server_url":…},"admin":{},
// "project":{"name":…}} compressed with zlib and base64-encoded.
std::string CollectSettings(const std::string& server_url, const std::string& project_name);

}  // namespace mobilise::api
