#include "app/demo.hpp"

#include <cmath>
#include <random>

#include "app/demo_activities.hpp"
#include "app/demo_registry.hpp"
#include "core/clock.hpp"
#include "core/id.hpp"
#include "domain/areas/area_path.hpp"
#include "domain/areas/area_service.hpp"
#include "domain/auth/password.hpp"

namespace mobilise::app {
namespace {

using domain::Area;

// Syllables with their local-script forms: Pashto for the first province, Ukrainian for the
// second, so the demo exercises both scripts.
struct Syllable {
  const char* latin;
  const char* local;
};
constexpr Syllable kPashto[] = {{"Ka", "کا"},     {"ra", "را"},   {"bad", "باد"},  {"Gul", "ګل"},
                                {"shah", "شاه"},  {"zai", "زی"},  {"pur", "پور"},  {"Kot", "کوټ"},
                                {"abad", "آباد"}, {"Mir", "میر"}, {"dara", "دره"}, {"Lan", "لان"}};
constexpr Syllable kUkrainian[] = {{"Ko", "Ко"},   {"va", "ва"},   {"liv", "лів"}, {"Dub", "Дуб"},
                                   {"riv", "рів"}, {"no", "но"},   {"sel", "сел"}, {"Hor", "Гор"},
                                   {"bor", "бор"}, {"Myr", "Мир"}, {"ka", "ка"},   {"nia", "ня"}};

const std::vector<std::pair<std::string, std::string>> kDefaultLevels = {
    {"Country", "هېواد"},
    {"Province", "ولایت"},
    {"District", "ولسوالۍ"},
    {"Tehsil", "تحصیل"},
    {"Union Council", "یونین کونسل"},
    {"Village", "کلی"}};

struct Namer {
  std::mt19937_64 rng;
  std::pair<std::string, std::string> Name(bool pashto) {
    const Syllable* set = pashto ? kPashto : kUkrainian;
    const int n = 2 + static_cast<int>(rng() % 2);
    std::string latin, local;
    for (int i = 0; i < n; ++i) {
      const auto& s = set[rng() % 12];
      latin += s.latin;
      local += s.local;
    }
    latin[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(latin[0])));
    return {latin, local};
  }
};

}  // namespace

std::vector<DemoLogin> DemoLogins() {
  return {{"admin", "admin-demo-pass", "admin", "PK (whole programme)"},
          {"admin.p2", "demo-pass", "admin", "P2"},
          {"me.p1", "demo-pass", "me", "P1"},
          {"manager.d1", "demo-pass", "manager", "P1-D1"},
          {"focal.d1", "demo-pass", "focal_point", "P1-D1"},
          {"officer.t1", "demo-pass", "officer", "P1-D1-T1"},
          {"mobiliser.u1", "demo-pass", "mobiliser", "P1-D1-T1-U1"},
          {"mobiliser.u2", "demo-pass", "mobiliser", "P2-D1-T1-U1"}};
}

Result<DemoSummary> GenerateDemo(domain::UnitOfWorkFactory& db, const DemoOptions& o) {
  if (o.households < 1 || o.households > 20'000'000)
    return Fail(Error::Field("households", "must be between 1 and 20,000,000"));
  if (o.activities > 50'000'000)
    return Fail(Error::Field("activities", "must be between 0 and 50,000,000"));
  if (o.activity_years < 1 || o.activity_years > 20)
    return Fail(Error::Field("activity_years", "must be between 1 and 20"));
  auto uow = db.Begin(true);
  auto& areas = uow->Areas();
  if (areas.CountRoots() > 0)
    return Fail(Error::Conflict("the database already holds a programme; demo needs an empty one"));

  auto level_names = kDefaultLevels;
  for (std::size_t i = 0; i < o.levels.size() && i < level_names.size(); ++i)
    level_names[i] = {o.levels[i], ""};
  for (std::size_t i = 0; i < level_names.size(); ++i)
    areas.SetLevel(
        {static_cast<int>(i), level_names[i].first,
         level_names[i].second.empty() ? std::nullopt : std::optional(level_names[i].second)});

  const std::int64_t villages = std::max<std::int64_t>(24, o.households / 100);
  const int branch = std::max(2, static_cast<int>(std::lround(std::pow(villages / 2.0, 0.25))));
  const std::int64_t ucs = 2LL * branch * branch * branch;
  const int per_uc = static_cast<int>((villages + ucs - 1) / ucs);

  Namer namer{std::mt19937_64(o.seed)};
  const std::string now = NowTimestamp();
  DemoSummary summary;
  std::map<std::string, std::string> id_of_code;
  auto add = [&](const std::optional<Area>& parent, const std::string& code,
                 std::pair<std::string, std::string> name) -> Result<Area> {
    Area a;
    a.id = NewId();
    a.parent_id = parent ? std::optional(parent->id) : std::nullopt;
    a.level = parent ? parent->level + 1 : 0;
    a.code = code;
    a.name = std::move(name.first);
    a.name_local = std::move(name.second);
    a.path = domain::NewChildPath(parent ? parent->path : "");
    a.created_at = a.updated_at = now;
    if (auto ok = areas.Insert(a); !ok) return Fail(ok.error());
    ++summary.areas;
    id_of_code[code] = a.id;
    return a;
  };

  std::vector<DemoUnionCouncil> union_councils;
  auto root = add(std::nullopt, "PK", {"Demo Programme", "ازمایښتي پروګرام"});
  if (!root) return Fail(root.error());
  for (int p = 1; p <= 2; ++p) {
    const bool pashto = p == 1;
    const std::string pc = "P" + std::to_string(p);
    auto prov = add(*root, pc, namer.Name(pashto));
    if (!prov) return Fail(prov.error());
    for (int d = 1; d <= branch; ++d) {
      const std::string dc = pc + "-D" + std::to_string(d);
      auto dist = add(*prov, dc, namer.Name(pashto));
      if (!dist) return Fail(dist.error());
      for (int t = 1; t <= branch; ++t) {
        const std::string tc = dc + "-T" + std::to_string(t);
        auto teh = add(*dist, tc, namer.Name(pashto));
        if (!teh) return Fail(teh.error());
        for (int u = 1; u <= branch; ++u) {
          const std::string uc = tc + "-U" + std::to_string(u);
          auto uca = add(*teh, uc, namer.Name(pashto));
          if (!uca) return Fail(uca.error());
          union_councils.push_back({*uca, {}, pashto});
          for (int v = 1; v <= per_uc; ++v) {
            auto vil = add(*uca, uc + "-V" + std::to_string(v), namer.Name(pashto));
            if (!vil) return Fail(vil.error());
            union_councils.back().villages.push_back(*vil);
            ++summary.villages;
          }
        }
      }
    }
  }

  std::map<std::string, std::string> staff;  // username -> id
  for (const auto& login : DemoLogins()) {
    domain::User u;
    u.id = NewId();
    u.username = login.username;
    u.full_name = "Demo " + login.role + " (" + login.area.substr(0, login.area.find(' ')) + ")";
    u.pw_hash = domain::HashPassword(login.password);
    u.locale =
        login.username == "mobiliser.u2" ? "uk" : (login.area.rfind("P1", 0) == 0 ? "ps" : "en");
    if (login.username == "admin") u.locale = "en";
    const std::string code = login.area.substr(0, login.area.find(' '));
    u.roles.push_back({*domain::ParseRole(login.role), id_of_code.at(code), "", ""});
    u.created_at = u.updated_at = now;
    if (auto ok = uow->Users().Insert(u); !ok) return Fail(ok.error());
    staff[u.username] = u.id;
  }
  summary.logins = DemoLogins();
  auto registry = GenerateDemoRegistry(*uow, union_councils, o.households, o.seed);
  if (!registry) return Fail(registry.error());
  summary.households = registry->households;
  summary.people = registry->people;
  summary.institutions = registry->institutions;
  summary.memberships = registry->memberships;
  summary.assessments = registry->assessments;
  auto activities = GenerateDemoActivities(*uow, union_councils, staff, o.seed, o.activities < 0);
  if (!activities) return Fail(activities.error());
  summary.activities = activities->activities;
  summary.trainings = activities->trainings;
  summary.feedback = activities->feedback;
  summary.attendance = activities->attendance;
  summary.count_rows = activities->count_rows;
  domain::RecordAudit(uow->Audit(), domain::Actor::System("demo"), "demo", "programme",
                      std::nullopt, std::nullopt, std::nullopt,
                      domain::Snapshot{{"households", std::to_string(o.households)},
                                       {"seed", std::to_string(o.seed)},
                                       {"areas", std::to_string(summary.areas)},
                                       {"people", std::to_string(summary.people)},
                                       {"institutions", std::to_string(summary.institutions)}});
  uow->Commit();
  db.Analyze();  // planner statistics for the freshly loaded tables
  return summary;
}

}  // namespace mobilise::app
