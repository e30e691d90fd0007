#include "app/config.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdlib>

#include "api/client_address.hpp"

namespace mobilise::app {
namespace {

Status ParseSize(const std::string& key, const std::string& text, std::size_t& out) {
  try {
    std::size_t pos = 0;
    const auto v = std::stoull(text, &pos);
    if (pos != text.size() || v == 0) throw std::invalid_argument("");
    out = v;
    return {};
  } catch (...) {
    return Fail(Error::Field(key, problem::WholeNumberFrom(1)));
  }
}

// The whole-number settings: config key, environment variable, field.
struct IntSetting {
  const char* key;
  const char* variable;
  int Config::*field;
};
constexpr IntSetting kIntSettings[] = {
    {"handler_threads", "MOBILISE_HANDLER_THREADS", &Config::handler_threads},
    {"idle_timeout", "MOBILISE_IDLE_TIMEOUT", &Config::idle_timeout},
    {"body_timeout", "MOBILISE_BODY_TIMEOUT", &Config::body_timeout},
    {"max_connections", "MOBILISE_MAX_CONNECTIONS", &Config::max_connections},
    {"max_connections_per_address", "MOBILISE_MAX_CONNECTIONS_PER_ADDRESS",
     &Config::max_connections_per_address},
    {"max_imports", "MOBILISE_MAX_IMPORTS", &Config::max_imports},
};

const IntSetting* IntSettingOf(const std::string& key) {
  for (const auto& s : kIntSettings)
    if (key == s.key) return &s;
  return nullptr;
}

// "a, b c" (commas or spaces) as a list of addresses.
std::vector<std::string> SplitAddresses(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : std::string(text) + ",") {
    if (ch == ',' || ch == ' ') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += ch;
    }
  }
  return out;
}

// Every entry an address or a CIDR range (api::ParseAddressRange), checked when read so a typo
// stops the server at start rather than trusting no one (or everyone) in silence.
Status CheckProxies(const std::string& key, const std::vector<std::string>& list) {
  for (const auto& entry : list)
    if (!api::ParseAddressRange(entry))
      return Fail(Error::Validation(key + ": \"" + entry +
                                    "\" is not an IP address or a range such as 10.0.0.0/8 or "
                                    "fd00::/8 (with no bit set after the prefix)"));
  return {};
}

Status ReadProxies(const std::string& key, const toml::array& list, std::vector<std::string>& out) {
  out.clear();
  for (auto&& item : list) {
    if (!item.is_string()) return Fail(Error::Field(key, problem::NotAString()));
    out.push_back(*item.value<std::string>());
  }
  return CheckProxies(key, out);
}

}  // namespace

Status LoadConfigFile(const std::string& path, Config& c) {
  toml::table t;
  try {
    t = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    return Fail(
        Error::Validation("cannot read config file " + path + ": " + std::string(e.description())));
  }
  for (auto&& [key, node] : t) {
    const std::string k(key.str());
    if (k == "database" && node.is_string())
      c.database = *node.value<std::string>();
    else if (k == "listen" && node.is_string())
      c.listen = *node.value<std::string>();
    else if (k == "data_dir" && node.is_string())
      c.data_dir = *node.value<std::string>();
    else if (k == "web_root" && node.is_string())
      c.web_root = *node.value<std::string>();
    else if (k == "log_level" && node.is_string())
      c.log_level = *node.value<std::string>();
    else if (k == "body_limit" && node.is_integer() && *node.value<std::int64_t>() > 0)
      c.body_limit = static_cast<std::size_t>(*node.value<std::int64_t>());
    else if (k == "threads" && node.is_integer())
      c.threads = static_cast<int>(*node.value<std::int64_t>());
    else if (k == "db_pool" && node.is_integer())
      c.db_pool = static_cast<int>(*node.value<std::int64_t>());
    else if (k == "secure_cookie" && node.is_boolean())
      c.secure_cookie = *node.value<bool>();
    else if (k == "behind_tls" && node.is_boolean())
      c.behind_tls = *node.value<bool>();
    else if (k == "trusted_proxies" && node.is_array()) {
      if (auto ok = ReadProxies(k, *node.as_array(), c.trusted_proxies); !ok) return ok;
    } else if (k == "public_url" && node.is_string())
      c.public_url = *node.value<std::string>();
    else if (k == "xlsform_command" && node.is_string())
      c.xlsform_command = *node.value<std::string>();
    else if (k == "min_free_disk" && node.is_integer() && *node.value<std::int64_t>() >= 0)
      c.min_free_disk = static_cast<std::size_t>(*node.value<std::int64_t>());
    else if (auto s = IntSettingOf(k); s && node.is_integer() && *node.value<std::int64_t>() > 0 &&
                                       *node.value<std::int64_t>() < (1 << 30))
      c.*(s->field) = static_cast<int>(*node.value<std::int64_t>());
    else
      return Fail(Error::Field(k, problem::UnknownConfigKey(path)));
  }
  return {};
}

Status LoadEnvironment(Config& c) {
  auto get = [](const char* name) -> const char* { return std::getenv(name); };
  if (auto v = get("MOBILISE_DATABASE")) c.database = v;
  if (auto v = get("MOBILISE_LISTEN")) c.listen = v;
  if (auto v = get("MOBILISE_DATA_DIR")) c.data_dir = v;
  if (auto v = get("MOBILISE_WEB_ROOT")) c.web_root = v;
  if (auto v = get("MOBILISE_PUBLIC_URL")) c.public_url = v;
  if (auto v = get("MOBILISE_LOG_LEVEL")) c.log_level = v;
  if (auto v = get("MOBILISE_XLSFORM_COMMAND")) c.xlsform_command = v;
  if (auto v = get("MOBILISE_TRUSTED_PROXIES")) {
    c.trusted_proxies = SplitAddresses(v);
    if (auto ok = CheckProxies("MOBILISE_TRUSTED_PROXIES", c.trusted_proxies); !ok) return ok;
  }
  if (auto v = get("MOBILISE_BEHIND_TLS")) {
    const std::string b = v;
    if (b != "true" && b != "false" && b != "1" && b != "0")
      return Fail(Error::Field("MOBILISE_BEHIND_TLS", problem::NotABoolean()));
    c.behind_tls = b == "true" || b == "1";
  }
  if (auto v = get("MOBILISE_BODY_LIMIT"))
    if (auto ok = ParseSize("MOBILISE_BODY_LIMIT", v, c.body_limit); !ok) return ok;
  if (auto v = get("MOBILISE_MIN_FREE_DISK"))
    if (auto ok = ParseSize("MOBILISE_MIN_FREE_DISK", v, c.min_free_disk); !ok) return ok;
  for (const auto& s : kIntSettings) {
    std::size_t n = 0;
    if (auto v = get(s.variable)) {
      if (auto ok = ParseSize(s.variable, v, n); !ok) return ok;
      c.*(s.field) = static_cast<int>(std::min<std::size_t>(n, 1 << 30));
    }
  }
  if (auto v = get("MOBILISE_THREADS")) {
    std::size_t n = 0;
    if (auto ok = ParseSize("MOBILISE_THREADS", v, n); !ok) return ok;
    c.threads = static_cast<int>(n);
  }
  return {};
}

Result<std::pair<std::string, unsigned short>> SplitListen(const std::string& listen) {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0)
    return Fail(Error::Field("listen", problem::HostPort()));
  std::size_t port = 0;
  const std::string p = listen.substr(colon + 1);
  if (p == "0") return std::pair{listen.substr(0, colon), static_cast<unsigned short>(0)};
  if (!ParseSize("listen", p, port) || port > 65535)
    return Fail(Error::Field("listen", problem::PortRange()));
  return std::pair{listen.substr(0, colon), static_cast<unsigned short>(port)};
}

}  // namespace mobilise::app
