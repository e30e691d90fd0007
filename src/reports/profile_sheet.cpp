#include "reports/profile_sheet.hpp"

#include "reports/plain_number.hpp"

namespace mobilise::reports {
namespace {

struct ProfileWords {
  const char *title, *as_of, *saved, *generated, *no_version, *registry, *entered, *figure, *value,
      *source, *date, *households, *poor_households, *institutions, *women, *men, *other_sex,
      *services, *type, *name, *status, *location, *personnel, *position, *organisation, *contact,
      *key_institutions, *note, *hazards, *swot, *strengths, *weaknesses, *opportunities, *threats,
      *changes, *section, *item, *field, *before, *after, *functional, *partly_functional,
      *not_functional, *registry_live;
};

const ProfileWords kEn{"Community profile",
                       "As of",
                       "Version saved",
                       "Generated",
                       "No profile saved yet",
                       "Registry figures",
                       "Figures from other sources",
                       "Figure",
                       "Value",
                       "Source",
                       "Date",
                       "Households",
                       "Poor households",
                       "Community institutions",
                       "Women and girls",
                       "Men and boys",
                       "Other",
                       "Services and infrastructure",
                       "Type",
                       "Name",
                       "Status",
                       "Location",
                       "Key personnel",
                       "Position",
                       "Organisation",
                       "Contact",
                       "Key institutions",
                       "Note",
                       "Hazards",
                       "SWOT analysis",
                       "Strengths",
                       "Weaknesses",
                       "Opportunities",
                       "Threats",
                       "Changes since the previous version",
                       "Section",
                       "Entry",
                       "Field",
                       "Before",
                       "After",
                       "Functional",
                       "Partly functional",
                       "Not functional",
                       "computed from the registry now"};
const ProfileWords kPs{"د ټولنې پېژندپاڼه",
                       "تر دې نېټې",
                       "نسخه ثبت شوې",
                       "جوړ شوی",
                       "لا تر اوسه پېژندپاڼه نه ده ثبت شوې",
                       "د ثبت شمېرې",
                       "له نورو سرچینو شمېرې",
                       "شمېره",
                       "ارزښت",
                       "سرچینه",
                       "نېټه",
                       "کورنۍ",
                       "بې وزله کورنۍ",
                       "ټولنیز بنسټونه",
                       "ښځې او نجونې",
                       "نارینه او هلکان",
                       "نور",
                       "خدمتونه او زېربنا",
                       "ډول",
                       "نوم",
                       "حالت",
                       "ځای",
                       "مهم کسان",
                       "دنده",
                       "سازمان",
                       "اړیکه",
                       "مهم بنسټونه",
                       "یادښت",
                       "خطرونه",
                       "SWOT تحلیل",
                       "پیاوړتیاوې",
                       "کمزورتیاوې",
                       "فرصتونه",
                       "ګواښونه",
                       "له مخکینۍ نسخې راهیسې بدلونونه",
                       "برخه",
                       "توکی",
                       "ساحه",
                       "مخکې",
                       "وروسته",
                       "فعال",
                       "نیمګړی فعال",
                       "غیر فعال",
                       "اوس له ثبت څخه شمېرل شوي"};
const ProfileWords kUk{"Профіль громади",
                       "Станом на",
                       "Версію збережено",
                       "Створено",
                       "Профіль ще не збережено",
                       "Дані реєстру",
                       "Дані з інших джерел",
                       "Показник",
                       "Значення",
                       "Джерело",
                       "Дата",
                       "Домогосподарства",
                       "Бідні домогосподарства",
                       "Громадські інституції",
                       "Жінки та дівчата",
                       "Чоловіки та хлопці",
                       "Інше",
                       "Послуги та інфраструктура",
                       "Тип",
                       "Назва",
                       "Стан",
                       "Розташування",
                       "Ключові особи",
                       "Посада",
                       "Організація",
                       "Контакт",
                       "Ключові інституції",
                       "Примітка",
                       "Небезпеки",
                       "SWOT-аналіз",
                       "Сильні сторони",
                       "Слабкі сторони",
                       "Можливості",
                       "Загрози",
                       "Зміни з попередньої версії",
                       "Розділ",
                       "Запис",
                       "Поле",
                       "Було",
                       "Стало",
                       "Працює",
                       "Працює частково",
                       "Не працює",
                       "обчислено з реєстру зараз"};
const ProfileWords& WordsFor(const std::string& lang) {
  if (lang == "ps") return kPs;
  if (lang == "uk") return kUk;
  return kEn;
}

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

Section FiguresSection(const domain::ProfileView& v, const ProfileWords& w) {
  Section s{w.registry, {}, {}, {}, {}};
  Table live{std::string(w.registry) + " (" + w.registry_live + ")", {w.figure, w.value}, {}, 1};
  const auto& r = v.registry;
  live.rows.push_back({Text(w.households), Number(static_cast<double>(r.households))});
  live.rows.push_back({Text(w.poor_households), Number(static_cast<double>(r.poor_households))});
  live.rows.push_back({Text(w.institutions), Number(static_cast<double>(r.institutions))});
  for (const auto& [sex, n] : r.people_by_sex) {
    const char* label = sex == "f" ? w.women : sex == "m" ? w.men : w.other_sex;
    live.rows.push_back({Text(label), Number(static_cast<double>(n))});
  }
  s.tables.push_back(std::move(live));
  if (v.version && !v.version->content.figures.empty()) {
    Table t{w.entered, {w.figure, w.value, w.source, w.date}, {}, 1};
    for (const auto& f : v.version->content.figures)
      t.rows.push_back({Text(f.name), Number(f.value), Text(f.source), Text(f.dated_on)});
    s.tables.push_back(std::move(t));
  }
  return s;
}

std::string Lines(const std::vector<std::string>& texts) {
  std::string out;
  for (const auto& t : texts) out += (out.empty() ? "" : "\n\n") + ("• " + t);
  return out.empty() ? "—" : out;
}

void AddContentSections(Document& d, const domain::ProfileView& v, const ProfileWords& w,
                        const std::map<std::string, std::string>& types) {
  const auto& c = v.version->content;
  Section services{w.services, {}, {}, {}, {}};
  Table ft{w.services, {w.type, w.name, w.status, w.location}, {}, 4};
  for (const auto& f : c.facilities) {
    auto type = types.find(f.type);
    ft.rows.push_back({Text(type == types.end() ? f.type : type->second), Text(f.name),
                       Text(StatusWord(f.status, w)), Text(Place(f.latitude, f.longitude))});
  }
  services.tables.push_back(std::move(ft));
  Table pt{w.personnel, {w.name, w.position, w.organisation}, {}, 3};
  if (v.contacts_visible) pt.columns.push_back(w.contact), pt.label_columns = 4;
  for (const auto& p : c.personnel) {
    std::vector<Cell> row{Text(p.name), Text(p.position), Text(p.organisation)};
    if (v.contacts_visible) row.push_back(Text(p.contact.value_or("—")));
    pt.rows.push_back(std::move(row));
  }
  services.tables.push_back(std::move(pt));
  Table it{w.key_institutions, {w.name, w.type, w.note, w.location}, {}, 4};
  for (const auto& k : c.institutions)
    it.rows.push_back({Text(k.name), Text(k.type), Text(k.note.value_or("—")),
                       Text(Place(k.latitude, k.longitude))});
  services.tables.push_back(std::move(it));
  d.sections.push_back(std::move(services));
  Section swot{w.swot, {}, {}, {}, {}};
  swot.narrative = {{w.hazards, Lines(c.hazards)},
                    {w.strengths, Lines(c.swot.strengths)},
                    {w.weaknesses, Lines(c.swot.weaknesses)},
                    {w.opportunities, Lines(c.swot.opportunities)},
                    {w.threats, Lines(c.swot.threats)}};
  d.sections.push_back(std::move(swot));
  if (!v.changes.empty()) {
    Section changes{w.changes, {}, {}, {}, {}};
    Table t{w.changes, {w.section, w.item, w.field, w.before, w.after}, {}, 5};
    for (const auto& ch : v.changes)
      t.rows.push_back({Text(ch.section), Text(ch.item), Text(ch.field),
                        Text(ch.before.value_or("—")), Text(ch.after.value_or("—"))});
    changes.tables.push_back(std::move(t));
    d.sections.push_back(std::move(changes));
  }
}

}  // namespace

Document ProfileSheet(const domain::ProfileView& v, const std::string& lang,
                      const std::map<std::string, std::string>& facility_types,
                      const std::string& generated_at) {
  const auto& w = WordsFor(lang);
  Document d;
  d.language = lang;
  d.rtl = lang == "ps" || lang == "fa" || lang == "ur";
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
  d.sections.push_back(FiguresSection(v, w));
  if (v.version) AddContentSections(d, v, w, facility_types);
  return d;
}

}  // namespace mobilise::reports
