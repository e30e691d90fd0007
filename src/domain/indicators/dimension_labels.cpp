#include "domain/indicators/dimension_labels.hpp"

#include "domain/demographics.hpp"

namespace mobilise::domain {
namespace {

struct Fixed {
  const char* value;
  const char* en;
  const char* ps;
  const char* uk;
};

// Names of the sexes of demographics.hpp and of "unknown" (records without one), by code.
const std::map<std::string_view, Fixed> kSexNames = {
    {"f", {"f", "Female", "ښځینه", "Жінки"}},
    {"m", {"m", "Male", "نارینه", "Чоловіки"}},
    {"x", {"x", "Other", "نور", "Інше"}},
};
const Fixed kUnknownNames = {"unknown", "Not known", "نامعلوم", "Невідомо"};
// Age bands are named by their codes, in Pashto with Eastern Arabic-Indic digits.
const std::map<std::string_view, const char*> kAgeBandPashto = {
    {"0-4", "۰-۴"}, {"5-11", "۵-۱۱"}, {"12-17", "۱۲-۱۷"}, {"18-59", "۱۸-۵۹"}, {"60+", "۶۰+"}};

// The row of a breakdown by child area for the records kept on the area itself.
std::string RecordedAtItself(const std::string& lang, const std::string& name) {
  if (lang == "ps") return "پخپله په " + name + " کې ثبت شوي";
  if (lang == "uk") return "записано безпосередньо в «" + name + "»";
  return "recorded at " + name + " itself";
}

std::vector<Fixed> SexLabels() {
  std::vector<Fixed> out;
  for (const auto sex : kSexes) out.push_back(kSexNames.at(sex));
  out.push_back(kUnknownNames);
  return out;
}

std::vector<Fixed> AgeBandLabels() {
  std::vector<Fixed> out;
  for (const auto band : kAgeBandCodes)
    out.push_back({band.data(), band.data(), kAgeBandPashto.at(band), band.data()});
  out.push_back(kUnknownNames);
  return out;
}

const std::map<std::string, std::vector<Fixed>>& FixedLabels() {
  static const std::map<std::string, std::vector<Fixed>> labels = {
      {"sex", SexLabels()},
      {"age_band", AgeBandLabels()},
      {"disability",
       {{"true", "With a disability", "معلولیت لري", "З інвалідністю"},
        {"false", "Without a disability", "معلولیت نه لري", "Без інвалідності"}}},
      {"poor",
       {{"true", "Poor", "بې وزله", "Бідні"}, {"false", "Not poor", "بې وزله نه", "Не бідні"}}},
      {"displacement",
       {{"host", "Host community", "کوربه ټولنه", "Приймаюча громада"},
        {"idp", "Internally displaced", "کورني بې ځایه شوي", "ВПО"},
        {"returnee", "Returnee", "راستانه شوي", "Повернулися"},
        {"refugee", "Refugee", "کډوال", "Біженці"},
        {"none", "Not displaced", "نه بې ځایه شوي", "Не переміщені"},
        {"unknown", "Not known (counted)", "نامعلوم", "Невідомо (пораховані)"}}},
      {"channel",
       {{"cefc_walk_in", "CEFC walk-in", "CEFC ته راتګ", "Особисто в центрі"},
        {"hotline", "Hotline", "هټ لاین", "Гаряча лінія"},
        {"suggestion_box", "Suggestion box", "د وړاندیزونو بکس", "Скринька пропозицій"},
        {"community_meeting", "Community meeting", "ټولنیزه غونډه", "Збори громади"},
        {"staff_visit", "Staff visit", "د کارکوونکي لیدنه", "Візит персоналу"},
        {"other", "Other", "نور", "Інше"}}},
      {"status",
       {{"forming", "Forming", "جوړېدونکې", "Формується"},
        {"active", "Active", "فعاله", "Активна"},
        {"dormant", "Dormant", "غیر فعاله", "Неактивна"},
        {"dissolved", "Dissolved", "منحل", "Розпущена"},
        {"merged", "Merged", "یوځای شوې", "Об'єднана"},
        {"open", "Open", "خلاص", "Відкрито"},
        {"assigned", "Assigned", "سپارل شوی", "Призначено"},
        {"referred", "Referred", "راجع شوی", "Перенаправлено"},
        {"responded", "Responded", "ځواب شوی", "Відповідь надано"},
        {"closed", "Closed", "تړل شوی", "Закрито"}}},
      {"grade", {{"none", "Not assessed", "نه دی ارزول شوی", "Не оцінено"}}},
      {"band", {{"none", "No score", "نمره نلري", "Без оцінки"}}},
      {"course", {{"none", "No course", "کورس نلري", "Без курсу"}}},
  };
  return labels;
}

std::string Pick(const std::string& lang, const std::string& name,
                 const std::optional<std::string>& local) {
  return lang != "en" && local && !local->empty() ? *local : name;
}

}  // namespace

std::map<std::string, std::string> DimensionLabels(UnitOfWork& uow, const std::string& dim,
                                                   const std::string& lang, const ValueContext& c) {
  std::map<std::string, std::string> out;
  if (auto it = FixedLabels().find(dim); it != FixedLabels().end())
    for (const auto& f : it->second)
      out[f.value] = lang == "ps" ? f.ps : lang == "uk" ? f.uk : f.en;
  if (dim == "type" || dim == "topic" || dim == "band") {
    const auto config = uow.RegistryConfig().Load();
    if (dim == "type") {
      for (const auto& t : config.types) out[t.code] = Pick(lang, t.name, t.name_local);
      for (const auto& t : config.activity_types) out[t.code] = Pick(lang, t.name, t.name_local);
    } else if (dim == "topic") {
      for (const auto& t : config.topics) out[t.code] = Pick(lang, t.name, t.name_local);
    } else {
      for (const auto& s : config.band_sets)
        for (const auto& b : s.bands) out.try_emplace(b.code, Pick(lang, b.name, b.name_local));
    }
  } else if (dim == "category") {
    for (const auto& k : uow.Feedback().Categories())
      out[k.code] = Pick(lang, k.name, k.name_local);
  } else if (dim == "course") {
    for (const auto& k : uow.Trainings().Courses()) out[k.id] = Pick(lang, k.title, k.title_local);
  } else if (dim == "child_area") {
    out[c.area.id] = RecordedAtItself(lang, Pick(lang, c.area.name, c.area.name_local));
    for (const auto& a : c.children) out[a.id] = Pick(lang, a.name, a.name_local);
  }
  return out;
}

}  // namespace mobilise::domain
