#include "app/cli.hpp"

#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "app/config.hpp"
#include "app/demo.hpp"
#include "app/demo_bulk_activities.hpp"
#include "app/server.hpp"
#include "domain/auth/password.hpp"
#include "domain/users/user_service.hpp"
#include "storage/database.hpp"
#include "storage/repositories/sql_unit_of_work.hpp"

namespace mobilise::app {
namespace {

struct Db {
  std::unique_ptr<storage::Database> db;
  std::unique_ptr<storage::SqlUnitOfWorkFactory> uow;
};

Db OpenMigrated(const Config& c) {
  Db d;
  d.db = storage::OpenDatabase(c.database, 2);
  storage::Migrate(*d.db);
  d.uow = std::make_unique<storage::SqlUnitOfWorkFactory>(*d.db);
  return d;
}

int Report(const Error& e) {
  std::cerr << "error: " << e.message << "\n";
  for (const auto& [field, why] : e.fields)
    if (e.message.find(why) == std::string::npos) std::cerr << "  " << field << ": " << why << "\n";
  return e.code == ErrorCode::kValidation ? 2 : 1;
}

std::string ReadPassword(const std::string& flag, bool from_stdin) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("MOBILISE_PASSWORD")) return env;
  if (from_stdin) {
    std::string line;
    std::getline(std::cin, line);
    return line;
  }
  return "";
}

void PrintLogins() {
  std::cout << "Demo logins (change them before real use):\n";
  for (const auto& l : DemoLogins())
    std::cout << "  " << l.username << " / " << l.password << "  (" << l.role << ", " << l.area
              << ")\n";
}

}  // namespace

int RunCli(int argc, char** argv, const char* version) {
  CLI::App app{"Mobilise: the MIS for community mobilisation programmes"};
  app.set_version_flag("--version", std::string("mobilise ") + version);
  app.require_subcommand(1);
  app.fallthrough();  // global options work after the command too: `mobilise demo --database X`
  Config config;
  std::string config_file, database, log_level;
  app.add_option("--config", config_file, "TOML configuration file (or MOBILISE_CONFIG)");
  app.add_option("--database", database, "sqlite:PATH or postgresql://... (MOBILISE_DATABASE)");
  app.add_option("--log-level", log_level, "trace, debug, info, warn, error (MOBILISE_LOG_LEVEL)");

  auto* serve = app.add_subcommand("serve", "run the server");
  std::string listen, data_dir, web_root, port_file;
  int threads = 0;
  std::size_t body_limit = 0;
  serve->add_option("--listen", listen, "HOST:PORT (MOBILISE_LISTEN), port 0 = any free port");
  serve->add_option("--data-dir", data_dir, "directory for attachments (MOBILISE_DATA_DIR)");
  serve->add_option("--web-root", web_root, "the built web app (MOBILISE_WEB_ROOT)");
  serve->add_option("--threads", threads, "HTTP worker threads");
  serve->add_option("--body-limit", body_limit, "largest request body in bytes");
  serve->add_option("--port-file", port_file, "write the bound port to this file");

  app.add_subcommand("migrate", "apply database migrations and exit");

  auto* demo = app.add_subcommand("demo", "fill an empty database with a demo programme");
  DemoOptions demo_opts;
  std::vector<std::string> levels;
  demo->add_option("--households", demo_opts.households, "size of the programme");
  demo->add_option("--seed", demo_opts.seed, "random seed (same seed, same programme)");
  demo->add_option("--levels", levels, "level names from the top, comma separated")->delimiter(',');
  demo->add_option("--activities", demo_opts.activities,
                   "exactly N activities over the last --activity-years years, written in bulk "
                   "(default: a realistic year, about one a month a village)");
  demo->add_option("--activity-years", demo_opts.activity_years,
                   "years the --activities span (default 4)");
  app.add_subcommand("demo-logins", "print the demo programme's logins");

  auto* user = app.add_subcommand("user", "manage staff accounts");
  user->require_subcommand(1);
  std::string username, full_name, role, area, password, locale = "en";
  bool password_stdin = false;
  auto* add = user->add_subcommand("add", "create a user");
  add->add_option("username", username)->required();
  add->add_option("--full-name", full_name)->required();
  add->add_option("--role", role, "mobiliser, officer, manager, me, admin, focal_point")
      ->required();
  add->add_option("--area", area, "area code the role applies to")->required();
  add->add_option("--locale", locale, "en, ps, prs, ur, uk, mr");
  for (auto* sub : {add, user->add_subcommand("passwd", "set a user's password")}) {
    if (sub != add) sub->add_option("username", username)->required();
    sub->add_option("--password", password, "the password (or MOBILISE_PASSWORD, or stdin)");
    sub->add_flag("--password-stdin", password_stdin, "read the password from standard input");
  }
  auto* disable = user->add_subcommand("disable", "disable a user and end their sessions");
  disable->add_option("username", username)->required();
  user->add_subcommand("list", "list users");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }

  try {
    const char* env_config = std::getenv("MOBILISE_CONFIG");
    if (config_file.empty() && env_config) config_file = env_config;
    if (!config_file.empty())
      if (auto ok = LoadConfigFile(config_file, config); !ok) return Report(ok.error());
    if (auto ok = LoadEnvironment(config); !ok) return Report(ok.error());
    if (!database.empty()) config.database = database;
    if (!log_level.empty()) config.log_level = log_level;
    if (!listen.empty()) config.listen = listen;
    if (!data_dir.empty()) config.data_dir = data_dir;
    if (!web_root.empty()) config.web_root = web_root;
    if (threads > 0) config.threads = threads;
    if (body_limit > 0) config.body_limit = body_limit;
    if (!port_file.empty()) config.port_file = port_file;
    spdlog::set_level(spdlog::level::from_str(config.log_level));

    if (app.got_subcommand("serve")) return RunServer(config, version);
    if (app.got_subcommand("demo-logins")) {
      PrintLogins();
      return 0;
    }
    if (app.got_subcommand("migrate")) {
      auto db = storage::OpenDatabase(config.database, 1);
      std::cout << "applied " << storage::Migrate(*db) << " migration(s)\n";
      return 0;
    }
    auto db = OpenMigrated(config);
    if (app.got_subcommand("demo")) {
      demo_opts.levels = levels;
      const auto t0 = std::chrono::steady_clock::now();
      auto s = GenerateDemo(*db.uow, demo_opts);
      if (!s) return Report(s.error());
      double bulk_secs = -1;
      if (demo_opts.activities >= 0) {
        const auto b0 = std::chrono::steady_clock::now();
        auto bulk = GenerateBulkActivities(*db.db, demo_opts.activities, demo_opts.activity_years,
                                           demo_opts.seed);
        if (!bulk) return Report(bulk.error());
        s->activities = bulk->activities;
        s->trainings = bulk->trainings;
        s->attendance = bulk->attendance;
        s->count_rows = bulk->count_rows;
        db.uow->Analyze();
        bulk_secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - b0).count();
      }
      const double secs =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      std::cout << "demo programme: " << s->areas << " areas (" << s->villages << " villages) for "
                << demo_opts.households << " households in " << secs << " s\n"
                << "registry: " << s->households << " households, " << s->people << " people, "
                << s->institutions << " institutions, " << s->memberships << " memberships, "
                << s->assessments << " assessments\n"
                << "activities: " << s->activities << " (" << s->trainings << " trainings), "
                << s->feedback << " feedback records, participant rows: " << s->attendance
                << " named + " << s->count_rows << " counted = " << s->attendance + s->count_rows
                << "\n";
      if (bulk_secs >= 0) std::cout << "activities written in bulk in " << bulk_secs << " s\n";
      PrintLogins();
      return 0;
    }
    const SystemClock clock;
    domain::UserService users(*db.uow, clock);
    const auto system = domain::Actor::System("cli");
    if (user->got_subcommand("list")) {
      for (const auto& u : users.ListAll()) {
        std::cout << u.username << (u.disabled ? " (disabled)" : "") << "\t";
        for (const auto& r : u.roles)
          std::cout << domain::RoleId(r.role) << "@" << r.area_name << " ";
        std::cout << "\n";
      }
      return 0;
    }
    if (user->got_subcommand("add")) {
      auto area_row = db.uow->Begin(false)->Areas().GetByCode(area);
      if (!area_row) return Report(Error::Field("area", "no area with code " + area));
      domain::UserInput in{username,
                           full_name,
                           ReadPassword(password, password_stdin),
                           locale,
                           {{role, area_row->id}}};
      auto u = users.Create(system, in);
      if (!u) return Report(u.error());
      std::cout << "created " << u->username << " (" << u->id << ")\n";
      return 0;
    }
    auto u = users.GetByUsername(username);
    if (!u) return Report(u.error());
    domain::UserPatch patch;
    patch.version = u->version;
    if (user->got_subcommand("passwd")) patch.password = ReadPassword(password, password_stdin);
    if (user->got_subcommand("disable")) patch.disabled = true;
    auto updated = users.Update(system, u->id, patch);
    if (!updated) return Report(updated.error());
    std::cout << "updated " << updated->username << "\n";
    return 0;
  } catch (const std::exception& e) {
    // Exceptions are "cannot do the job" (database gone, disk full); their text holds no
    // personal data (storage never puts parameter values in messages).
    spdlog::error("{}", e.what());
    return 1;
  }
}

}  // namespace mobilise::app
