#include "domain/indicators/dimension_labels.hpp"

#include "domain/demographics.hpp"

namespace mobilise::domain {
namespace {

// A fixed value's names in the languages of domain/languages.hpp.
struct Fixed {
  const char* value;
  const char *en, *ps, *uk, *mr, *prs, *ur;
};

const char* NameIn(const Fixed& f, const std::string& lang) {
  if (lang == "ps") return f.ps;
  if (lang == "uk") return f.uk;
  if (lang == "mr") return f.mr;
  if (lang == "prs") return f.prs;
  if (lang == "ur") return f.ur;
  return f.en;
}

// Names of the sexes of demographics.hpp and of "unknown" (records without one), by code.
const std::map<std::string_view, Fixed> kSexNames = {
    {"f", {"f", "Female", "ښځینه", "Жінки", "स्त्री", "زن", "عورت"}},
    {"m", {"m", "Male", "نارینه", "Чоловіки", "पुरुष", "مرد", "مرد"}},
    {"x", {"x", "Other", "نور", "Інше", "इतर", "دیگر", "دیگر"}},
};
const Fixed kUnknownNames = {"unknown",    "Not known",  "نامعلوم",   "Невідомо",
                             "माहीत नाही", "معلوم نیست", "معلوم نہیں"};
// Age bands are named by their codes, in Pashto and Dari with Eastern Arabic-Indic digits.
const std::map<std::string_view, const char*> kAgeBandPersianDigits = {
    {"0-4", "۰-۴"}, {"5-11", "۵-۱۱"}, {"12-17", "۱۲-۱۷"}, {"18-59", "۱۸-۵۹"}, {"60+", "۶۰+"}};

// The row of a breakdown by child area for the records kept on the area itself.
std::string RecordedAtItself(const std::string& lang, const std::string& name) {
  if (lang == "ps") return "پخپله په " + name + " کې ثبت شوي";
  if (lang == "uk") return "записано безпосередньо в «" + name + "»";
  if (lang == "mr") return "थेट " + name + " येथे नोंदवलेले";
  if (lang == "prs") return "مستقیماً در " + name + " ثبت شده";
  if (lang == "ur") return "براہ راست " + name + " میں درج";
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
  for (const auto band : kAgeBandCodes) {
    const char* code = band.data();
    const char* persian = kAgeBandPersianDigits.at(band);
    out.push_back({code, code, persian, code, code, persian, code});
  }
  out.push_back(kUnknownNames);
  return out;
}

const std::vector<Fixed> kDisability = {
    {"true", "With a disability", "معلولیت لري", "З інвалідністю", "अपंगत्व असलेले", "دارای معلولیت",
     "معذوری کے ساتھ"},
    {"false", "Without a disability", "معلولیت نه لري", "Без інвалідності", "अपंगत्व नसलेले",
     "بدون معلولیت", "معذوری کے بغیر"}};
const std::vector<Fixed> kPoor = {
    {"true", "Poor", "بې وزله", "Бідні", "गरीब", "فقیر", "غریب"},
    {"false", "Not poor", "بې وزله نه", "Не бідні", "गरीब नसलेले", "غیر فقیر", "غیر غریب"}};
const std::vector<Fixed> kDisplacement = {
    {"host", "Host community", "کوربه ټولنه", "Приймаюча громада", "यजमान समुदाय", "جامعهٔ میزبان",
     "میزبان کمیونٹی"},
    {"idp", "Internally displaced", "کورني بې ځایه شوي", "ВПО", "अंतर्गत विस्थापित",
     "بی‌جاشدهٔ داخلی", "اندرونی طور پر بے گھر"},
    {"returnee", "Returnee", "راستانه شوي", "Повернулися", "परतलेले", "عودت‌کننده",
     "واپس آنے والا"},
    {"refugee", "Refugee", "کډوال", "Біженці", "निर्वासित", "مهاجر", "پناہ گزین"},
    {"none", "Not displaced", "نه بې ځایه شوي", "Не переміщені", "विस्थापित नाही",
     "بی‌جا نشده", "بے گھر نہیں"},
    {"unknown", "Not known (counted)", "نامعلوم", "Невідомо (пораховані)", "माहीत नाही (मोजलेले)",
     "معلوم نیست (شمرده شده)", "معلوم نہیں (گنے گئے)"}};
const std::vector<Fixed> kChannel = {
    {"cefc_walk_in", "CEFC walk-in", "CEFC ته راتګ", "Особисто в центрі", "CEFC मध्ये प्रत्यक्ष",
     "مراجعهٔ حضوری به CEFC", "CEFC پر خود آ کر"},
    {"hotline", "Hotline", "هټ لاین", "Гаряча лінія", "हेल्पलाइन", "خط تیلفون", "ہاٹ لائن"},
    {"suggestion_box", "Suggestion box", "د وړاندیزونو بکس", "Скринька пропозицій", "सूचना पेटी",
     "صندوق پیشنهادات", "تجاویز کا ڈبہ"},
    {"community_meeting", "Community meeting", "ټولنیزه غونډه", "Збори громади", "समुदाय बैठक",
     "جلسهٔ جامعه", "کمیونٹی اجلاس"},
    {"staff_visit", "Staff visit", "د کارکوونکي لیدنه", "Візит персоналу", "कर्मचाऱ्यांची भेट",
     "بازدید کارمند", "عملے کا دورہ"},
    {"other", "Other", "نور", "Інше", "इतर", "دیگر", "دیگر"}};
const std::vector<Fixed> kStatus = {
    {"forming", "Forming", "جوړېدونکې", "Формується", "स्थापनेच्या टप्प्यात", "در حال تشکیل",
     "تشکیل کے مرحلے میں"},
    {"active", "Active", "فعاله", "Активна", "सक्रिय", "فعال", "فعال"},
    {"dormant", "Dormant", "غیر فعاله", "Неактивна", "निष्क्रिय", "غیرفعال", "غیر فعال"},
    {"dissolved", "Dissolved", "منحل", "Розпущена", "विसर्जित", "منحل", "تحلیل شدہ"},
    {"merged", "Merged", "یوځای شوې", "Об'єднана", "विलीन", "ادغام شده", "ضم شدہ"},
    {"open", "Open", "خلاص", "Відкрито", "खुले", "باز", "کھلی"},
    {"assigned", "Assigned", "سپارل شوی", "Призначено", "सोपवलेले", "سپرده شده", "تفویض شدہ"},
    {"referred", "Referred", "راجع شوی", "Перенаправлено", "संदर्भित", "راجع شده", "ریفر شدہ"},
    {"responded", "Responded", "ځواب شوی", "Відповідь надано", "प्रतिसाद दिलेले", "پاسخ داده شده",
     "جواب دیا گیا"},
    {"closed", "Closed", "تړل شوی", "Закрито", "बंद", "بسته", "بند"}};

const std::map<std::string, std::vector<Fixed>>& FixedLabels() {
  static const std::map<std::string, std::vector<Fixed>> labels = {
      {"sex", SexLabels()},
      {"age_band", AgeBandLabels()},
      {"disability", kDisability},
      {"poor", kPoor},
      {"displacement", kDisplacement},
      {"channel", kChannel},
      {"status", kStatus},
      {"grade",
       {{"none", "Not assessed", "نه دی ارزول شوی", "Не оцінено", "मूल्यांकन झालेले नाही",
         "ارزیابی نشده", "جائزہ نہیں ہوا"}}},
      {"band",
       {{"none", "No score", "نمره نلري", "Без оцінки", "गुण नाहीत", "بدون نمره",
         "کوئی اسکور نہیں"}}},
      {"course",
       {{"none", "No course", "کورس نلري", "Без курсу", "अभ्यासक्रम नाही", "بدون کورس",
         "کوئی کورس نہیں"}}},
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
    for (const auto& f : it->second) out[f.value] = NameIn(f, lang);
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
