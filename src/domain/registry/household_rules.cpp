#include "domain/registry/household_rules.hpp"

#include <algorithm>
#include <cmath>

#include "domain/demographics.hpp"

namespace mobilise::domain {
namespace {

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

const std::vector<std::string> kDerivedFlags = {"female_headed", "elderly_headed", "disability",
                                                "displaced"};

}  // namespace

std::string MaskNationalId(std::string_view id) {
  if (id.size() <= 4) return std::string(id.size(), '*');
  return std::string(id.size() - 4, '*') + std::string(id.substr(id.size() - 4));
}

std::string NormaliseNationalId(std::string_view id) {
  std::string out;
  for (char c : id)
    if (c != '-' && c != ' ' && c != '/' && c != '.')
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string HouseholdNameKey(std::string_view head, std::string_view father) {
  return NameKey(head) + "|" + NameKey(father);
}

std::optional<double> SimilarHousehold(std::string_view a, std::string_view b) {
  auto split = [](std::string_view k) {
    auto bar = k.find('|');
    return std::pair(k.substr(0, bar), bar == std::string_view::npos ? "" : k.substr(bar + 1));
  };
  auto [ha, fa] = split(a);
  auto [hb, fb] = split(b);
  const double head = NameSimilarity(ha, hb);
  if (fa.empty() || fb.empty()) return head >= 0.9 ? std::optional(head) : std::nullopt;
  const double father = NameSimilarity(fa, fb);
  if (head >= 0.8 && father >= 0.8 && head + father >= 1.7) return (head + father) / 2;
  return std::nullopt;
}

void ApplyHousehold(const RegistryConfig& config, Household& h, const HouseholdInput& in,
                    bool creating, std::string_view today, FieldErrors& errors,
                    const std::string& prefix) {
  auto F = [&](const char* f) { return prefix + f; };
  if (creating && !in.head_name) errors[F("head_name")] = problem::Required();
  if (in.head_name) CheckName(errors, F("head_name"), *in.head_name), h.head_name = *in.head_name;
  if (in.head_father_name) {
    CheckOptionalName(errors, F("head_father_name"), *in.head_father_name);
    h.head_father_name = NonEmpty(*in.head_father_name);
  }
  if (in.code) {
    if (!in.code->empty()) CheckCode(errors, F("code"), *in.code);
    h.code = NonEmpty(*in.code);
  }
  if (in.address)
    CheckOptionalName(errors, F("address"), *in.address, 500), h.address = NonEmpty(*in.address);
  if (in.phone) {
    if (!in.phone->empty()) CheckPhone(errors, F("phone"), *in.phone);
    h.phone = NonEmpty(*in.phone);
  }
  if (in.national_id) {
    const auto id = NormaliseNationalId(*in.national_id);
    if (!id.empty() &&
        (id.size() < 5 || id.size() > 20 || !std::all_of(id.begin(), id.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c));
         })))
      errors[F("national_id")] = problem::NationalIdForm();
    h.national_id = NonEmpty(id);
  }
  if (in.latitude || in.longitude) {
    if (!in.latitude || !in.longitude)
      errors[F(in.latitude ? "longitude" : "latitude")] = problem::BothCoordinates();
    if (in.latitude)
      CheckRange(errors, F("latitude"), *in.latitude, -90, 90), h.latitude = *in.latitude;
    if (in.longitude)
      CheckRange(errors, F("longitude"), *in.longitude, -180, 180), h.longitude = *in.longitude;
  }
  if (in.psc_score) {
    CheckRange(errors, F("psc_score"), *in.psc_score, 0, 100);
    h.psc_score = std::round(*in.psc_score * 100) / 100;
  }
  if (in.psc_date) {
    if (!in.psc_date->empty()) CheckPastDate(errors, F("psc_date"), *in.psc_date, today);
    h.psc_date = NonEmpty(*in.psc_date);
  }
  if (in.psc_source) {
    CheckOptionalName(errors, F("psc_source"), *in.psc_source, 100);
    h.psc_source = NonEmpty(*in.psc_source);
  }
  if (h.psc_score && !h.psc_date) errors[F("psc_date")] = problem::PscDateRequired();
  if (!h.psc_score && (h.psc_date || h.psc_source))
    errors[F("psc_score")] = problem::PscScoreRequired();
  if (in.flags) {
    std::vector<std::string> flags;
    for (const auto& f : *in.flags) {
      if (!config.HasFlag(f))
        errors[F("flags")] = problem::UnknownNamed("vulnerability_flag", f);
      else if (std::find(flags.begin(), flags.end(), f) == flags.end())
        flags.push_back(f);
    }
    h.flags = flags;
  }
  if (h.psc_score) {
    const auto* band = BandFor(config.band_sets, *h.psc_score, h.psc_date);
    h.poverty_band = band ? std::optional(band->code) : std::nullopt;
    h.poor = band && band->poor;
  } else {
    h.poverty_band.reset();
    h.poor = false;
  }
  h.name_key = HouseholdNameKey(h.head_name, h.head_father_name.value_or(""));
}

void ApplyPerson(Person& p, const PersonInput& in, bool creating, std::string_view today,
                 FieldErrors& errors, const std::string& prefix) {
  auto F = [&](const char* f) { return prefix + f; };
  if (creating) {
    if (!in.name) errors[F("name")] = problem::Required();
    if (!in.sex) errors[F("sex")] = problem::Required();
    if (!in.relation) errors[F("relation")] = problem::Required();
  }
  if (in.name) CheckName(errors, F("name"), *in.name), p.name = *in.name;
  if (in.sex) CheckOneOf(errors, F("sex"), *in.sex, kSexes), p.sex = *in.sex;
  if (in.relation) {
    CheckOneOf(errors, F("relation"), *in.relation, kRelations);
    p.relation = *in.relation;
  }
  if (in.birth_date && in.age) errors[F("age")] = problem::BirthDateOrAge();
  if (in.birth_date) {
    if (!in.birth_date->empty()) CheckPastDate(errors, F("birth_date"), *in.birth_date, today);
    p.birth_date = NonEmpty(*in.birth_date);
    p.birth_date_estimated = false;
  }
  if (in.age) {
    if (*in.age < 0 || *in.age > 120) {
      errors[F("age")] = problem::OutOfRange(0, 120);
    } else {
      // Estimated as born on today's date `age` years ago (ages then stay right as time passes).
      const int year = std::stoi(std::string(today.substr(0, 4))) - static_cast<int>(*in.age);
      std::string md(today.substr(4));
      if (md == "-02-29") md = "-02-28";
      char buf[8];
      std::snprintf(buf, sizeof buf, "%04d", year);
      p.birth_date = std::string(buf) + md;
      p.birth_date_estimated = true;
    }
  }
  if (in.clear_wg) {
    p.wg.reset();
    p.disability = false;
  }
  if (in.wg) {
    WgAnswers wg{};
    for (std::size_t i = 0; i < 6; ++i) {
      const auto v = (*in.wg)[i];
      if (v < 1 || v > 4) errors[prefix + "wg." + kWgDomains[i]] = problem::WgAnswer();
      wg[i] = static_cast<int>(v);
    }
    p.wg = wg;
    p.disability = WgDisability(wg);
  }
  if (in.displacement) {
    if (!in.displacement->empty())
      CheckOneOf(errors, F("displacement"), *in.displacement, kDisplacements);
    p.displacement = NonEmpty(*in.displacement);
  }
  if (in.phone) {
    if (!in.phone->empty()) CheckPhone(errors, F("phone"), *in.phone);
    p.phone = NonEmpty(*in.phone);
  }
}

void DeriveFlags(Household& h, const std::vector<Person>& people, std::string_view today) {
  if (people.empty()) return;
  std::vector<std::string> flags;
  for (const auto& f : h.flags)
    if (std::find(kDerivedFlags.begin(), kDerivedFlags.end(), f) == kDerivedFlags.end())
      flags.push_back(f);
  bool disability = false, displaced = false;
  for (const auto& p : people) {
    disability = disability || p.disability;
    displaced = displaced || (p.displacement && *p.displacement != "host");
    if (p.relation == "head") {
      if (p.sex == "f") flags.push_back("female_headed");
      if (p.birth_date) {
        auto age = AgeOn(*p.birth_date, today);
        if (age && *age >= 60) flags.push_back("elderly_headed");
      }
    }
  }
  if (disability) flags.push_back("disability");
  if (displaced) flags.push_back("displaced");
  h.flags = flags;
}

Snapshot HouseholdSnapshot(const Household& h) {
  std::string flags;
  for (const auto& f : h.flags) flags += (flags.empty() ? "" : " ") + f;
  return Snapshot{{"area_id", h.area_id},
                  {"code", h.code},
                  {"head_name", h.head_name},
                  {"head_father_name", h.head_father_name},
                  {"address", h.address},
                  {"phone", h.phone},
                  {"national_id", h.national_id},
                  {"psc_score", h.psc_score ? std::optional(Num(*h.psc_score)) : std::nullopt},
                  {"psc_date", h.psc_date},
                  {"psc_source", h.psc_source},
                  {"poverty_band", h.poverty_band},
                  {"flags", flags},
                  {"merged_into_id", h.merged_into_id},
                  {"version", std::to_string(h.version)}};
}

Snapshot PersonSnapshot(const Person& p) {
  std::string wg;
  if (p.wg)
    for (int a : *p.wg) wg += std::to_string(a);
  return Snapshot{{"household_id", p.household_id},
                  {"name", p.name},
                  {"sex", p.sex},
                  {"birth_date", p.birth_date},
                  {"relation", p.relation},
                  {"wg", p.wg ? std::optional(wg) : std::nullopt},
                  {"displacement", p.displacement},
                  {"phone", p.phone},
                  {"version", std::to_string(p.version)}};
}

}  // namespace mobilise::domain
