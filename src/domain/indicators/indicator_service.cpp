// IndicatorService's definition use cases (list, create, update, delete; checked by
// indicator_rules.hpp) and the programme settings. Evaluation: indicator_evaluation.cpp.
#include "domain/indicators/indicator_service.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "domain/indicators/indicator_rules.hpp"
#include "domain/validation.hpp"
#include "domain/versioned.hpp"

namespace mobilise::domain {
namespace {

Snapshot IndicatorSnapshot(const Indicator& d) {
  std::string filters;
  for (const auto& f : d.filters)
    filters += (filters.empty() ? "" : "; ") + f.field + "=" + JoinValues(f.values, ",");
  return Snapshot{{"name", d.name},
                  {"record", d.record},
                  {"measure", d.measure},
                  {"field", d.field},
                  {"numerator", d.numerator},
                  {"denominator", d.denominator},
                  {"scale", std::to_string(d.scale)},
                  {"filters", filters},
                  {"dims", JoinValues(d.dims, " ")}};
}

void Apply(Indicator& d, const IndicatorInput& in) {
  if (in.name) d.name = *in.name;
  if (in.description) d.description = *in.description;
  if (in.record) d.record = NonEmpty(*in.record);
  if (in.measure) d.measure = *in.measure;
  if (in.field) d.field = NonEmpty(*in.field);
  if (in.numerator) d.numerator = NonEmpty(*in.numerator);
  if (in.denominator) d.denominator = NonEmpty(*in.denominator);
  if (in.scale) d.scale = *in.scale;
  if (in.filters) d.filters = *in.filters;
  if (in.dims) d.dims = *in.dims;
  if (in.names) d.names = *in.names;
}

// A built-in indicator keeps its computation: only its texts and dims may change.
void CheckBuiltinKept(const IndicatorInput& in, FieldErrors& errors) {
  for (auto [name, given] : {std::pair{"record", in.record.has_value()},
                             {"measure", in.measure.has_value()},
                             {"field", in.field.has_value()},
                             {"numerator", in.numerator.has_value()},
                             {"denominator", in.denominator.has_value()},
                             {"scale", in.scale.has_value()},
                             {"filters", in.filters.has_value()}})
    if (given) errors[name] = problem::BuiltinComputationKept();
}

// Other indicators and the configured codes of filters, read from `uow` when a check asks.
DefinitionLookup LookupIn(UnitOfWork& uow) {
  return {[&uow](const std::string& code) { return uow.Indicators().Get(code); },
          [&uow](const std::string& record, const std::string& field) {
            std::vector<std::string> known;
            if (field == "type" && (record == "institution" || record == "membership")) {
              for (const auto& t : uow.RegistryConfig().Load().types) known.push_back(t.code);
            } else if (field == "type") {
              for (const auto& t : uow.RegistryConfig().Load().activity_types)
                known.push_back(t.code);
            } else if (field == "topic") {
              for (const auto& t : uow.RegistryConfig().Load().topics) known.push_back(t.code);
            } else if (field == "band") {
              for (const auto& s : uow.RegistryConfig().Load().band_sets)
                for (const auto& b : s.bands) known.push_back(b.code);
              known.push_back("none");  // households without a poverty score
            } else if (field == "category") {
              for (const auto& c : uow.Feedback().Categories()) known.push_back(c.code);
            }
            return known;
          }};
}

// Errors of `d` as a whole definition: texts, then the computation.
FieldErrors& CheckAll(UnitOfWork& uow, const Indicator& d, FieldErrors& errors) {
  CheckIndicatorTexts(d, errors);
  CheckDefinition(d, LookupIn(uow), errors);
  return errors;
}

bool MayDefine(const Actor& actor) {
  return actor.system || actor.CanAtRoot(Permission::kIndicatorWrite);  // programme-wide
}

Error ForbiddenToDefine() {
  return Error::Forbidden("administrators and M&E officers define indicators");
}

}  // namespace

ProgrammeSettings IndicatorService::Settings() {
  return SettingsFrom(db_.Begin(false)->Indicators().Settings(), clock_.Today());
}

Result<ProgrammeSettings> IndicatorService::SaveSettings(const Actor& actor,
                                                         const SettingsInput& in) {
  if (!MayDefine(actor)) return Fail(Error::Forbidden());
  auto uow = db_.Begin(true);
  const auto old = uow->Indicators().Settings();
  FieldErrors errors;
  const auto changes =
      SettingsChanges(in, SettingsFrom(old, clock_.Today()), clock_.Today(), errors);
  if (!errors.empty()) return Fail(Error::Validation("the settings have invalid fields", errors));
  Snapshot b, a;
  for (const auto& [k, v] : changes) {
    for (const auto& [ok, ov] : old)
      if (ok == k) b[k] = ov;
    a[k] = v;
    uow->Indicators().SaveSetting(k, v);
  }
  RecordAudit(uow->Audit(), clock_, actor, "update", "programme_settings", std::nullopt,
              std::nullopt, b, a);
  auto after = SettingsFrom(uow->Indicators().Settings(), clock_.Today());
  uow->Commit();
  return after;
}

std::vector<Indicator> IndicatorService::List() { return db_.Begin(false)->Indicators().List(); }

Result<Indicator> IndicatorService::Get(const std::string& code) {
  auto d = IsIndicatorCode(code) ? db_.Begin(false)->Indicators().Get(code) : std::nullopt;
  if (!d) return Fail(Error::NotFound("indicator"));
  return *d;
}

Result<Indicator> IndicatorService::Create(const Actor& actor, const IndicatorInput& in) {
  if (!MayDefine(actor)) return Fail(ForbiddenToDefine());
  auto uow = db_.Begin(true);
  Indicator d;
  d.code = in.code.value_or("");
  Apply(d, in);
  FieldErrors errors;
  if (!IsIndicatorCode(d.code))
    errors["code"] = problem::IndicatorCodeForm();
  else if (uow->Indicators().Get(d.code))
    errors["code"] = problem::IndicatorExists(d.code);
  if (!CheckAll(*uow, d, errors).empty())
    return Fail(Error::Validation("the indicator definition is not valid", errors));
  int position = 0;
  for (const auto& x : uow->Indicators().List()) position = std::max(position, x.position);
  d.position = position + 1;
  d.created_at = d.updated_at = clock_.Timestamp();
  d.created_by = d.updated_by = actor.UserId();
  uow->Indicators().Insert(d);
  RecordAudit(uow->Audit(), clock_, actor, "create", "indicator", d.code, std::nullopt,
              std::nullopt, IndicatorSnapshot(d));
  uow->Commit();
  return d;
}

Result<Indicator> IndicatorService::Update(const Actor& actor, const std::string& code,
                                           std::int64_t version, const IndicatorInput& in) {
  if (!MayDefine(actor)) return Fail(ForbiddenToDefine());
  auto uow = db_.Begin(true);
  auto found = IsIndicatorCode(code) ? uow->Indicators().Get(code) : std::nullopt;
  if (!found) return Fail(Error::NotFound("indicator"));
  if (version != found->version) return Fail(Error::Stale("indicator", found->version));
  FieldErrors errors;
  if (in.code && *in.code != code) errors["code"] = problem::CodeCannotChange();
  if (found->builtin) CheckBuiltinKept(in, errors);
  Indicator d = *found;
  Apply(d, in);
  if (!CheckAll(*uow, d, errors).empty())
    return Fail(Error::Validation("the indicator definition is not valid", errors));
  NextVersion(d, *found, actor, clock_.Timestamp());
  if (!uow->Indicators().Update(d, found->version))
    return Fail(Error::Stale("indicator", found->version));
  RecordAudit(uow->Audit(), clock_, actor, "update", "indicator", d.code, std::nullopt,
              IndicatorSnapshot(*found), IndicatorSnapshot(d));
  uow->Commit();
  return d;
}

Status IndicatorService::Delete(const Actor& actor, const std::string& code) {
  if (!MayDefine(actor)) return Fail(ForbiddenToDefine());
  auto uow = db_.Begin(true);
  auto found = IsIndicatorCode(code) ? uow->Indicators().Get(code) : std::nullopt;
  if (!found) return Fail(Error::NotFound("indicator"));
  if (found->builtin) return Fail(Error::Conflict("a built-in indicator cannot be deleted"));
  if (uow->Indicators().UsedInTemplates(code))
    return Fail(Error::Conflict("the indicator is used by a report template, a ratio or targets"));
  uow->Indicators().Delete(code);
  RecordAudit(uow->Audit(), clock_, actor, "delete", "indicator", code, std::nullopt,
              IndicatorSnapshot(*found), std::nullopt);
  uow->Commit();
  return {};
}

}  // namespace mobilise::domain
