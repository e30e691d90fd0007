#include "reports/profile_sheet.hpp"

#include "domain/languages.hpp"
#include "reports/plain_number.hpp"
#include "reports/profile_words.hpp"

namespace mobilise::reports {
namespace {

Cell Text(std::string s) { return Cell{std::move(s), std::nullopt, "", false}; }
Cell Number(double v) { return Cell{PlainNumber(v), v, "", false}; }

std::string Place(const std::optional<double>& lat, const std::optional<double>& lon) {
  if (!lat || !lon) return "—";
  return PlainNumber(*lat) + ", " + PlainNumber(*lon);
}

std::string StatusWord(const std::string& status, const ProfileWords& w) {
  if (status == "functional") return w.functional;
  if (status == "partly_functional") return w.partly_functional;
  if (status == "not_functional") return w.not_functional;
  return status;
}

std::string TypeName(const std::string& code, const std::map<std::string, std::string>& types) {
  auto type = types.find(code);
  return type == types.end() ? code : type->second;
}

// The registry's figures now, the figures from other sources, and (with a version) its services,
// people and institutions: one section named after the area, so they share pages.
Section FiguresSection(const domain::ProfileView& v, const ProfileWords& w,
                       const std::map<std::string, std::string>& types) {
  Section s{v.area_name, {}, {}, {}, {}};
  Table live{std::string(w.registry) + " (" + w.registry_live + ")", {w.figure, w.value}, {}, 1};
  const auto& r = v.registry;
  live.rows.push_back({Text(w.households), Number(static_cast<double>(r.households))});
  live.rows.push_back({Text(w.poor_households), Number(static_cast<double>(r.poor_households))});
  live.rows.push_back({Text(w.institutions), Number(static_cast<double>(r.institutions))});
  s.tables.push_back(std::move(live));
  Table members{w.members, {w.figure, w.value}, {}, 1};
  for (const auto& [sex, n] : r.people_by_sex) {
    const char* label = sex == "f" ? w.women : sex == "m" ? w.men : w.other_sex;
    members.rows.push_back({Text(label), Number(static_cast<double>(n))});
  }
  s.tables.push_back(std::move(members));
  if (!v.version) return s;
  const auto& c = v.version->content;
  Table et{w.entered, {w.figure, w.value, w.source, w.date}, {}, 1};
  for (const auto& f : c.figures)
    et.rows.push_back({Text(f.name), Number(f.value), Text(f.source), Text(f.dated_on)});
  Table ft{w.services, {w.type, w.name, w.status, w.location}, {}, 4};
  for (const auto& f : c.facilities)
    ft.rows.push_back({Text(TypeName(f.type, types)), Text(f.name), Text(StatusWord(f.status, w)),
                       Text(Place(f.latitude, f.longitude))});
  Table pt{w.personnel, {w.name, w.position, w.organisation}, {}, 3};
  if (v.contacts_visible) pt.columns.push_back(w.contact), pt.label_columns = 4;
  for (const auto& p : c.personnel) {
    std::vector<Cell> row{Text(p.name), Text(p.position), Text(p.organisation)};
    if (v.contacts_visible) row.push_back(Text(p.contact.value_or("—")));
    pt.rows.push_back(std::move(row));
  }
  Table it{w.key_institutions, {w.name, w.type, w.note, w.location}, {}, 4};
  for (const auto& k : c.institutions)
    it.rows.push_back({Text(k.name), Text(k.type), Text(k.note.value_or("—")),
                       Text(Place(k.latitude, k.longitude))});
  for (auto* t : {&et, &ft, &pt, &it})
    if (!t->rows.empty()) s.tables.push_back(std::move(*t));
  return s;
}

std::string Lines(const std::vector<std::string>& texts) {
  std::string out;
  for (const auto& t : texts) out += (out.empty() ? "" : "\n\n") + ("• " + t);
  return out.empty() ? "—" : out;
}

// The words of a change's section and field (profile_rules.hpp DiffProfiles), by their codes.
std::string ChangeWord(const std::string& code, const ProfileWords& w) {
  static const std::pair<const char*, const char * ProfileWords::*> kWords[] = {
      {"figures", &ProfileWords::entered},
      {"facilities", &ProfileWords::services},
      {"personnel", &ProfileWords::personnel},
      {"institutions", &ProfileWords::key_institutions},
      {"hazards", &ProfileWords::hazards},
      {"swot", &ProfileWords::swot},
      {"value", &ProfileWords::value},
      {"source", &ProfileWords::source},
      {"dated_on", &ProfileWords::date},
      {"status", &ProfileWords::status},
      {"location", &ProfileWords::location},
      {"position", &ProfileWords::position},
      {"organisation", &ProfileWords::organisation},
      {"contact", &ProfileWords::contact},
      {"note", &ProfileWords::note},
      {"strengths", &ProfileWords::strengths},
      {"weaknesses", &ProfileWords::weaknesses},
      {"opportunities", &ProfileWords::opportunities},
      {"threats", &ProfileWords::threats}};
  for (const auto& [c, word] : kWords)
    if (code == c) return w.*word;
  return code;
}

// A change as the reader reads it: section and field in their words, a facility's type by its
// name ("school: Girls primary" -> "School: Girls primary") and its status in words.
std::vector<Cell> ChangeRow(const domain::ProfileChange& ch, const ProfileWords& w,
                            const std::map<std::string, std::string>& types) {
  std::string item = ch.item;
  auto value = [&](const std::optional<std::string>& x) { return x.value_or("—"); };
  std::string before = value(ch.before), after = value(ch.after);
  if (ch.section == "facilities") {
    const auto named = [&](const std::string& x) {
      const auto colon = x.find(": ");
      return colon == std::string::npos ? x : TypeName(x.substr(0, colon), types) + x.substr(colon);
    };
    item = named(item);
    if (ch.field.empty() && ch.before) before = named(before);
    if (ch.field.empty() && ch.after) after = named(after);
    if (ch.field == "status") before = StatusWord(before, w), after = StatusWord(after, w);
  }
  return {Text(ChangeWord(ch.section, w)), Text(item),
          Text(ch.field.empty() ? "—" : ChangeWord(ch.field, w)), Text(before), Text(after)};
}

void AddContentSections(Document& d, const domain::ProfileView& v, const ProfileWords& w,
                        const std::map<std::string, std::string>& types) {
  const auto& c = v.version->content;
  Section swot{w.swot, {}, {}, {}, {}};
  swot.narrative = {{w.hazards, Lines(c.hazards)},
                    {w.strengths, Lines(c.swot.strengths)},
                    {w.weaknesses, Lines(c.swot.weaknesses)},
                    {w.opportunities, Lines(c.swot.opportunities)},
                    {w.threats, Lines(c.swot.threats)}};
  d.sections.push_back(std::move(swot));
  if (v.changes.empty()) return;
  Section changes{w.changes, {}, {}, {}, {}};
  // From the previous version's date to this one's, the arrow pointing the way the text reads.
  const std::string arrow = d.rtl ? " ← " : " → ";
  Table t{v.previous_as_of ? *v.previous_as_of + arrow + v.version->as_of : v.version->as_of,
          {w.section, w.item, w.field, w.before, w.after},
          {},
          5};
  for (const auto& ch : v.changes) t.rows.push_back(ChangeRow(ch, w, types));
  changes.tables.push_back(std::move(t));
  d.sections.push_back(std::move(changes));
}

}  // namespace

Document ProfileSheet(const domain::ProfileView& v, const std::string& lang,
                      const std::map<std::string, std::string>& facility_types,
                      const std::string& generated_at) {
  const auto& w = ProfileWordsFor(lang);
  Document d;
  d.language = lang;
  d.rtl = domain::IsRightToLeft(lang);
  d.title = w.title;
  d.subtitle = v.area_name + " — " + v.as_of;
  d.facts = {{w.as_of, v.as_of}, {w.generated, generated_at.substr(0, 16) + " UTC"}};
  if (v.version)
    d.facts.push_back({w.saved, v.version->as_of + " (" + v.version->created_at.substr(0, 10) +
                                    (v.version->created_by_name ? ", " + *v.version->created_by_name
                                                                : std::string()) +
                                    ")"});
  else
    d.facts.push_back({w.saved, w.no_version});
  d.sections.push_back(FiguresSection(v, w, facility_types));
  if (v.version) AddContentSections(d, v, w, facility_types);
  return d;
}

}  // namespace mobilise::reports
