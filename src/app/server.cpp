#include "app/server.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "api/api.hpp"
#include "api/http/metrics.hpp"
#include "api/http/server.hpp"
#include "api/service_set.hpp"
#include "storage/database.hpp"
#include "storage/files/blob_store.hpp"
#include "storage/repositories/sql_unit_of_work.hpp"

namespace mobilise::app {

namespace {

// The database pool's gauges, for GET /metrics.
std::string PoolMetrics(storage::Database& db) {
  const auto s = db.Stats();
  return "# TYPE mobilise_db_pool_connections gauge\n"
         "mobilise_db_pool_connections{state=\"open\"} " +
         std::to_string(s.size) +
         "\n"
         "mobilise_db_pool_connections{state=\"in_use\"} " +
         std::to_string(s.in_use) +
         "\n"
         "# TYPE mobilise_db_pool_waits_total counter\n"
         "mobilise_db_pool_waits_total " +
         std::to_string(s.waits) + "\n";
}

// A relative tool path (the default `tools/xlsform/xls2xform`) from the working directory, else
// from the directories above the binary (build/apps/mobilise/mobilise lies in the source tree);
// a bare name is left to PATH.
std::string FindTool(const std::string& command) {
  namespace fs = std::filesystem;
  const fs::path tool(command);
  if (tool.is_absolute() || !tool.has_parent_path()) return command;
  std::error_code ec;
  if (fs::exists(tool, ec)) return fs::absolute(tool, ec).string();
  for (fs::path dir = fs::read_symlink("/proc/self/exe", ec).parent_path();
       !ec && dir.has_relative_path(); dir = dir.parent_path()) {
    if (fs::exists(dir / tool, ec)) return (dir / tool).string();
  }
  return command;
}

http::ServerOptions ServerOptionsOf(const Config& config,
                                    const std::pair<std::string, unsigned short>& listen,
                                    std::size_t upload_body_limit) {
  http::ServerOptions so;
  so.address = listen.first;
  so.port = listen.second;
  so.threads = config.threads;
  so.handler_threads = config.handler_threads;
  so.body_limit = config.body_limit;
  so.upload_body_limit = upload_body_limit;
  so.idle_timeout_seconds = config.idle_timeout;
  so.body_timeout_seconds = config.body_timeout;
  so.max_connections = static_cast<std::size_t>(config.max_connections);
  so.max_connections_per_address = static_cast<std::size_t>(config.max_connections_per_address);
  so.hsts = config.behind_tls;
  if (std::filesystem::exists(config.web_root + "/index.html")) {
    so.static_root = config.web_root;
  } else {
    spdlog::warn("no web app at {} (build it with `make build-web`); serving the API only",
                 config.web_root);
  }
  return so;
}

// Says where the server listens and, when asked, writes the bound port to the port file
// (through a rename, so that a reader never sees half of it).
void Listening(const Config& config, const std::string& version, const std::string& address,
               unsigned short port, std::chrono::steady_clock::time_point started) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - started)
                      .count();
  spdlog::info("Mobilise {} listening on http://{}:{} ({} ms to start)", version, address, port,
               ms);
  if (!config.port_file.empty()) {
    const std::string tmp = config.port_file + ".tmp";
    std::ofstream(tmp) << port << "\n";
    std::filesystem::rename(tmp, config.port_file);
  }
}

}  // namespace

int RunServer(const Config& config, const std::string& version) {
  const auto started = std::chrono::steady_clock::now();
  auto listen = SplitListen(config.listen);
  if (!listen) {
    spdlog::error("{}", listen.error().message);
    return 2;
  }
  std::filesystem::create_directories(config.data_dir);
  auto db = storage::OpenDatabase(config.database, config.db_pool);
  const int applied = storage::Migrate(*db);
  if (applied > 0) spdlog::info("applied {} migration(s)", applied);

  storage::SqlUnitOfWorkFactory uow(*db);
  const SystemClock clock;
  storage::DirectoryBlobStore blobs(config.data_dir);
  api::ServiceSet services(uow, clock, blobs);
  http::Metrics metrics;

  api::ApiOptions options;
  options.secure_cookie = config.secure_cookie || config.behind_tls;
  options.proxy.behind_tls = config.behind_tls;
  for (const auto& p : config.trusted_proxies)  // checked when the configuration was read
    if (auto range = api::ParseAddressRange(p)) options.proxy.trusted_proxies.push_back(*range);
  options.metrics = &metrics;
  options.version = version;
  options.xlsform_command = FindTool(config.xlsform_command);
  options.extra_metrics = [&db] { return PoolMetrics(*db); };
  options.public_url = config.public_url;
  options.submission_limit = options.import_limit;  // the upload limit (http::IsUpload)
  options.data_dir = config.data_dir;
  options.min_free_disk = config.min_free_disk;
  options.max_imports = config.max_imports;
  api::Api api(services.api, options);

  auto so = ServerOptionsOf(config, *listen, options.import_limit);
  so.screen = [&api](http::Request& head) { return api.Screen(head); };
  http::Serve(
      so, [&api](http::Request& r) { return api.Handle(r); }, metrics,
      [&](unsigned short port) { Listening(config, version, so.address, port, started); });
  spdlog::info("stopped");
  return 0;
}

}  // namespace mobilise::app
