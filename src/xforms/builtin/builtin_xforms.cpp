#include "xforms/builtin/builtin_xforms.hpp"

#include "xforms/builtin/web_strings.hpp"

namespace mobilise::xforms::builtin {

std::vector<Language> WebFormLanguages() {
  std::vector<Language> out;
  for (const auto& l : WebLanguages())
    out.push_back({std::string(l.code), std::string(l.name), l.rtl});
  return out;
}

std::vector<GeneratedXForm> GenerateBuiltinXForms(const BuiltinConfig& config) {
  std::vector<GeneratedXForm> out;
  for (auto [kind, spec] :
       {std::pair{"activity", ActivitySpec(config)}, std::pair{"household", HouseholdSpec(config)},
        std::pair{"feedback", FeedbackSpec(config)}}) {
    const auto version = FormVersion(spec);
    out.push_back({kind, spec.id, version, WriteXForm(spec, version)});
  }
  return out;
}

}  // namespace mobilise::xforms::builtin
