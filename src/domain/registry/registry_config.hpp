// Registry configuration: institution types, poverty bands, maturity checklists, option lists;
// and the pure rules derived from them (band of a score, grade of an assessment, disability from
// the Washington Group answers, age bands, name keys for duplicate checks).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/validation.hpp"

namespace mobilise::domain {

enum class MemberKind { kHousehold, kPerson, kInstitution };
std::string_view MemberKindId(MemberKind kind);
std::optional<MemberKind> ParseMemberKind(std::string_view id);

struct InstitutionType {
  std::string code;
  std::string name;
  std::optional<std::string> name_local;
  int tier = 1;
  std::vector<std::string> parent_types;  // types it may federate into
  MemberKind member_kind = MemberKind::kHousehold;
  std::optional<int> size_min, size_max;
  int position = 0;
  bool MayFederateInto(std::string_view type) const;
};

struct PovertyBand {
  std::string code;
  std::string name;
  std::optional<std::string> name_local;
  double lower_bound = 0;
  bool poor = false;
};

struct PovertyBandSet {
  std::string effective_from;  // YYYY-MM-DD
  std::optional<std::string> source;
  std::vector<PovertyBand> bands;  // by lower bound, ascending
};

struct ChecklistItem {
  std::string code;
  std::string name;
  int max_score = 1;
  std::optional<std::string> section;  // the heading it is shown under
};

struct ChecklistGrade {
  std::string grade;
  double min_percent = 0;
};

// What a checklist scores: an institution's maturity (assessments, for the institution types it
// names) or a supervision visit (supervision/).
inline constexpr std::string_view kMaturityChecklist = "maturity";
inline constexpr std::string_view kSupervisionChecklist = "supervision";

struct Checklist {
  std::string code;
  std::string name;
  std::vector<std::string> institution_types;
  std::vector<ChecklistItem> items;
  std::vector<ChecklistGrade> grades;
  std::string purpose = std::string(kMaturityChecklist);
};

struct RegistryOption {
  std::string code;
  std::string name;
  std::optional<std::string> name_local;
};

struct RegistryConfig {
  std::vector<InstitutionType> types;
  std::vector<PovertyBandSet> band_sets;  // newest first
  std::vector<Checklist> checklists;
  std::vector<RegistryOption> member_roles;
  std::vector<RegistryOption> vulnerability_flags;
  std::vector<RegistryOption> activity_types;
  std::vector<RegistryOption> topics;
  std::vector<RegistryOption> facility_types;   // community profiles' services
  std::vector<RegistryOption> risk_categories;  // the risk register

  const InstitutionType* Type(std::string_view code) const;
  const Checklist* FindChecklist(std::string_view code) const;
  bool HasRole(std::string_view code) const;
  bool HasFlag(std::string_view code) const;
  bool HasBand(std::string_view code) const;
};

// The band of `score` under the newest set effective on `date` (or the oldest set when the date is
// before every set, or missing): the band with the greatest lower bound not above the score.
const PovertyBand* BandFor(const std::vector<PovertyBandSet>& sets, double score,
                           std::optional<std::string_view> date);

// Score as the percentage of the checklist's maximum and its grade.
struct GradeResult {
  double percent = 0;
  std::string grade;
};
GradeResult GradeFor(const Checklist& checklist, double points);

// Scores `answers` (item code -> points) against `checklist`: every item answered within 0..its
// maximum and nothing else, else errors["answers.<item>"]. Fills `scored` with the answers and
// answers the points scored.
double ScoreAnswers(const Checklist& checklist, const std::map<std::string, std::int64_t>& answers,
                    std::map<std::string, int>& scored, FieldErrors& errors);

// Washington Group short set: answers 1..4 (no difficulty .. cannot do at all), in the order
// seeing, hearing, mobility, cognition, self-care, communication.
using WgAnswers = std::array<int, 6>;
inline constexpr std::array<const char*, 6> kWgDomains = {
    "seeing", "hearing", "mobility", "cognition", "self_care", "communication"};
// The WG cut-off: at least one domain "a lot of difficulty" (3) or "cannot do at all" (4).
bool WgDisability(const WgAnswers& answers);

// Whole years from birth_date to on (both YYYY-MM-DD); nullopt if either is malformed.
std::optional<int> AgeOn(std::string_view birth_date, std::string_view on);

// Name key for duplicate checks: lower-case ASCII, letters and digits of any script kept,
// spaces collapsed, punctuation dropped.
std::string NameKey(std::string_view name);
// Similarity of two name keys in [0, 1]: 1 - edit distance (in code points) / longer length.
double NameSimilarity(std::string_view a, std::string_view b);

}  // namespace mobilise::domain

namespace mobilise::domain {

class RegistryConfigRepository {
 public:
  virtual ~RegistryConfigRepository() = default;
  virtual RegistryConfig Load() = 0;
  virtual void SaveType(const InstitutionType& type) = 0;
  virtual void SaveBandSet(const PovertyBandSet& set) = 0;  // replaces the set of that date
  virtual void SaveChecklist(const Checklist& checklist) = 0;
  virtual void SaveOptions(const std::string& list, const std::vector<RegistryOption>& options) = 0;
};

}  // namespace mobilise::domain
