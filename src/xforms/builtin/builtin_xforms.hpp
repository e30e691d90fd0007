// Mobilise's own record types as XForms for ODK Collect: an activity, a household registration
// and a feedback case, generated from the deployment's configuration (option lists, poverty bands,
// feedback categories) with labels in every language of the web app. Choice lists of the device
// user's areas, institutions and people are CSV media files (see choice_csv.hpp), so a form stays
// the same for every device. Pure functions; builtin_forms.cpp (api/openrosa) feeds them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xforms/builtin/xform_writer.hpp"

namespace mobilise::xforms::builtin {

inline constexpr std::string_view kActivityForm = "mobilise_activity";
inline constexpr std::string_view kHouseholdForm = "mobilise_household";
inline constexpr std::string_view kFeedbackForm = "mobilise_feedback";

// The CSV media files (jr://file-csv/<name>.csv) and the instance ids they load as.
inline constexpr std::string_view kAreasMedia = "areas";
inline constexpr std::string_view kInstitutionsMedia = "institutions";
inline constexpr std::string_view kPeopleMedia = "people";

// A configured option: its code, English name and the deployment's local name.
struct Option {
  std::string code, name;
  std::optional<std::string> name_local;
  bool sensitive = false;  // feedback categories
};

struct Band {
  std::string code;
  double lower_bound = 0;
};

struct BuiltinConfig {
  std::vector<Language> languages;  // English first; WebFormLanguages() by default
  std::vector<Option> activity_types, topics, vulnerability_flags, feedback_categories;
  std::vector<Band> bands;  // the poverty bands in force, by lower bound ascending
};

struct GeneratedXForm {
  std::string kind;  // activity | household | feedback
  std::string xml_form_id, version, xml;
};

// The web app's languages, English first.
std::vector<Language> WebFormLanguages();

FormSpec ActivitySpec(const BuiltinConfig& config);
FormSpec HouseholdSpec(const BuiltinConfig& config);
FormSpec FeedbackSpec(const BuiltinConfig& config);

// The three forms, each with its version (a digest of its XML).
std::vector<GeneratedXForm> GenerateBuiltinXForms(const BuiltinConfig& config);

// The element name of an age band's count: "0-4" -> "a0_4", "60+" -> "a60p".
std::string AgeBandElement(std::string_view band);

}  // namespace mobilise::xforms::builtin
