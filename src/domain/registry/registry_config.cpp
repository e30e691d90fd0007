#include "domain/registry/registry_config.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "domain/demographics.hpp"

namespace mobilise::domain {

std::string_view MemberKindId(MemberKind kind) {
  static constexpr std::string_view kIds[] = {"household", "person", "institution"};
  return kIds[static_cast<int>(kind)];
}

std::optional<MemberKind> ParseMemberKind(std::string_view id) {
  for (auto k : {MemberKind::kHousehold, MemberKind::kPerson, MemberKind::kInstitution})
    if (MemberKindId(k) == id) return k;
  return std::nullopt;
}

bool InstitutionType::MayFederateInto(std::string_view type) const {
  return std::find(parent_types.begin(), parent_types.end(), type) != parent_types.end();
}

const InstitutionType* RegistryConfig::Type(std::string_view code) const {
  for (const auto& t : types)
    if (t.code == code) return &t;
  return nullptr;
}

const Checklist* RegistryConfig::FindChecklist(std::string_view code) const {
  for (const auto& c : checklists)
    if (c.code == code) return &c;
  return nullptr;
}

namespace {
bool HasCode(const std::vector<RegistryOption>& options, std::string_view code) {
  return std::any_of(options.begin(), options.end(),
                     [&](const RegistryOption& o) { return o.code == code; });
}
}  // namespace

bool RegistryConfig::HasRole(std::string_view code) const { return HasCode(member_roles, code); }
bool RegistryConfig::HasFlag(std::string_view code) const {
  return HasCode(vulnerability_flags, code);
}
bool RegistryConfig::HasBand(std::string_view code) const {
  for (const auto& s : band_sets)
    for (const auto& b : s.bands)
      if (b.code == code) return true;
  return false;
}

const PovertyBand* BandFor(const std::vector<PovertyBandSet>& sets, double score,
                           std::optional<std::string_view> date) {
  if (sets.empty()) return nullptr;
  // Sets are newest first: the first effective on the date, else the oldest.
  const PovertyBandSet* set = &sets.back();
  if (date) {
    for (const auto& s : sets) {
      if (s.effective_from <= *date) {
        set = &s;
        break;
      }
    }
  } else {
    set = &sets.front();
  }
  const PovertyBand* found = nullptr;
  for (const auto& b : set->bands)
    if (b.lower_bound <= score && (!found || b.lower_bound > found->lower_bound)) found = &b;
  return found;
}

double ScoreAnswers(const Checklist& checklist, const std::map<std::string, std::int64_t>& answers,
                    std::map<std::string, int>& scored, FieldErrors& errors) {
  double points = 0;
  for (const auto& item : checklist.items) {
    auto it = answers.find(item.code);
    const std::string f = "answers." + item.code;
    if (it == answers.end()) {
      errors[f] = problem::Required();
    } else if (it->second < 0 || it->second > item.max_score) {
      errors[f] = problem::OutOfRange(0, item.max_score);
    } else {
      points += static_cast<double>(it->second);
      scored[item.code] = static_cast<int>(it->second);
    }
  }
  for (const auto& [code, score] : answers) {
    const auto& items = checklist.items;
    if (std::none_of(items.begin(), items.end(),
                     [&code = code](const auto& i) { return i.code == code; }))
      errors["answers." + code] = problem::NotAnItemOf(checklist.code);
  }
  return points;
}

GradeResult GradeFor(const Checklist& checklist, double points) {
  int max = 0;
  for (const auto& i : checklist.items) max += i.max_score;
  GradeResult r;
  r.percent = max > 0 ? points * 100.0 / max : 0;
  r.percent = static_cast<double>(static_cast<long long>(r.percent * 100 + 0.5)) / 100;  // 2 dp
  const ChecklistGrade* best = nullptr;
  for (const auto& g : checklist.grades)
    if (g.min_percent <= r.percent + 1e-9 && (!best || g.min_percent > best->min_percent))
      best = &g;
  if (best) r.grade = best->grade;
  return r;
}

bool WgDisability(const WgAnswers& answers) {
  return std::any_of(answers.begin(), answers.end(), [](int a) { return a >= 3; });
}

namespace {
bool ParseDate(std::string_view s, int& y, int& m, int& d) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  return std::sscanf(std::string(s).c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3;
}
}  // namespace

std::optional<int> AgeOn(std::string_view birth_date, std::string_view on) {
  int by, bm, bd, y, m, d;
  if (!ParseDate(birth_date, by, bm, bd) || !ParseDate(on, y, m, d)) return std::nullopt;
  int age = y - by;
  if (m < bm || (m == bm && d < bd)) --age;
  if (age < 0) return std::nullopt;
  return age;
}

namespace {

// Decodes UTF-8 (input is valid by the time it reaches the domain).
std::vector<char32_t> CodePointsOf(std::string_view s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < n && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

}  // namespace

std::string NameKey(std::string_view name) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < name.size();) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      ++i;
      if (std::isalnum(c)) {
        if (space && !out.empty()) out += ' ';
        space = false;
        out += static_cast<char>(std::tolower(c));
      } else {
        space = true;
      }
      continue;
    }
    // Non-ASCII letters (Arabic script, Cyrillic, Devanagari, ...) are kept as they are.
    int n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (space && !out.empty()) out += ' ';
    space = false;
    out.append(name.substr(i, n));
    i += n;
  }
  return out;
}

double NameSimilarity(std::string_view a, std::string_view b) {
  auto x = CodePointsOf(a), y = CodePointsOf(b);
  if (x.empty() && y.empty()) return 1;
  std::vector<std::size_t> prev(y.size() + 1), cur(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j)
      cur[j] =
          std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return 1.0 -
         static_cast<double>(prev[y.size()]) / static_cast<double>(std::max(x.size(), y.size()));
}

}  // namespace mobilise::domain
