#include "api/collect_device_json.hpp"

#include <sodium.h>
#include <zlib.h>

#include <boost/json/serialize.hpp>
#include <stdexcept>
#include <vector>

namespace mobilise::api {

const Shape<domain::CollectDevice>& CollectDeviceShape() {
  using D = domain::CollectDevice;
  static const auto shape = Shape<D>("CollectDevice")
                                .Field("id", &D::id)
                                .Field("name", &D::name)
                                .Field("user_id", &D::user_id)
                                .Field("user_name", &D::user_name)
                                .Field("created_at", &D::created_at)
                                .Field("last_used_at", &D::last_used_at)
                                .Field("revoked_at", &D::revoked_at);
  return shape;
}

const Shape<NewCollectDeviceAnswer>& NewCollectDeviceShape() {
  using N = NewCollectDeviceAnswer;
  static const auto shape = Shape<N>("NewCollectDevice")
                                .Include(CollectDeviceShape(), [](const N& n) { return n.device; })
                                .Field("token", &N::token)
                                .Field("server_url", &N::server_url)
                                .Field("settings", &N::settings);
  return shape;
}

domain::CollectDeviceInput ReadCollectDevice(ObjectReader& r) {
  domain::CollectDeviceInput in;
  in.id = r.OptionalString("id");
  in.name = r.RequiredString("name");
  in.user_id = r.RequiredString("user_id");
  return in;
}

std::string CollectSettings(const std::string& server_url, const std::string& project_name) {
  const std::string json = boost::json::serialize(
      boost::json::object{{"general", boost::json::object{{"server_url", server_url}}},
                          {"admin", boost::json::object{}},
                          {"project", boost::json::object{{"name", project_name}}}});
  uLongf size = compressBound(json.size());
  std::vector<unsigned char> deflated(size);
  if (compress2(deflated.data(), &size, reinterpret_cast<const Bytef*>(json.data()), json.size(),
                Z_BEST_COMPRESSION) != Z_OK) {
    throw std::runtime_error("zlib could not compress the Collect settings");
  }
  std::string text(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(text.data(), text.size(), deflated.data(), size,
                    sodium_base64_VARIANT_ORIGINAL);
  text.resize(text.size() - 1);  // the terminating NUL
  return text;
}

}  // namespace mobilise::api
