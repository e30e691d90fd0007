#include "app/demo_registry.hpp"

#include <algorithm>
#include <cmath>
#include <random>

#include "app/demo_people.hpp"
#include "core/clock.hpp"
#include "core/id.hpp"
#include "domain/registry/household_rules.hpp"
#include "domain/registry/registry_config.hpp"

namespace mobilise::app {
namespace {

using domain::Household;
using domain::Institution;
using domain::Membership;
using domain::Person;

constexpr const char* kPkMen[] = {"Muhammad", "Gul",   "Sher", "Ahmad", "Noor",   "Rahim", "Zar",
                                  "Habib",    "Karim", "Wali", "Jan",   "Saleem", "Fazal", "Akbar"};
constexpr const char* kPkWomen[] = {"Amina",    "Gul Bibi",  "Zarina",  "Shabana",
                                    "Nasreen",  "Bibi Hawa", "Fatima",  "Nazia",
                                    "Rukhsana", "Palwasha",  "Malalai", "Shazia"};
constexpr const char* kPkFamily[] = {"Khan",    "Shah",    "Afridi",  "Yousafzai", "Khattak",
                                     "Mohmand", "Orakzai", "Durrani", "Bangash",   "Marwat"};
constexpr const char* kUaMen[] = {"Ivan",  "Petro", "Mykola", "Andrii", "Oleh",   "Serhii",
                                  "Taras", "Vasyl", "Yurii",  "Bohdan", "Dmytro", "Roman"};
constexpr const char* kUaWomen[] = {"Olena",    "Oksana",   "Nataliia", "Iryna",
                                    "Halyna",   "Mariia",   "Tetiana",  "Liudmyla",
                                    "Svitlana", "Kateryna", "Anna",     "Yuliia"};
constexpr const char* kUaFamily[] = {"Kovalenko",  "Shevchenko", "Bondarenko", "Tkachenko",
                                     "Kravchenko", "Melnyk",     "Oliinyk",    "Lysenko",
                                     "Marchenko",  "Savchenko"};

template <std::size_t N>
const char* Pick(std::mt19937_64& rng, const char* const (&list)[N]) {
  return list[rng() % N];
}

std::string Date(int year, int month, int day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

// A random date between `from_year` and `to_year` (days 1..28).
std::string RandomDate(std::mt19937_64& rng, int from_year, int to_year) {
  return Date(from_year + static_cast<int>(rng() % (to_year - from_year + 1)),
              1 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 28));
}

struct Generator {
  domain::UnitOfWork& uow;
  std::mt19937_64 rng;
  domain::RegistryConfig config;
  std::string now;
  RegistryCounts counts;
  std::uniform_real_distribution<double> unit{0.0, 1.0};

  double U() { return unit(rng); }

  struct Made {
    Household household;
    std::vector<Person> people;
  };

  Person NewPerson(const Household& h, std::string name, std::string sex, std::string relation,
                   int age, bool pashto) {
    Person p;
    p.id = NewId();
    p.household_id = h.id;
    p.area_path = h.area_path;
    p.name = std::move(name);
    p.sex = std::move(sex);
    p.relation = std::move(relation);
    // Born `age` years and up to a year before today: the age comes out right, never a future date.
    const auto days = 365LL * age + static_cast<long long>(rng() % 365);
    p.birth_date =
        FormatTimestamp(*ParseTimestamp(now) - std::chrono::hours(24 * days)).substr(0, 10);
    p.birth_date_estimated = U() < 0.4;
    if (age >= 5 && U() < 0.6) {  // the Washington Group questions asked of most people 5+
      domain::WgAnswers wg{1, 1, 1, 1, 1, 1};
      for (auto& a : wg)
        if (U() < 0.06) a = 2;
      const double p_disability = age >= 60 ? 0.18 : 0.035;
      if (U() < p_disability) wg[rng() % 6] = U() < 0.8 ? 3 : 4;
      p.wg = wg;
      p.disability = domain::WgDisability(wg);
    }
    const double r = U();
    if (pashto)
      p.displacement = r < 0.05 ? "returnee" : r < 0.08 ? "idp" : "host";
    else
      p.displacement = r < 0.18 ? "idp" : "host";
    p.created_at = p.updated_at = now;
    return p;
  }

  Made MakeHousehold(const domain::Area& village, int number, bool pashto) {
    Made m;
    Household& h = m.household;
    h.id = NewId();
    h.area_id = village.id;
    h.area_path = village.path;
    char code[16];
    std::snprintf(code, sizeof code, "-H%04d", number);
    h.code = village.code + code;
    const bool female_head = U() < (pashto ? 0.12 : 0.3);
    const std::string family = pashto ? Pick(rng, kPkFamily) : Pick(rng, kUaFamily);
    auto man = [&] { return std::string(pashto ? Pick(rng, kPkMen) : Pick(rng, kUaMen)); };
    auto woman = [&] { return std::string(pashto ? Pick(rng, kPkWomen) : Pick(rng, kUaWomen)); };
    const int head_age = 22 + static_cast<int>(rng() % 50);
    h.head_name = (female_head ? woman() : man()) + " " + family;
    h.head_father_name = man() + " " + family;
    h.address = "Near the " + std::string(U() < 0.5 ? "mosque" : "school") + ", street " +
                std::to_string(1 + rng() % 12);
    if (U() < 0.7)
      h.phone = (pashto ? "03" : "+380 ") + std::to_string(100000000 + rng() % 899999999);
    if (U() < 0.7) {
      std::string nid;
      for (int i = 0; i < (pashto ? 13 : 10); ++i) nid += static_cast<char>('0' + rng() % 10);
      h.national_id = nid;
    }
    if (U() < 0.35) {
      h.latitude = (pashto ? 34.0 : 49.0) + U();
      h.longitude = (pashto ? 71.0 : 31.0) + U();
    }
    // PSC: most households surveyed, scores centred near the poverty line.
    if (U() < 0.92) {
      std::normal_distribution<double> score(24, 11);
      h.psc_score = std::round(std::clamp(score(rng), 0.0, 100.0) * 100) / 100;
      h.psc_date = RandomDate(rng, 2021, 2025);
      h.psc_source = pashto ? "NSER" : "Programme census";
      const auto* band = domain::BandFor(config.band_sets, *h.psc_score, h.psc_date);
      if (band) h.poverty_band = band->code, h.poor = band->poor;
    }
    m.people.push_back(NewPerson(h, h.head_name, std::string(female_head ? kFemale : kMale), "head",
                                 head_age, pashto));
    h.head_person_id = m.people.back().id;
    if (!female_head || U() < 0.3)
      m.people.push_back(NewPerson(h, (female_head ? man() : woman()) + " " + family,
                                   std::string(female_head ? kMale : kFemale), "spouse",
                                   std::max(18, head_age - 3 + static_cast<int>(rng() % 6)),
                                   pashto));
    const int children = pashto ? 2 + static_cast<int>(rng() % 7) : static_cast<int>(rng() % 4);
    for (int c = 0; c < children; ++c) {
      const bool girl = U() < 0.5;
      m.people.push_back(NewPerson(
          h, (girl ? woman() : man()) + " " + family, std::string(girl ? kFemale : kMale),
          girl ? "daughter" : "son",
          static_cast<int>(rng() % static_cast<std::uint64_t>(std::max(1, head_age - 16))),
          pashto));
    }
    if (head_age < 50 && U() < 0.2)
      m.people.push_back(NewPerson(h, woman() + " " + family, std::string(kFemale), "parent",
                                   head_age + 22 + static_cast<int>(rng() % 10), pashto));
    domain::DeriveFlags(h, m.people, now.substr(0, 10));
    h.name_key = domain::HouseholdNameKey(h.head_name, *h.head_father_name);
    h.person_count = static_cast<std::int64_t>(m.people.size());
    h.created_at = h.updated_at = now;
    return m;
  }

  Institution NewInstitution(const std::string& type, const domain::Area& area, std::string code,
                             std::string name, std::string sex, const std::string& formed_on) {
    Institution i;
    i.id = NewId();
    i.type = type;
    i.area_id = area.id;
    i.area_path = area.path;
    i.code = std::move(code);
    i.name = std::move(name);
    i.sex_composition = std::move(sex);
    i.formed_on = formed_on;
    const double r = U();
    using enum domain::InstitutionStatus;
    i.status = r < 0.78 ? kActive : r < 0.88 ? kDormant : r < 0.95 ? kForming : kDissolved;
    i.status_on = formed_on;
    if (i.status == kDissolved) i.status_reason = "members left the area";
    i.meeting_frequency = type == "SHG" ? "weekly" : "monthly";
    if (type != "CO" && type != "SHG" && U() < 0.6) {
      i.registration_status = "registered";
      i.registration_authority = "Social Welfare Department";
      i.registration_number = "REG-" + std::to_string(10000 + rng() % 89999);
      i.registration_date = formed_on;
    }
    if (U() < (type == "SHG" ? 0.8 : 0.45)) {
      i.bank_status = "opened";
      i.bank_name = U() < 0.5 ? "National Bank" : "Microfinance Bank";
      i.bank_opened_on = formed_on;
    }
    i.savings = type == "CO" || type == "SHG" ? std::round(U() * 50000) : 0;
    i.created_at = i.updated_at = now;
    return i;
  }

  Membership NewMembership(const Institution& inst, std::optional<std::string> household,
                           std::optional<std::string> person,
                           std::optional<std::string> member_institution, std::string role) {
    Membership m;
    m.id = NewId();
    m.institution_id = inst.id;
    m.type = inst.type;
    m.area_path = inst.area_path;
    m.household_id = std::move(household);
    m.person_id = std::move(person);
    m.member_institution_id = std::move(member_institution);
    m.role = std::move(role);
    m.joined_on = *inst.formed_on;
    if (inst.status == domain::InstitutionStatus::kDissolved)
      m.left_on = *inst.status_on, m.left_reason = "dissolved";
    m.created_at = m.updated_at = now;
    return m;
  }

  static std::string RoleAt(std::size_t i) {
    return i == 0 ? "president" : i == 1 ? "manager" : i == 2 ? "treasurer" : "member";
  }

  // Writes an institution with its members; returns the representative (president) person.
  std::optional<std::string> Write(Institution& inst, std::vector<Membership>& members) {
    std::int64_t current = 0;
    for (const auto& m : members) current += m.left_on ? 0 : 1;
    inst.member_count = current;
    std::optional<domain::Assessment> assessment;
    if (inst.type == "CO" || inst.type == "SHG" || inst.type == "VO") {
      if (inst.status != domain::InstitutionStatus::kForming && U() < 0.8) {
        const auto* list = config.FindChecklist(inst.type == "SHG" ? "panchasutra" : "co_grading");
        if (list) {
          domain::Assessment a;
          a.id = NewId();
          a.institution_id = inst.id;
          a.area_path = inst.area_path;
          a.checklist = list->code;
          a.assessed_on = RandomDate(rng, std::stoi(inst.formed_on->substr(0, 4)), 2025);
          if (a.assessed_on < *inst.formed_on) a.assessed_on = *inst.formed_on;
          const double skill = 0.5 + 0.5 * U();
          double points = 0;
          for (const auto& item : list->items) {
            int v = static_cast<int>(
                std::lround(item.max_score * std::min(1.0, skill + 0.2 * (U() - 0.5))));
            a.answers[item.code] = std::clamp(v, 0, item.max_score);
            points += a.answers[item.code];
          }
          const auto g = domain::GradeFor(*list, points);
          a.score = g.percent;
          a.grade = g.grade;
          a.created_at = now;
          inst.latest_grade = a.grade;
          inst.latest_assessed_on = a.assessed_on;
          assessment = std::move(a);
        }
      }
    }
    uow.Institutions().Insert(inst);
    if (assessment) {
      uow.Institutions().InsertAssessment(*assessment);
      ++counts.assessments;
    }
    uow.Institutions().AddStatusChange({NewId(), inst.id, std::string(ToString(inst.status)),
                                        *inst.status_on, inst.status_reason, now, std::nullopt});
    for (const auto& m : members) uow.Institutions().InsertMembership(m);
    ++counts.institutions;
    counts.memberships += static_cast<std::int64_t>(members.size());
    if (members.empty()) return std::nullopt;
    return members.front().person_id;
  }

  using Pending = std::vector<std::pair<Institution, std::vector<Membership>>>;
  using Federated = std::vector<std::pair<Institution, std::optional<std::string>>>;  // + rep

  // The village's `n` households (until `total` are made) with their people, not yet written.
  std::vector<Made> Households(const domain::Area& village, std::int64_t n, std::int64_t total,
                               bool pashto) {
    std::vector<Made> made;
    made.reserve(static_cast<std::size_t>(n));
    for (std::int64_t k = 0; k < n && counts.households < total; ++k) {
      made.push_back(MakeHousehold(village, static_cast<int>(k + 1), pashto));
      ++counts.households;
      counts.people += static_cast<std::int64_t>(made.back().people.size());
    }
    return made;
  }

  // Primary groups: most poor households and some others, women's and men's groups apart.
  // Counts the memberships on the households; nothing is written yet.
  Pending PrimaryGroups(const domain::Area& village, std::vector<Made>& made, bool pashto,
                        const std::string& vo_formed, std::vector<std::size_t> joining) {
    Pending pending;
    const std::string group_type = pashto ? "CO" : "SHG";
    std::size_t at = 0;
    int group_number = 0;
    // Small villages still get a (small) group: the size warning shows it.
    const std::size_t min_size = made.size() < 40 ? 5 : pashto ? 12 : 8;
    while (joining.size() - at >= min_size) {
      const std::size_t size =
          std::min<std::size_t>(joining.size() - at, pashto ? 15 + rng() % 11 : 10 + rng() % 11);
      const bool women = pashto ? group_number % 2 == 0 : true;
      ++group_number;
      Institution inst = NewInstitution(
          group_type, village, village.code + "-" + group_type + std::to_string(group_number),
          std::string(women ? "Women's " : "Men's ") + group_type + " " +
              std::to_string(group_number) + " " + village.name,
          women ? "women" : "men", std::max(vo_formed, RandomDate(rng, 2019, 2025)));
      std::vector<Membership> members;
      for (std::size_t k = 0; k < size; ++k) {
        auto& m = made[joining[at + k]];
        // The member person: a woman of the household for a women's group, else the head.
        std::optional<std::string> person = m.household.head_person_id;
        for (const auto& p : m.people)
          if ((women && p.sex == kFemale && (p.relation == "head" || p.relation == "spouse")) ||
              (!women && p.relation == "head" && p.sex == kMale))
            person = p.id;
        members.push_back(NewMembership(inst, m.household.id, person, std::nullopt, RoleAt(k)));
        if (!members.back().left_on) ++m.household.membership_count;
      }
      at += size;
      pending.emplace_back(std::move(inst), std::move(members));
    }
    return pending;
  }

  // A federation of `type` in `area` whose members are `member_orgs` (through their
  // representatives); the members get it as their parent. Returns it with its representative.
  std::pair<Institution, std::optional<std::string>> Federate(
      const std::string& type, const domain::Area& area, const std::string& code,
      const std::string& name, const std::string& sex, const std::string& formed,
      Federated& member_orgs, bool skip_dissolved) {
    Institution fed = NewInstitution(type, area, code, name, sex, formed);
    fed.status = domain::InstitutionStatus::kActive;
    std::vector<Membership> members;
    for (auto& [org, rep] : member_orgs) {
      if (!rep || (skip_dissolved && org.status == domain::InstitutionStatus::kDissolved)) continue;
      members.push_back(NewMembership(fed, std::nullopt, rep, org.id, RoleAt(members.size())));
    }
    auto rep = Write(fed, members);
    for (auto& [org, org_rep] : member_orgs) {  // federated once the federation exists
      if (!org_rep || (skip_dissolved && org.status == domain::InstitutionStatus::kDissolved))
        continue;
      org.parent_id = fed.id;
      uow.Institutions().Update(org, org.version);
    }
    return {std::move(fed), rep};
  }

  // One village: its households and people, its primary groups and, with two groups or more,
  // the village organisation (added to `village_orgs`).
  Status Village(const domain::Area& village, std::int64_t n, std::int64_t total, bool pashto,
                 Federated& village_orgs, std::vector<Made>& uc_households) {
    std::vector<Made> made = Households(village, n, total, pashto);
    std::vector<std::size_t> order(made.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::shuffle(order.begin(), order.end(), rng);
    std::vector<std::size_t> joining;
    for (auto i : order)
      if (U() < (made[i].household.poor ? 0.75 : 0.3)) joining.push_back(i);
    const std::string vo_formed = RandomDate(rng, 2019, 2023);
    Pending pending = PrimaryGroups(village, made, pashto, vo_formed, std::move(joining));
    // Households first (memberships refer to them), then the groups.
    for (auto& m : made) {
      if (auto ok = uow.Households().Insert(m.household); !ok) return Fail(ok.error());
      for (const auto& p : m.people) uow.Households().InsertPerson(p);
    }
    Federated groups;
    for (auto& [inst, members] : pending) {
      auto rep = Write(inst, members);
      groups.emplace_back(std::move(inst), rep);
    }
    // The village organisation federates the village's groups, each through its president.
    if (groups.size() >= 2)
      village_orgs.push_back(Federate("VO", village, village.code + "-VO",
                                      "Village organisation " + village.name,
                                      pashto ? "mixed" : "women", vo_formed, groups, true));
    if (uc_households.size() < 40)
      for (auto& m : made)
        if (uc_households.size() < 40) uc_households.push_back(m);
    return {};
  }

  // A feedback centre per union council and a security working group per second one, of
  // people of the union council's first households.
  void Centres(const DemoUnionCouncil& uc, int uc_number, const std::vector<Made>& uc_households) {
    for (const char* type : {"CEFC", "CSWG"}) {
      if (std::string(type) == "CSWG" && uc_number % 2 == 0) continue;
      if (uc_households.size() < 10) continue;
      Institution inst = NewInstitution(type, uc.area, uc.area.code + "-" + type,
                                        std::string(type) + " " + uc.area.name, "mixed",
                                        RandomDate(rng, 2022, 2025));
      inst.status = domain::InstitutionStatus::kActive;
      std::vector<Membership> members;
      const std::size_t size = std::string(type) == "CEFC" ? 8 : 10;
      for (std::size_t k = 0; k < size && k < uc_households.size(); ++k) {
        const auto& m = uc_households[k * 3 % uc_households.size()];
        const auto& p = m.people.front();
        bool dup = false;
        for (const auto& x : members) dup = dup || x.person_id == p.id;
        if (dup) continue;
        members.push_back(NewMembership(inst, m.household.id, p.id, std::nullopt, RoleAt(k)));
      }
      Write(inst, members);
      for (const auto& m : members) uow.Households().RefreshCounts(*m.household_id);
    }
  }
};

}  // namespace

Result<RegistryCounts> GenerateDemoRegistry(domain::UnitOfWork& uow,
                                            const std::vector<DemoUnionCouncil>& ucs,
                                            std::int64_t households, std::uint64_t seed,
                                            const std::string& now) {
  Generator g{uow, std::mt19937_64(seed * 7919 + 17), uow.RegistryConfig().Load(), now};
  std::int64_t villages = 0;
  for (const auto& uc : ucs) villages += static_cast<std::int64_t>(uc.villages.size());
  if (villages == 0) return g.counts;
  int uc_number = 0;
  std::int64_t village_index = 0;
  for (const auto& uc : ucs) {
    ++uc_number;
    const bool pashto = uc.pashto;
    Generator::Federated village_orgs;  // VO + rep
    std::vector<Generator::Made> uc_households;
    for (const auto& village : uc.villages) {
      // Households: the total spread evenly, the remainder to the first villages.
      const std::int64_t n =
          households / villages + (village_index++ < households % villages ? 1 : 0);
      if (auto ok = g.Village(village, n, households, pashto, village_orgs, uc_households); !ok)
        return Fail(ok.error());
    }
    // The union council's federation of village organisations: LSO (CO model) or CLF (SHG model).
    if (village_orgs.size() >= 2) {
      const std::string type = pashto ? "LSO" : "CLF";
      std::string formed = "2026-01-01";
      for (const auto& [vo, rep] : village_orgs) formed = std::min(formed, *vo.formed_on);
      g.Federate(type, uc.area, uc.area.code + "-" + type, type + " " + uc.area.name,
                 pashto ? "mixed" : "women", formed, village_orgs, false);
    }
    g.Centres(uc, uc_number, uc_households);
  }
  return g.counts;
}

}  // namespace mobilise::app
