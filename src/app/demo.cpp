#include "app/demo.hpp"

#include <cmath>
#include <random>

#include "app/demo_activities.hpp"
#include "app/demo_registry.hpp"
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

namespace {

Status CheckOptions(const DemoOptions& o) {
  if (o.households < 1 || o.households > 20'000'000)
    return Fail(Error::Field("households", problem::OutOfRange(1, 20000000)));
  if (o.activities > 50'000'000)
    return Fail(Error::Field("activities", problem::OutOfRange(0, 50000000)));
  if (o.activity_years < 1 || o.activity_years > 20)
    return Fail(Error::Field("activity_years", problem::OutOfRange(1, 20)));
  return {};
}

// The level names: the defaults, the top ones replaced by `levels` (without local names).
void SetLevels(domain::AreaRepository& areas, const std::vector<std::string>& levels) {
  auto level_names = kDefaultLevels;
  for (std::size_t i = 0; i < levels.size() && i < level_names.size(); ++i)
    level_names[i] = {levels[i], ""};
  for (std::size_t i = 0; i < level_names.size(); ++i)
    areas.SetLevel(
        {static_cast<int>(i), level_names[i].first,
         level_names[i].second.empty() ? std::nullopt : std::optional(level_names[i].second)});
}

// The area tree: the programme, two provinces (Pashto names, then Ukrainian) with `branch`
// districts, tehsils and union councils each, and `per_uc` villages in every union council.
class AreaTree {
 public:
  AreaTree(domain::AreaRepository& areas, std::uint64_t seed, std::string now, DemoSummary& summary)
      : areas_(areas), namer_{std::mt19937_64(seed)}, now_(std::move(now)), summary_(summary) {}

  Result<std::vector<DemoUnionCouncil>> Build(int branch, int per_uc) {
    auto root = Add(std::nullopt, "PK", {"Demo Programme", "ازمایښتي پروګرام"});
    if (!root) return Fail(root.error());
    for (int p = 1; p <= 2; ++p) {
      const bool pashto = p == 1;
      const std::string pc = "P" + std::to_string(p);
      auto prov = Add(*root, pc, namer_.Name(pashto));
      if (!prov) return Fail(prov.error());
      for (int d = 1; d <= branch; ++d) {
        const std::string dc = pc + "-D" + std::to_string(d);
        auto dist = Add(*prov, dc, namer_.Name(pashto));
        if (!dist) return Fail(dist.error());
        for (int t = 1; t <= branch; ++t) {
          const std::string tc = dc + "-T" + std::to_string(t);
          auto teh = Add(*dist, tc, namer_.Name(pashto));
          if (!teh) return Fail(teh.error());
          if (auto ok = AddUnionCouncils(*teh, tc, branch, per_uc, pashto); !ok)
            return Fail(ok.error());
        }
      }
    }
    return std::move(union_councils_);
  }

  const std::map<std::string, std::string>& id_of_code() const { return id_of_code_; }

 private:
  Status AddUnionCouncils(const Area& tehsil, const std::string& tc, int branch, int per_uc,
                          bool pashto) {
    for (int u = 1; u <= branch; ++u) {
      const std::string uc = tc + "-U" + std::to_string(u);
      auto uca = Add(tehsil, uc, namer_.Name(pashto));
      if (!uca) return Fail(uca.error());
      union_councils_.push_back({*uca, {}, pashto});
      for (int v = 1; v <= per_uc; ++v) {
        auto vil = Add(*uca, uc + "-V" + std::to_string(v), namer_.Name(pashto));
        if (!vil) return Fail(vil.error());
        union_councils_.back().villages.push_back(*vil);
        ++summary_.villages;
      }
    }
    return {};
  }

  Result<Area> Add(const std::optional<Area>& parent, const std::string& code,
                   std::pair<std::string, std::string> name) {
    Area a;
    a.id = NewId();
    a.parent_id = parent ? std::optional(parent->id) : std::nullopt;
    a.level = parent ? parent->level + 1 : 0;
    a.code = code;
    a.name = std::move(name.first);
    a.name_local = std::move(name.second);
    a.path = domain::NewChildPath(parent ? parent->path : "");
    a.created_at = a.updated_at = now_;
    if (auto ok = areas_.Insert(a); !ok) return Fail(ok.error());
    ++summary_.areas;
    id_of_code_[code] = a.id;
    return a;
  }

  domain::AreaRepository& areas_;
  Namer namer_;
  std::string now_;
  DemoSummary& summary_;
  std::map<std::string, std::string> id_of_code_;
  std::vector<DemoUnionCouncil> union_councils_;
};

// The demo logins as users with their one role each; returns username -> id.
Result<std::map<std::string, std::string>> AddStaff(
    domain::UnitOfWork& uow, const std::map<std::string, std::string>& id_of_code,
    const std::string& now) {
  std::map<std::string, std::string> staff;
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
    if (auto ok = uow.Users().Insert(u); !ok) return Fail(ok.error());
    staff[u.username] = u.id;
  }
  return staff;
}

void RecordDemo(domain::UnitOfWork& uow, const Clock& clock, const DemoOptions& o,
                const DemoSummary& summary) {
  domain::RecordAudit(uow.Audit(), clock, domain::Actor::System("demo"), "demo", "programme",
                      std::nullopt, std::nullopt, std::nullopt,
                      domain::Snapshot{{"households", std::to_string(o.households)},
                                       {"seed", std::to_string(o.seed)},
                                       {"areas", std::to_string(summary.areas)},
                                       {"people", std::to_string(summary.people)},
                                       {"institutions", std::to_string(summary.institutions)}});
}

}  // namespace

Result<DemoSummary> GenerateDemo(domain::UnitOfWorkFactory& db, const DemoOptions& o,
                                 const Clock& clock) {
  if (auto ok = CheckOptions(o); !ok) return Fail(ok.error());
  auto uow = db.Begin(true);
  auto& areas = uow->Areas();
  if (areas.CountRoots() > 0)
    return Fail(Error::Conflict("the database already holds a programme; demo needs an empty one"));
  SetLevels(areas, o.levels);

  const std::int64_t villages = std::max<std::int64_t>(24, o.households / 100);
  const int branch = std::max(2, static_cast<int>(std::lround(std::pow(villages / 2.0, 0.25))));
  const std::int64_t ucs = 2LL * branch * branch * branch;
  const int per_uc = static_cast<int>((villages + ucs - 1) / ucs);

  const std::string now = clock.Timestamp();
  DemoSummary summary;
  AreaTree tree(areas, o.seed, now, summary);
  auto union_councils = tree.Build(branch, per_uc);
  if (!union_councils) return Fail(union_councils.error());
  auto staff = AddStaff(*uow, tree.id_of_code(), now);
  if (!staff) return Fail(staff.error());
  summary.logins = DemoLogins();
  auto registry = GenerateDemoRegistry(*uow, *union_councils, o.households, o.seed, now);
  if (!registry) return Fail(registry.error());
  summary.households = registry->households;
  summary.people = registry->people;
  summary.institutions = registry->institutions;
  summary.memberships = registry->memberships;
  summary.assessments = registry->assessments;
  auto activities =
      GenerateDemoActivities(*uow, *union_councils, *staff, o.seed, now, o.activities < 0);
  if (!activities) return Fail(activities.error());
  summary.activities = activities->activities;
  summary.trainings = activities->trainings;
  summary.feedback = activities->feedback;
  summary.attendance = activities->attendance;
  summary.count_rows = activities->count_rows;
  RecordDemo(*uow, clock, o, summary);
  uow->Commit();
  db.Analyze();  // planner statistics for the freshly loaded tables
  return summary;
}

}  // namespace mobilise::app
