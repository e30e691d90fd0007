#include "xforms/builtin/instance_mappers.hpp"

#include <charconv>
#include <sstream>

#include "domain/demographics.hpp"
#include "domain/idempotency/idempotency.hpp"
#include "domain/registry/registry_config.hpp"
#include "xforms/builtin/builtin_xforms.hpp"

namespace mobilise::xforms::builtin {
namespace {

using domain::FieldErrors;

// The answer at `path` when there is one (an empty element is no answer).
std::optional<std::string> Answer(const Instance& in, const std::string& path) {
  const std::string* v = in.Find(path);
  if (!v || v->empty()) return std::nullopt;
  return *v;
}

// A select-multiple answer (space-separated) or a comma-separated list, as its words.
std::vector<std::string> Words(const Instance& in, const std::string& path, char separator = ' ') {
  std::vector<std::string> out;
  const std::string* v = in.Find(path);
  if (!v) return out;
  std::string word;
  std::istringstream stream(*v);
  while (std::getline(stream, word, separator)) {
    const auto b = word.find_first_not_of(" \t\n");
    const auto e = word.find_last_not_of(" \t\n");
    if (b != std::string::npos) out.push_back(word.substr(b, e - b + 1));
  }
  return out;
}

template <class Number>
std::optional<Number> ReadNumber(const Instance& in, const std::string& path, FieldErrors& errors,
                                 FieldProblem why) {
  auto text = Answer(in, path);
  if (!text) return std::nullopt;
  Number n{};
  const char* end = text->data() + text->size();
  auto [ptr, ec] = std::from_chars(text->data(), end, n);
  if (ec != std::errc() || ptr != end) {
    errors[path] = std::move(why);
    return std::nullopt;
  }
  return n;
}

std::optional<std::int64_t> ReadInt(const Instance& in, const std::string& path,
                                    FieldErrors& errors) {
  return ReadNumber<std::int64_t>(in, path, errors, problem::WholeNumber());
}

std::optional<double> ReadDecimal(const Instance& in, const std::string& path,
                                  FieldErrors& errors) {
  return ReadNumber<double>(in, path, errors, problem::Invalid());
}

// Service fields named as the form's questions ("type" -> "/data/type"), with the record's id
// and area, which every form has.
FieldPaths SameNames(std::initializer_list<std::string_view> names) {
  FieldPaths paths{{"id", "/data/meta/instanceID"}, {"area_id", "/data/area"}};
  for (auto name : names) paths.emplace(std::string(name), "/data/" + std::string(name));
  return paths;
}

template <class T>
Result<Mapped<T>> Done(Mapped<T> mapped, FieldErrors errors) {
  if (!errors.empty()) return Fail(Error::Validation("the submission has invalid answers", errors));
  return mapped;
}

void ReadCounts(const Instance& in, Mapped<domain::ActivityInput>& m, FieldErrors& errors) {
  std::vector<domain::ParticipantCount> counts;
  for (bool disability : {false, true}) {
    const std::string group = disability ? "/data/counts_d/" : "/data/counts/";
    for (auto sex : domain::kSexes) {
      for (auto band : domain::kAgeBandCodes) {
        const std::string path = group + std::string(sex) + "_" + AgeBandElement(band);
        const auto n = ReadInt(in, path, errors);
        if (!n) continue;
        m.paths["counts[" + std::to_string(counts.size()) + "]"] = path;
        counts.push_back({std::string(sex), std::string(band), disability, *n});
      }
    }
  }
  m.input.counts = std::move(counts);
}

void ReadPerson(const Instance& in, int position, Mapped<domain::HouseholdInput>& m,
                FieldErrors& errors) {
  const std::string at = "/data/person[" + std::to_string(position) + "]";
  domain::PersonInput p;
  p.name = Answer(in, at + "/name");
  p.sex = Answer(in, at + "/sex");
  p.relation = Answer(in, at + "/relation");
  p.birth_date = Answer(in, at + "/birth_date");
  if (!p.birth_date) p.age = ReadInt(in, at + "/age", errors);
  p.displacement = Answer(in, at + "/displacement");
  p.phone = Answer(in, at + "/phone");
  std::array<std::int64_t, 6> wg{};
  int answered = 0;
  for (std::size_t i = 0; i < wg.size(); ++i) {
    const auto answer = ReadInt(in, at + "/wg/" + domain::kWgDomains[i], errors);
    wg[i] = answer.value_or(0);
    answered += answer ? 1 : 0;
  }
  for (std::size_t i = 0; answered > 0 && answered < 6 && i < wg.size(); ++i)
    if (wg[i] == 0) errors[at + "/wg/" + domain::kWgDomains[i]] = problem::Required();
  if (answered == 6) p.wg = wg;
  m.paths["people[" + std::to_string(position - 1) + "]"] = at;
  m.input.people.push_back(std::move(p));
}

void ReadLocation(const Instance& in, domain::HouseholdInput& h, FieldErrors& errors) {
  const auto words = Words(in, "/data/location");
  if (words.empty()) return;
  double lat = 0, lon = 0;
  auto read = [](const std::string& w, double& out) {
    auto [ptr, ec] = std::from_chars(w.data(), w.data() + w.size(), out);
    return ec == std::errc() && ptr == w.data() + w.size();
  };
  if (words.size() < 2 || !read(words[0], lat) || !read(words[1], lon)) {
    errors["/data/location"] = problem::Invalid();
    return;
  }
  h.latitude = lat;
  h.longitude = lon;
}

}  // namespace

std::optional<std::string> RecordIdOf(const Instance& instance) {
  std::string id = instance.instance_id;
  if (id.rfind("uuid:", 0) == 0) id = id.substr(5);
  if (!domain::IsClientId(id)) return std::nullopt;
  return id;
}

Result<Mapped<domain::ActivityInput>> MapActivity(const Instance& in) {
  Mapped<domain::ActivityInput> m;
  m.paths = SameNames(
      {"type", "held_on", "title", "place", "decisions", "follow_up", "notes", "topics", "counts"});
  m.paths.insert({{"institution_ids", "/data/institutions"},
                  {"attendance", "/data/named"},
                  {"file", "/data/photo"},
                  {"filename", "/data/photo"}});
  FieldErrors errors;
  auto& a = m.input;
  a.id = RecordIdOf(in);
  a.area_id = Answer(in, "/data/area");
  a.type = Answer(in, "/data/type");
  a.held_on = Answer(in, "/data/held_on");
  a.title = Answer(in, "/data/title");
  a.place = Answer(in, "/data/place");
  a.decisions = Answer(in, "/data/decisions");
  a.follow_up = Answer(in, "/data/follow_up");
  a.notes = Answer(in, "/data/notes");
  a.topics = Words(in, "/data/topics");
  a.institution_ids = Words(in, "/data/institutions");
  ReadCounts(in, m, errors);
  std::vector<domain::Attendance> attendance;
  for (auto& person : Words(in, "/data/named")) attendance.push_back({std::move(person)});
  a.attendance = std::move(attendance);
  m.photo = Answer(in, "/data/photo");
  return Done(std::move(m), std::move(errors));
}

Result<Mapped<domain::HouseholdInput>> MapHousehold(const Instance& in) {
  Mapped<domain::HouseholdInput> m;
  FieldErrors errors;
  auto& h = m.input;
  h.id = RecordIdOf(in);
  h.area_id = Answer(in, "/data/area");
  h.code = Answer(in, "/data/code");
  h.head_name = Answer(in, "/data/head_name");
  h.head_father_name = Answer(in, "/data/head_father_name");
  h.address = Answer(in, "/data/address");
  h.phone = Answer(in, "/data/phone");
  h.national_id = Answer(in, "/data/national_id");
  ReadLocation(in, h, errors);
  h.psc_score = ReadDecimal(in, "/data/psc/score", errors);
  h.psc_date = Answer(in, "/data/psc/date");
  h.psc_source = Answer(in, "/data/psc/source");
  h.flags = Words(in, "/data/flags");
  m.paths = SameNames(
      {"code", "head_name", "head_father_name", "address", "phone", "national_id", "flags"});
  m.paths.insert({{"latitude", "/data/location"},
                  {"longitude", "/data/location"},
                  {"psc_score", "/data/psc/score"},
                  {"psc_date", "/data/psc/date"},
                  {"psc_source", "/data/psc/source"},
                  {"people", "/data/person"}});
  const int people = in.Count("/data/person");
  for (int i = 1; i <= people; ++i) ReadPerson(in, i, m, errors);
  return Done(std::move(m), std::move(errors));
}

Result<Mapped<domain::FeedbackInput>> MapFeedback(const Instance& in) {
  Mapped<domain::FeedbackInput> m;
  FieldErrors errors;
  auto& f = m.input;
  f.id = RecordIdOf(in);
  f.area_id = Answer(in, "/data/area");
  f.received_on = Answer(in, "/data/received_on");
  f.channel = Answer(in, "/data/channel");
  f.cefc_id = Answer(in, "/data/cefc");
  f.category = Answer(in, "/data/category");
  f.anonymous = Answer(in, "/data/who") == "anonymous";
  if (!*f.anonymous) {
    f.person_name = Answer(in, "/data/person_name");
    f.person_contact = Answer(in, "/data/person_contact");
  }
  f.person_sex = Answer(in, "/data/person_sex");
  f.person_age_band = Answer(in, "/data/person_age_band");
  f.description = Answer(in, "/data/description");
  f.language = Answer(in, "/data/language");
  f.tags = Words(in, "/data/tags", ',');
  m.paths = SameNames({"received_on", "channel", "category", "person_name", "person_contact",
                       "person_sex", "person_age_band", "description", "language", "tags"});
  m.paths.insert({{"cefc_id", "/data/cefc"}, {"anonymous", "/data/who"}});
  return Done(std::move(m), std::move(errors));
}

domain::FieldErrors FormFieldErrors(const domain::FieldErrors& errors, const FieldPaths& paths) {
  domain::FieldErrors out;
  for (const auto& [field, problem] : errors) {
    std::string name = field;
    for (std::size_t end = field.size(); end > 0; --end) {
      if (end < field.size() && field[end] != '.' && field[end] != '[') continue;
      auto it = paths.find(field.substr(0, end));
      if (it == paths.end()) continue;
      name = it->second;
      if (!name.empty() && name.back() == ']' && end < field.size()) {
        std::string rest = field.substr(end);
        for (auto& c : rest) c = c == '.' ? '/' : c;
        name += rest;
      }
      break;
    }
    out.emplace(name, problem);
  }
  return out;
}

}  // namespace mobilise::xforms::builtin
