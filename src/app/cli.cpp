#include "app/cli.hpp"

#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "app/backup.hpp"
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
  for (const auto& [field, problem] : e.fields)
    if (const auto why = problem.Text(); e.message.find(why) == std::string::npos)
      std::cerr << "  " << field << ": " << why << "\n";
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

// Everything the command line can say, filled by CLI11 as it parses.
struct Args {
  std::string config_file, database, log_level;
  // serve
  std::string listen, data_dir, web_root, port_file;
  int threads = 0;
  std::size_t body_limit = 0;
  // demo
  DemoOptions demo;
  std::vector<std::string> levels;
  // user ...
  std::string username, full_name, role, area, password, locale = "en", supervisor;
  bool password_stdin = false;
  // backup / restore
  std::string backup_path;
  bool force = false;
};

void AddServe(CLI::App& app, Args& a) {
  auto* serve = app.add_subcommand("serve", "run the server");
  serve->add_option("--listen", a.listen, "HOST:PORT (MOBILISE_LISTEN), port 0 = any free port");
  serve->add_option("--data-dir", a.data_dir, "directory for attachments (MOBILISE_DATA_DIR)");
  serve->add_option("--web-root", a.web_root, "the built web app (MOBILISE_WEB_ROOT)");
  serve->add_option("--threads", a.threads, "HTTP worker threads");
  serve->add_option("--body-limit", a.body_limit, "largest request body in bytes");
  serve->add_option("--port-file", a.port_file, "write the bound port to this file");
}

void AddDemo(CLI::App& app, Args& a) {
  auto* demo = app.add_subcommand("demo", "fill an empty database with a demo programme");
  demo->add_option("--households", a.demo.households, "size of the programme");
  demo->add_option("--seed", a.demo.seed, "random seed (same seed, same programme)");
  demo->add_option("--levels", a.levels, "level names from the top, comma separated")
      ->delimiter(',');
  demo->add_option("--activities", a.demo.activities,
                   "exactly N activities over the last --activity-years years, written in bulk "
                   "(default: a realistic year, about one a month a village)");
  demo->add_option("--activity-years", a.demo.activity_years,
                   "years the --activities span (default 4)");
}

void AddBackup(CLI::App& app, Args& a) {
  auto* backup = app.add_subcommand(
      "backup",
      "write a consistent backup (database and files) to a new directory; the server "
      "may keep running");
  backup->add_option("dest", a.backup_path, "the new directory")->required();
  auto* restore = app.add_subcommand(
      "restore", "check a backup, then restore it into an empty database and data directory");
  restore->add_option("source", a.backup_path, "the backup directory")->required();
  restore->add_flag("--force", a.force, "replace a database and data directory that are not empty");
  for (auto* sub : {backup, restore})
    sub->add_option("--data-dir", a.data_dir, "directory for attachments (MOBILISE_DATA_DIR)");
}

// `user add | passwd | disable | list`; returns the `user` command.
CLI::App* AddUser(CLI::App& app, Args& a) {
  auto* user = app.add_subcommand("user", "manage staff accounts");
  user->require_subcommand(1);
  auto* add = user->add_subcommand("add", "create a user");
  add->add_option("username", a.username)->required();
  add->add_option("--full-name", a.full_name)->required();
  add->add_option("--role", a.role, "mobiliser, officer, manager, me, admin, focal_point")
      ->required();
  add->add_option("--area", a.area, "area code the role applies to")->required();
  add->add_option("--locale", a.locale, "en, ps, prs, ur, uk, mr");
  add->add_option("--supervisor", a.supervisor, "username of the user they report to");
  for (auto* sub : {add, user->add_subcommand("passwd", "set a user's password")}) {
    if (sub != add) sub->add_option("username", a.username)->required();
    sub->add_option("--password", a.password, "the password (or MOBILISE_PASSWORD, or stdin)");
    sub->add_flag("--password-stdin", a.password_stdin, "read the password from standard input");
  }
  auto* disable = user->add_subcommand("disable", "disable a user and end their sessions");
  disable->add_option("username", a.username)->required();
  user->add_subcommand("list", "list users");
  return user;
}

// The configuration file (--config or MOBILISE_CONFIG), then the environment, then the flags.
Status LoadConfig(const Args& a, Config& config) {
  std::string config_file = a.config_file;
  const char* env_config = std::getenv("MOBILISE_CONFIG");
  if (config_file.empty() && env_config) config_file = env_config;
  if (!config_file.empty())
    if (auto ok = LoadConfigFile(config_file, config); !ok) return ok;
  if (auto ok = LoadEnvironment(config); !ok) return ok;
  if (!a.database.empty()) config.database = a.database;
  if (!a.log_level.empty()) config.log_level = a.log_level;
  if (!a.listen.empty()) config.listen = a.listen;
  if (!a.data_dir.empty()) config.data_dir = a.data_dir;
  if (!a.web_root.empty()) config.web_root = a.web_root;
  if (a.threads > 0) config.threads = a.threads;
  if (a.body_limit > 0) config.body_limit = a.body_limit;
  if (!a.port_file.empty()) config.port_file = a.port_file;
  return {};
}

int Migrate(const Config& config) {
  auto db = storage::OpenDatabase(config.database, 1);
  std::cout << "applied " << storage::Migrate(*db) << " migration(s)\n";
  return 0;
}

void PrintDemoSummary(const DemoSummary& s, std::int64_t households, double secs) {
  std::cout << "demo programme: " << s.areas << " areas (" << s.villages << " villages) for "
            << households << " households in " << secs << " s\n"
            << "registry: " << s.households << " households, " << s.people << " people, "
            << s.institutions << " institutions, " << s.memberships << " memberships, "
            << s.assessments << " assessments\n"
            << "activities: " << s.activities << " (" << s.trainings << " trainings), "
            << s.feedback << " feedback records, participant rows: " << s.attendance << " named + "
            << s.count_rows << " counted = " << s.attendance + s.count_rows << "\n";
}

int Demo(Db& db, DemoOptions options) {
  const auto t0 = std::chrono::steady_clock::now();
  const SystemClock clock;
  auto s = GenerateDemo(*db.uow, options, clock);
  if (!s) return Report(s.error());
  double bulk_secs = -1;
  if (options.activities >= 0) {
    const auto b0 = std::chrono::steady_clock::now();
    auto bulk = GenerateBulkActivities(*db.db, options.activities, options.activity_years,
                                       options.seed, clock);
    if (!bulk) return Report(bulk.error());
    s->activities = bulk->activities;
    s->trainings = bulk->trainings;
    s->attendance = bulk->attendance;
    s->count_rows = bulk->count_rows;
    db.uow->Analyze();
    bulk_secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - b0).count();
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  PrintDemoSummary(*s, options.households, secs);
  if (bulk_secs >= 0) std::cout << "activities written in bulk in " << bulk_secs << " s\n";
  PrintLogins();
  return 0;
}

int ListUsers(domain::UserService& users) {
  for (const auto& u : users.ListAll()) {
    std::cout << u.username << (u.disabled ? " (disabled)" : "") << "\t";
    for (const auto& r : u.roles) std::cout << domain::RoleId(r.role) << "@" << r.area_name << " ";
    std::cout << "\n";
  }
  return 0;
}

int AddUserAccount(Db& db, domain::UserService& users, const Args& a) {
  auto area_row = db.uow->Begin(false)->Areas().GetByCode(a.area);
  if (!area_row) return Report(Error::Field("area", problem::NoAreaWithCode(a.area)));
  domain::UserInput in{a.username,
                       a.full_name,
                       ReadPassword(a.password, a.password_stdin),
                       a.locale,
                       {{a.role, area_row->id}}};
  if (!a.supervisor.empty()) {
    auto sup = users.GetByUsername(a.supervisor);
    if (!sup) return Report(Error::Field("supervisor", problem::NoSuch("user")));
    in.supervisor_id = sup->id;
  }
  auto u = users.Create(domain::Actor::System("cli"), in);
  if (!u) return Report(u.error());
  std::cout << "created " << u->username << " (" << u->id << ")\n";
  return 0;
}

// `user passwd` and `user disable`.
int UpdateUser(domain::UserService& users, const Args& a, bool passwd, bool disable) {
  auto u = users.GetByUsername(a.username);
  if (!u) return Report(u.error());
  domain::UserPatch patch;
  patch.version = u->version;
  if (passwd) patch.password = ReadPassword(a.password, a.password_stdin);
  if (disable) patch.disabled = true;
  auto updated = users.Update(domain::Actor::System("cli"), u->id, patch);
  if (!updated) return Report(updated.error());
  std::cout << "updated " << updated->username << "\n";
  return 0;
}

int User(Db& db, const CLI::App& user, const Args& a) {
  const SystemClock clock;
  domain::UserService users(*db.uow, clock);
  if (user.got_subcommand("list")) return ListUsers(users);
  if (user.got_subcommand("add")) return AddUserAccount(db, users, a);
  return UpdateUser(users, a, user.got_subcommand("passwd"), user.got_subcommand("disable"));
}

// Runs the parsed command with its configuration.
int Run(const CLI::App& app, const CLI::App& user, Args& a, const char* version) {
  Config config;
  if (auto ok = LoadConfig(a, config); !ok) return Report(ok.error());
  spdlog::set_level(spdlog::level::from_str(config.log_level));
  if (app.got_subcommand("serve")) return RunServer(config, version);
  if (app.got_subcommand("demo-logins")) {
    PrintLogins();
    return 0;
  }
  if (app.got_subcommand("migrate")) return Migrate(config);
  if (app.got_subcommand("backup") || app.got_subcommand("restore")) {
    const auto done = app.got_subcommand("backup")
                          ? Backup(config, a.backup_path, version, std::cout)
                          : Restore(config, a.backup_path, a.force, std::cout);
    return done ? 0 : Report(done.error());
  }
  auto db = OpenMigrated(config);
  if (app.got_subcommand("demo")) {
    a.demo.levels = a.levels;
    return Demo(db, a.demo);
  }
  return User(db, user, a);
}

}  // namespace

int RunCli(int argc, char** argv, const char* version) {
  CLI::App app{"Mobilise: the MIS for community mobilisation programmes"};
  app.set_version_flag("--version", std::string("mobilise ") + version);
  app.require_subcommand(1);
  app.fallthrough();  // global options work after the command too: `mobilise demo --database X`
  Args args;
  app.add_option("--config", args.config_file, "TOML configuration file (or MOBILISE_CONFIG)");
  app.add_option("--database", args.database,
                 "sqlite:PATH or postgresql://... (MOBILISE_DATABASE)");
  app.add_option("--log-level", args.log_level,
                 "trace, debug, info, warn, error (MOBILISE_LOG_LEVEL)");
  AddServe(app, args);
  app.add_subcommand("migrate", "apply database migrations and exit");
  AddDemo(app, args);
  app.add_subcommand("demo-logins", "print the demo programme's logins");
  const auto* user = AddUser(app, args);
  AddBackup(app, args);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }

  try {
    return Run(app, *user, args, version);
  } catch (const std::exception& e) {
    // Exceptions are "cannot do the job" (database gone, disk full); their text holds no
    // personal data (storage never puts parameter values in messages).
    spdlog::error("{}", e.what());
    return 1;
  }
}

}  // namespace mobilise::app
