// Server configuration: defaults, then a TOML file (--config or MOBILISE_CONFIG), then
// environment variables (MOBILISE_DATABASE, MOBILISE_LISTEN, MOBILISE_DATA_DIR,
// MOBILISE_WEB_ROOT, MOBILISE_LOG_LEVEL, MOBILISE_BODY_LIMIT, MOBILISE_THREADS,
// MOBILISE_XLSFORM_COMMAND, MOBILISE_BEHIND_TLS, MOBILISE_TRUSTED_PROXIES, and the overload
// settings below as MOBILISE_<KEY in capitals>, e.g. MOBILISE_IDLE_TIMEOUT), then flags.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace mobilise::app {

struct Config {
  std::string database = "sqlite:data/mobilise.db";
  std::string listen = "127.0.0.1:8080";
  std::string data_dir = "data";
  std::string web_root = "web/dist";
  // The public base URL for URLs in answers (OpenRosa), e.g. "https://mis.example.org"; empty:
  // the request's scheme (X-Forwarded-Proto) and Host.
  std::string public_url;
  std::string log_level = "info";
  std::size_t body_limit = 1 << 20;
  int threads = 4;
  int db_pool = 8;
  // Overload (api/http/server.hpp ServerOptions): the worker threads that run handlers, seconds
  // without a byte before a connection is closed, seconds for one whole request body, and the
  // connection caps overall and per client address.
  int handler_threads = 8;
  int idle_timeout = 30;
  int body_timeout = 1100;
  int max_connections = 4096;
  int max_connections_per_address = 512;
  // Imports running at once (more get 429 rate_limited).
  int max_imports = 2;
  // Under this many free bytes where files are stored /healthz says "degraded".
  std::size_t min_free_disk = 256u << 20;
  bool secure_cookie = false;
  // Every client reaches the server over TLS (a proxy terminates it): Secure cookies and HSTS on
  // every answer. MOBILISE_BEHIND_TLS=true. See docs/security.md.
  bool behind_tls = false;
  // Reverse proxies whose X-Forwarded-For (client address) and X-Forwarded-Proto (https: the
  // client used TLS) are believed: addresses or CIDR ranges (10.0.0.0/8, fd00::/8), checked when
  // read. MOBILISE_TRUSTED_PROXIES="a,b".
  std::vector<std::string> trusted_proxies;
  std::string port_file;  // if set, the bound port is written here once listening
  // XLSForm -> XForm (pyxform's command line; see importers/xlsform.hpp)
  std::string xlsform_command = "tools/xlsform/xls2xform";
};

// Reads `path` (TOML) over `config`. Unknown keys are errors.
Status LoadConfigFile(const std::string& path, Config& config);
// Applies MOBILISE_* variables over `config`.
Status LoadEnvironment(Config& config);
// "host:port" -> parts; port 0 means any free port.
Result<std::pair<std::string, unsigned short>> SplitListen(const std::string& listen);

}  // namespace mobilise::app
