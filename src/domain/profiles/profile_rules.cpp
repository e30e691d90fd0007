#include "domain/profiles/profile_rules.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/clock.hpp"
#include "domain/registry/registry_config.hpp"

namespace mobilise::domain {
namespace {

std::string At(const std::string& list, std::size_t i, const std::string& field) {
  return list + "[" + std::to_string(i) + "]." + field;
}

void CheckCount(FieldErrors& errors, const std::string& list, std::size_t n) {
  if (n > kMaxProfileEntries)
    errors[list] = problem::AtMost(static_cast<std::int64_t>(kMaxProfileEntries), "items");
}

void CheckPlace(FieldErrors& errors, const std::string& list, std::size_t i,
                const std::optional<double>& lat, const std::optional<double>& lon) {
  if (lat.has_value() != lon.has_value())
    errors[At(list, i, lat ? "longitude" : "latitude")] = problem::Required();
  if (lat) CheckRange(errors, At(list, i, "latitude"), *lat, -90, 90);
  if (lon) CheckRange(errors, At(list, i, "longitude"), *lon, -180, 180);
}

void CheckTexts(FieldErrors& errors, const std::string& list,
                const std::vector<std::string>& texts) {
  CheckCount(errors, list, texts.size());
  std::set<std::string> seen;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const std::string f = list + "[" + std::to_string(i) + "]";
    CheckName(errors, f, texts[i], 500);
    if (!seen.insert(texts[i]).second) errors[f] = problem::ListedTwice();
  }
}

void CheckFigures(const ProfileContent& c, std::string_view today, FieldErrors& errors) {
  CheckCount(errors, "figures", c.figures.size());
  std::set<std::string> names;
  for (std::size_t i = 0; i < c.figures.size(); ++i) {
    const auto& f = c.figures[i];
    CheckName(errors, At("figures", i, "name"), f.name, 100);
    if (!names.insert(f.name).second) errors[At("figures", i, "name")] = problem::ListedTwice();
    CheckRange(errors, At("figures", i, "value"), f.value, 0, 1e12);
    CheckName(errors, At("figures", i, "source"), f.source, 200);
    CheckPastDate(errors, At("figures", i, "dated_on"), f.dated_on, today);
  }
}

void CheckFacilities(const ProfileContent& c, const std::vector<std::string>& types,
                     FieldErrors& errors) {
  CheckCount(errors, "facilities", c.facilities.size());
  for (std::size_t i = 0; i < c.facilities.size(); ++i) {
    const auto& f = c.facilities[i];
    if (std::find(types.begin(), types.end(), f.type) == types.end())
      errors[At("facilities", i, "type")] = problem::UnknownNamed("type", f.type);
    CheckName(errors, At("facilities", i, "name"), f.name, 200);
    CheckOneOf(errors, At("facilities", i, "status"), f.status, kFacilityStatuses);
    CheckPlace(errors, "facilities", i, f.latitude, f.longitude);
  }
}

void CheckPeople(const ProfileContent& c, FieldErrors& errors) {
  CheckCount(errors, "personnel", c.personnel.size());
  for (std::size_t i = 0; i < c.personnel.size(); ++i) {
    const auto& p = c.personnel[i];
    CheckName(errors, At("personnel", i, "name"), p.name, 200);
    CheckName(errors, At("personnel", i, "position"), p.position, 200);
    CheckOptionalName(errors, At("personnel", i, "organisation"), p.organisation, 200);
    if (p.contact) CheckOptionalName(errors, At("personnel", i, "contact"), *p.contact, 100);
  }
}

void CheckInstitutions(const ProfileContent& c, FieldErrors& errors) {
  CheckCount(errors, "institutions", c.institutions.size());
  std::set<std::string> ids;
  for (std::size_t i = 0; i < c.institutions.size(); ++i) {
    const auto& k = c.institutions[i];
    if (!ids.insert(k.institution_id).second)
      errors[At("institutions", i, "institution_id")] = problem::ListedTwice();
    if (k.note) CheckOptionalName(errors, At("institutions", i, "note"), *k.note, 500);
    CheckPlace(errors, "institutions", i, k.latitude, k.longitude);
  }
}

std::optional<std::string> Number(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  auto s = std::to_string(v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  return s;
}

std::optional<std::string> Place(const std::optional<double>& lat,
                                 const std::optional<double>& lon) {
  if (!lat || !lon) return std::nullopt;
  return *Number(*lat) + ", " + *Number(*lon);
}

// The fields of one entry that the diff compares, by name.
using Fields = std::vector<std::pair<std::string, std::optional<std::string>>>;

// Entries of a section keyed by `key`, each as its fields.
template <class T, class Key, class FieldsOf>
std::map<std::string, Fields> Keyed(const std::vector<T>& items, Key key, FieldsOf fields) {
  std::map<std::string, Fields> out;
  for (const auto& x : items) out.emplace(key(x), fields(x));
  return out;
}

void DiffSection(const std::string& section, const std::map<std::string, Fields>& before,
                 const std::map<std::string, Fields>& after, std::vector<ProfileChange>& out) {
  for (const auto& [key, fields] : before)
    if (!after.count(key)) out.push_back({section, key, "", key, std::nullopt});
  for (const auto& [key, fields] : after) {
    auto it = before.find(key);
    if (it == before.end()) {
      out.push_back({section, key, "", std::nullopt, key});
      continue;
    }
    for (std::size_t i = 0; i < fields.size(); ++i)
      if (i < it->second.size() && it->second[i].second != fields[i].second)
        out.push_back({section, key, fields[i].first, it->second[i].second, fields[i].second});
  }
}

std::map<std::string, Fields> TextSet(const std::vector<std::string>& texts,
                                      const std::string& prefix = "") {
  std::map<std::string, Fields> out;
  for (const auto& t : texts) out.emplace(prefix + t, Fields{});
  return out;
}

}  // namespace

void CheckProfileContent(const ProfileContent& c, const std::vector<std::string>& facility_types,
                         std::string_view today, FieldErrors& errors) {
  CheckFigures(c, today, errors);
  CheckFacilities(c, facility_types, errors);
  CheckPeople(c, errors);
  CheckInstitutions(c, errors);
  CheckTexts(errors, "hazards", c.hazards);
  CheckTexts(errors, "strengths", c.swot.strengths);
  CheckTexts(errors, "weaknesses", c.swot.weaknesses);
  CheckTexts(errors, "opportunities", c.swot.opportunities);
  CheckTexts(errors, "threats", c.swot.threats);
}

std::vector<ProfileChange> DiffProfiles(const ProfileContent& a, const ProfileContent& b,
                                        bool with_contacts) {
  std::vector<ProfileChange> out;
  const auto figure = [](const ProfileFigure& f) {
    return Fields{{"value", Number(f.value)}, {"source", f.source}, {"dated_on", f.dated_on}};
  };
  const auto by_name = [](const auto& x) { return x.name; };
  DiffSection("figures", Keyed(a.figures, by_name, figure), Keyed(b.figures, by_name, figure), out);
  const auto facility_key = [](const ProfileFacility& f) { return f.type + ": " + f.name; };
  const auto facility = [](const ProfileFacility& f) {
    return Fields{{"status", f.status}, {"location", Place(f.latitude, f.longitude)}};
  };
  DiffSection("facilities", Keyed(a.facilities, facility_key, facility),
              Keyed(b.facilities, facility_key, facility), out);
  const auto person = [with_contacts](const ProfilePerson& p) {
    Fields f{{"position", p.position}, {"organisation", p.organisation}};
    if (with_contacts) f.push_back({"contact", p.contact});
    return f;
  };
  DiffSection("personnel", Keyed(a.personnel, by_name, person), Keyed(b.personnel, by_name, person),
              out);
  const auto institution_key = [](const ProfileInstitution& k) {
    return k.name.empty() ? k.institution_id : k.name;
  };
  const auto institution = [](const ProfileInstitution& k) {
    return Fields{{"note", k.note}, {"location", Place(k.latitude, k.longitude)}};
  };
  DiffSection("institutions", Keyed(a.institutions, institution_key, institution),
              Keyed(b.institutions, institution_key, institution), out);
  DiffSection("hazards", TextSet(a.hazards), TextSet(b.hazards), out);
  for (const auto& [name, of] : {std::pair{"strengths", &ProfileSwot::strengths},
                                 std::pair{"weaknesses", &ProfileSwot::weaknesses},
                                 std::pair{"opportunities", &ProfileSwot::opportunities},
                                 std::pair{"threats", &ProfileSwot::threats}}) {
    std::vector<ProfileChange> part;
    DiffSection("swot", TextSet(a.swot.*of), TextSet(b.swot.*of), part);
    for (auto& c : part) c.field = name;
    out.insert(out.end(), part.begin(), part.end());
  }
  return out;
}

void HideContacts(ProfileContent& content) {
  for (auto& p : content.personnel) p.contact.reset();
}

void KeepContacts(ProfileContent& content, const ProfileContent& current) {
  for (auto& p : content.personnel)
    for (const auto& old : current.personnel)
      if (old.name == p.name && old.organisation == p.organisation) p.contact = old.contact;
}

int RiskLevel(int likelihood, int impact) { return likelihood * impact; }

std::string_view RiskBand(int level) {
  if (level <= 4) return "low";
  if (level <= 9) return "medium";
  if (level <= 16) return "high";
  return "critical";
}

bool ReviewOverdue(std::string_view next_review_on, std::string_view today) {
  return next_review_on < today;
}

void ApplyRiskFields(Risk& r, const RiskInput& in, const std::vector<std::string>& categories,
                     bool creating, FieldErrors& errors) {
  if (creating)
    for (const auto& [field, given] :
         {std::pair{"category", in.category.has_value()},
          std::pair{"description", in.description.has_value()},
          std::pair{"likelihood", in.likelihood.has_value()},
          std::pair{"impact", in.impact.has_value()}, std::pair{"trend", in.trend.has_value()},
          std::pair{"next_review_on", in.next_review_on.has_value()}})
      if (!given) errors[field] = problem::Required();
  if (in.category) {
    if (std::find(categories.begin(), categories.end(), *in.category) == categories.end())
      errors["category"] = problem::UnknownNamed("type", *in.category);
    r.category = *in.category;
  }
  if (in.description) CheckName(errors, "description", *in.description, 2000);
  if (in.description) r.description = *in.description;
  for (const auto& [field, value, out] : {std::tuple{"likelihood", in.likelihood, &r.likelihood},
                                          std::tuple{"impact", in.impact, &r.impact}}) {
    if (!value) continue;
    if (*value < 1 || *value > 5)
      errors[field] = problem::WholeNumberRange(1, 5);
    else
      *out = static_cast<int>(*value);
  }
  r.level = RiskLevel(r.likelihood, r.impact);
  if (in.trend) CheckOneOf(errors, "trend", *in.trend, kRiskTrends), r.trend = *in.trend;
  if (in.next_review_on) {
    if (!IsValidDate(*in.next_review_on)) errors["next_review_on"] = problem::NotADate();
    r.next_review_on = *in.next_review_on;
  }
  if (in.mitigation) {
    CheckOptionalName(errors, "mitigation", *in.mitigation, 2000);
    r.mitigation = NonEmpty(*in.mitigation);
  }
}

Snapshot RiskSnapshot(const Risk& r) {
  return {{"area_id", r.area_id},
          {"category", r.category},
          {"description", r.description},
          {"likelihood", std::to_string(r.likelihood)},
          {"impact", std::to_string(r.impact)},
          {"level", std::to_string(r.level)},
          {"trend", r.trend},
          {"mitigation", r.mitigation},
          {"owner_id", r.owner_id},
          {"next_review_on", r.next_review_on}};
}

}  // namespace mobilise::domain
