#include "domain/indicators/indicator_service.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <map>
#include <set>
#include <thread>

#include "core/clock.hpp"
#include "core/id.hpp"
#include "domain/indicators/dimension_labels.hpp"
#include "domain/indicators/record_kinds.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {
namespace {

// The groups of every request, in order: computed on `uow` and at the same time on as many more
// read units as there are spare cores and free connections (none is waited for), each taking
// the next request not yet taken. A read unit runs each statement on its own snapshot anyway
// (see UnitOfWorkFactory::Begin), so spreading them changes no figure's consistency.
std::vector<std::vector<ComputedGroup>> ComputeAll(UnitOfWork& uow, UnitOfWorkFactory& db,
                                                   const std::vector<ComputeRequest>& requests) {
  std::vector<std::vector<ComputedGroup>> out(requests.size());
  std::atomic<std::size_t> next{0};
  auto work = [&](UnitOfWork& u) {
    for (std::size_t i; (i = next++) < requests.size();)
      out[i] = u.Indicators().Compute(requests[i]);
  };
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::unique_ptr<UnitOfWork>> more;
  while (more.size() + 1 < std::min<std::size_t>({cores, 4, requests.size()}))
    if (auto u = db.TryBeginRead())
      more.push_back(std::move(u));
    else
      break;
  std::vector<std::exception_ptr> failed(more.size());
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < more.size(); ++t)
    threads.emplace_back([&, t] {
      try {
        work(*more[t]);
      } catch (...) {
        failed[t] = std::current_exception();
        next = requests.size();
      }
    });
  std::exception_ptr mine;
  try {
    work(uow);
  } catch (...) {
    mine = std::current_exception();
    next = requests.size();
  }
  for (auto& t : threads) t.join();
  if (mine) std::rethrow_exception(mine);
  for (const auto& f : failed)
    if (f) std::rethrow_exception(f);
  return out;
}

const std::vector<std::string> kMeasures = {"count", "distinct_people", "distinct_households",
                                            "sum",   "average",         "ratio"};

bool Has(const std::vector<std::string>& v, std::string_view x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

std::string Join(const std::vector<std::string>& v, const char* sep = " ") {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
  return s;
}

bool IndicatorCode(std::string_view c) {
  if (c.size() < 2 || c.size() > 40 || !(c[0] >= 'A' && c[0] <= 'Z')) return false;
  return std::all_of(c.begin(), c.end(), [](char ch) {
    return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
  });
}

bool Token(std::string_view t) {
  if (t.empty() || t.size() > 64) return false;
  return std::all_of(t.begin(), t.end(), [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-' || ch == '.' ||
           ch == '+';
  });
}

bool StockOf(const Indicator& d) {
  const RecordKind* k = d.record ? FindRecordKind(*d.record) : nullptr;
  return k && k->stock;
}

Snapshot IndicatorSnapshot(const Indicator& d) {
  std::string filters;
  for (const auto& f : d.filters)
    filters += (filters.empty() ? "" : "; ") + f.field + "=" + Join(f.values, ",");
  return Snapshot{{"name", d.name},
                  {"record", d.record},
                  {"measure", d.measure},
                  {"field", d.field},
                  {"numerator", d.numerator},
                  {"denominator", d.denominator},
                  {"scale", std::to_string(d.scale)},
                  {"filters", filters},
                  {"dims", Join(d.dims)}};
}

// Known codes for the filters whose values come from configuration.
void CheckFilterValues(UnitOfWork& uow, const std::string& record, const IndicatorFilter& f,
                       const std::string& field, FieldErrors& errors) {
  std::vector<std::string> known;
  auto config = [&] { return uow.RegistryConfig().Load(); };
  if (f.field == "type" && (record == "institution" || record == "membership")) {
    for (const auto& t : config().types) known.push_back(t.code);
  } else if (f.field == "type") {
    for (const auto& t : config().activity_types) known.push_back(t.code);
  } else if (f.field == "topic") {
    for (const auto& t : config().topics) known.push_back(t.code);
  } else if (f.field == "band") {
    for (const auto& s : config().band_sets)
      for (const auto& b : s.bands) known.push_back(b.code);
    known.push_back("none");
  } else if (f.field == "category") {
    for (const auto& c : uow.Feedback().Categories()) known.push_back(c.code);
  } else if (f.field == "sex") {
    known = {"f", "m", "x", "unknown"};
  } else if (f.field == "member_kind") {
    known = {"household", "person", "institution"};
  } else if (f.field == "age_band") {
    known = {"0-4", "5-11", "12-17", "18-59", "60+", "unknown"};
  }
  for (const auto& v : f.values) {
    if (!Token(v)) {
      errors[field] = "\"" + v + "\" is not a valid value";
      return;
    }
    if (!known.empty() && !Has(known, v)) {
      errors[field] = "unknown value \"" + v + "\" (one of " + Join(known, ", ") + ")";
      return;
    }
  }
}

void CheckDefinition(UnitOfWork& uow, const Indicator& d, FieldErrors& errors) {
  if (!Has(kMeasures, d.measure)) {
    errors["measure"] = "must be one of " + Join(kMeasures, ", ");
    return;
  }
  std::vector<std::string> allowed_dims = {std::string(kChildAreaDim), std::string(kMonthDim)};
  if (d.measure == "ratio") {
    if (d.record) errors["record"] = "a ratio has no record kind: it divides two indicators";
    if (!std::isfinite(d.scale) || d.scale <= 0) errors["scale"] = "must be a positive number";
    if (!d.filters.empty()) errors["filters"] = "a ratio takes the filters of its two indicators";
    std::optional<Indicator> parts[2];
    const std::pair<const char*, const std::optional<std::string>*> refs[] = {
        {"numerator", &d.numerator}, {"denominator", &d.denominator}};
    for (int i = 0; i < 2; ++i) {
      const auto& [name, ref] = refs[i];
      if (!*ref) {
        errors[name] = "required for a ratio";
        continue;
      }
      parts[i] = uow.Indicators().Get(**ref);
      if (!parts[i])
        errors[name] = "no indicator " + **ref;
      else if (parts[i]->measure == "ratio")
        errors[name] = "must not itself be a ratio";
      else if (**ref == d.code)
        errors[name] = "an indicator cannot divide itself";
    }
    if (parts[0] && parts[1]) {
      for (const auto& dim : parts[0]->dims)
        if (Has(parts[1]->dims, dim)) allowed_dims.push_back(dim);
    }
  } else {
    if (d.numerator) errors["numerator"] = "only for a ratio";
    if (d.denominator) errors["denominator"] = "only for a ratio";
    const RecordKind* kind = d.record ? FindRecordKind(*d.record) : nullptr;
    if (!kind) {
      std::vector<std::string> names;
      for (const auto& k : RecordKinds()) names.push_back(k.code);
      errors["record"] = d.record ? "must be one of " + Join(names, ", ") : "required";
      return;
    }
    if (!Has(kind->measures, d.measure))
      errors["measure"] =
          "a " + kind->code + " indicator measures one of " + Join(kind->measures, ", ");
    if (d.measure == "sum" || d.measure == "average") {
      const auto& fields = d.measure == "sum" ? kind->sum_fields : kind->average_fields;
      if (!d.field)
        errors["field"] = "required: one of " + Join(fields, ", ");
      else if (!Has(fields, *d.field))
        errors["field"] = "must be one of " + Join(fields, ", ");
    } else if (d.field) {
      errors["field"] = "only for a sum or an average";
    }
    std::set<std::string> seen;
    for (std::size_t i = 0; i < d.filters.size(); ++i) {
      const auto& f = d.filters[i];
      const std::string name = "filters[" + std::to_string(i) + "]";
      auto it = std::find_if(kind->filters.begin(), kind->filters.end(),
                             [&](const FilterField& ff) { return ff.name == f.field; });
      if (it == kind->filters.end()) {
        std::vector<std::string> names;
        for (const auto& ff : kind->filters) names.push_back(ff.name);
        errors[name + ".field"] = "a " + kind->code + " indicator filters on " + Join(names, ", ");
        continue;
      }
      if (!seen.insert(f.field).second) errors[name + ".field"] = "filtered twice";
      if (f.values.empty() || f.values.size() > 50) {
        errors[name + ".values"] = "1 to 50 values";
        continue;
      }
      if (it->boolean) {
        for (const auto& v : f.values)
          if (v != "true" && v != "false") errors[name + ".values"] = "true or false";
      } else {
        CheckFilterValues(uow, kind->code, f, name + ".values", errors);
      }
    }
    allowed_dims.insert(allowed_dims.end(), kind->dims.begin(), kind->dims.end());
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < d.dims.size(); ++i) {
    if (!Has(allowed_dims, d.dims[i]))
      errors["dims[" + std::to_string(i) + "]"] = "must be one of " + Join(allowed_dims, ", ");
    else if (!seen.insert(d.dims[i]).second)
      errors["dims[" + std::to_string(i) + "]"] = "repeated";
  }
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

void CheckTexts(const Indicator& d, FieldErrors& errors) {
  CheckName(errors, "name", d.name);
  CheckOptionalName(errors, "description", d.description, 2000);
  CheckTranslations(errors, "names", d.names);  // "names.ps", as the web form reads them
}

bool MayDefine(const Actor& actor) {
  return actor.system || actor.CanAtRoot(Permission::kIndicatorWrite);  // programme-wide
}

double Or0(const std::optional<double>& v) { return v.value_or(0); }

std::string ChildPathOf(const std::string& path, const std::string& parent_path) {
  if (path.size() <= parent_path.size()) return path;
  const auto slash = path.find('/', parent_path.size());
  return slash == std::string::npos ? path : path.substr(0, slash + 1);
}

struct Keyed {
  std::map<std::vector<std::string>, Triple> groups;
};

}  // namespace

ProgrammeSettings SettingsFrom(const std::vector<std::pair<std::string, std::string>>& rows) {
  ProgrammeSettings s;
  for (const auto& [k, v] : rows) {
    try {
      if (k == "fiscal_year_start_month")
        s.fiscal_year.start_month = std::stoi(v);
      else if (k == "fiscal_year_label")
        s.fiscal_year.named_by_start = v != "end";
      else if (k == "project_start")
        s.fiscal_year.project_start = v;
      else if (k == "light_green")
        s.light_green = std::stod(v);
      else if (k == "light_amber")
        s.light_amber = std::stod(v);
      else if (k == "dhis2_data_set")
        s.dhis2_data_set = v;
      else if (k == "dhis2_attribute_option_combo")
        s.dhis2_attribute_option_combo = v;
    } catch (const std::exception&) {
      // A malformed stored value keeps the default; SaveSettings never stores one.
    }
  }
  s.fiscal_year.today = TodayDate();
  return s;
}

std::string DisaggregationKey(std::vector<std::pair<std::string, std::string>> pairs) {
  std::sort(pairs.begin(), pairs.end());
  std::string key;
  for (const auto& [d, v] : pairs) key += (key.empty() ? "" : ";") + d + "=" + v;
  return key;
}

std::optional<double> RollUpTarget(const std::vector<Target>& targets, const std::string& path,
                                   const Period& period, const std::string& disaggregation) {
  std::optional<double> exact;
  std::set<std::string> children;
  long longest = -1;
  double longest_sum = 0;
  bool own = false;
  for (const auto& t : targets) {
    if (t.disaggregation != disaggregation) continue;
    if (t.area_path == path) {
      own = true;
      // Its days (a target of the same days named under another fiscal year counts too; the one
      // of the period's own name first).
      if (t.period_start == period.start && t.period_end == period.end &&
          (!exact || t.period == period.text))
        exact = t.value;
      // A rough span in days is enough to compare kinds (month < quarter < half < year).
      const long span =
          (std::stol(t.period_end.substr(0, 4)) * 372 + std::stol(t.period_end.substr(5, 2)) * 31 +
           std::stol(t.period_end.substr(8, 2))) -
          (std::stol(t.period_start.substr(0, 4)) * 372 +
           std::stol(t.period_start.substr(5, 2)) * 31 + std::stol(t.period_start.substr(8, 2)));
      if (span > longest) longest = span, longest_sum = 0;
      if (span == longest) longest_sum += t.value;
    } else if (t.area_path.size() > path.size() && t.area_path.compare(0, path.size(), path) == 0) {
      children.insert(ChildPathOf(t.area_path, path));
    }
  }
  if (exact) return exact;
  if (own) return longest_sum;
  if (children.empty()) return std::nullopt;
  std::optional<double> sum;
  for (const auto& c : children)
    if (auto v = RollUpTarget(targets, c, period, disaggregation)) sum = sum.value_or(0) + *v;
  return sum;
}

ProgrammeSettings IndicatorService::Settings() {
  return SettingsFrom(db_.Begin(false)->Indicators().Settings());
}

Result<ProgrammeSettings> IndicatorService::SaveSettings(const Actor& actor,
                                                         const SettingsInput& in) {
  if (!MayDefine(actor)) return Fail(Error::Forbidden());
  auto uow = db_.Begin(true);
  const auto before = SettingsFrom(uow->Indicators().Settings());
  FieldErrors errors;
  std::vector<std::pair<std::string, std::string>> changes;
  if (in.fiscal_year_start_month) {
    if (*in.fiscal_year_start_month < 1 || *in.fiscal_year_start_month > 12)
      errors["fiscal_year_start_month"] = "a month, 1 to 12";
    changes.emplace_back("fiscal_year_start_month", std::to_string(*in.fiscal_year_start_month));
  }
  if (in.fiscal_year_label) {
    CheckOneOf(errors, "fiscal_year_label", *in.fiscal_year_label, {"start", "end"});
    changes.emplace_back("fiscal_year_label", *in.fiscal_year_label);
  }
  if (in.project_start) {
    CheckPastDate(errors, "project_start", *in.project_start);
    changes.emplace_back("project_start", *in.project_start);
  }
  const double green = in.light_green.value_or(before.light_green);
  const double amber = in.light_amber.value_or(before.light_amber);
  if (in.light_green) CheckRange(errors, "light_green", green, 0, 1000);
  if (in.light_amber) CheckRange(errors, "light_amber", amber, 0, 1000);
  if (amber > green)
    errors[in.light_amber ? "light_amber" : "light_green"] = "amber must not be above green";
  if (in.light_green) changes.emplace_back("light_green", std::to_string(green));
  if (in.light_amber) changes.emplace_back("light_amber", std::to_string(amber));
  for (auto [name, value] :
       {std::pair{"dhis2_data_set", &in.dhis2_data_set},
        std::pair{"dhis2_attribute_option_combo", &in.dhis2_attribute_option_combo}}) {
    if (!*value) continue;
    if (!(*value)->empty() && !Token(**value)) errors[name] = "a DHIS2 code or UID";
    changes.emplace_back(name, **value);
  }
  if (!errors.empty()) return Fail(Error::Validation("the settings have invalid fields", errors));
  Snapshot b, a;
  const auto old = uow->Indicators().Settings();
  for (const auto& [k, v] : changes) {
    for (const auto& [ok, ov] : old)
      if (ok == k) b[k] = ov;
    a[k] = v;
    uow->Indicators().SaveSetting(k, v);
  }
  RecordAudit(uow->Audit(), actor, "update", "programme_settings", std::nullopt, std::nullopt, b,
              a);
  auto after = SettingsFrom(uow->Indicators().Settings());
  uow->Commit();
  return after;
}

std::vector<Indicator> IndicatorService::List() { return db_.Begin(false)->Indicators().List(); }

Result<Indicator> IndicatorService::Get(const std::string& code) {
  auto d = IndicatorCode(code) ? db_.Begin(false)->Indicators().Get(code) : std::nullopt;
  if (!d) return Fail(Error::NotFound("indicator"));
  return *d;
}

Result<Indicator> IndicatorService::Create(const Actor& actor, const IndicatorInput& in) {
  if (!MayDefine(actor))
    return Fail(Error::Forbidden("administrators and M&E officers define indicators"));
  auto uow = db_.Begin(true);
  Indicator d;
  d.code = in.code.value_or("");
  Apply(d, in);
  FieldErrors errors;
  if (!IndicatorCode(d.code))
    errors["code"] = "2 to 40 of A-Z, 0-9 and _, starting with a letter";
  else if (uow->Indicators().Get(d.code))
    errors["code"] = "an indicator " + d.code + " already exists";
  CheckTexts(d, errors);
  CheckDefinition(*uow, d, errors);
  if (!errors.empty())
    return Fail(Error::Validation("the indicator definition is not valid", errors));
  int position = 0;
  for (const auto& x : uow->Indicators().List()) position = std::max(position, x.position);
  d.position = position + 1;
  d.created_at = d.updated_at = NowTimestamp();
  d.created_by = d.updated_by = actor.UserId();
  uow->Indicators().Insert(d);
  RecordAudit(uow->Audit(), actor, "create", "indicator", d.code, std::nullopt, std::nullopt,
              IndicatorSnapshot(d));
  uow->Commit();
  return d;
}

Result<Indicator> IndicatorService::Update(const Actor& actor, const std::string& code,
                                           std::int64_t version, const IndicatorInput& in) {
  if (!MayDefine(actor))
    return Fail(Error::Forbidden("administrators and M&E officers define indicators"));
  auto uow = db_.Begin(true);
  auto found = IndicatorCode(code) ? uow->Indicators().Get(code) : std::nullopt;
  if (!found) return Fail(Error::NotFound("indicator"));
  if (version != found->version) return Fail(Error::Stale("indicator", found->version));
  FieldErrors errors;
  if (in.code && *in.code != code) errors["code"] = "a code cannot change";
  if (found->builtin)
    for (auto [name, given] : {std::pair{"record", in.record.has_value()},
                               {"measure", in.measure.has_value()},
                               {"field", in.field.has_value()},
                               {"numerator", in.numerator.has_value()},
                               {"denominator", in.denominator.has_value()},
                               {"scale", in.scale.has_value()},
                               {"filters", in.filters.has_value()}})
      if (given)
        errors[name] =
            "the computation of a built-in indicator cannot change; define a new indicator";
  Indicator d = *found;
  Apply(d, in);
  CheckTexts(d, errors);
  CheckDefinition(*uow, d, errors);
  if (!errors.empty())
    return Fail(Error::Validation("the indicator definition is not valid", errors));
  d.version = found->version + 1;
  d.updated_at = NowTimestamp();
  d.updated_by = actor.UserId();
  if (!uow->Indicators().Update(d, found->version))
    return Fail(Error::Stale("indicator", found->version));
  RecordAudit(uow->Audit(), actor, "update", "indicator", d.code, std::nullopt,
              IndicatorSnapshot(*found), IndicatorSnapshot(d));
  uow->Commit();
  return d;
}

Status IndicatorService::Delete(const Actor& actor, const std::string& code) {
  if (!MayDefine(actor))
    return Fail(Error::Forbidden("administrators and M&E officers define indicators"));
  auto uow = db_.Begin(true);
  auto found = IndicatorCode(code) ? uow->Indicators().Get(code) : std::nullopt;
  if (!found) return Fail(Error::NotFound("indicator"));
  if (found->builtin) return Fail(Error::Conflict("a built-in indicator cannot be deleted"));
  if (uow->Indicators().UsedInTemplates(code))
    return Fail(Error::Conflict("the indicator is used by a report template, a ratio or targets"));
  uow->Indicators().Delete(code);
  RecordAudit(uow->Audit(), actor, "delete", "indicator", code, std::nullopt,
              IndicatorSnapshot(*found), std::nullopt);
  uow->Commit();
  return {};
}

void SetAchieved(ValueRow& row, bool stock, const ProgrammeSettings& settings) {
  row.achieved.reset();
  row.light.clear();
  const auto& headline = stock ? row.cumulative : row.period;
  if (!row.target || *row.target <= 0 || !headline) return;
  row.achieved = *headline / *row.target * 100;
  row.light = *row.achieved >= settings.light_green   ? "green"
              : *row.achieved >= settings.light_amber ? "amber"
                                                      : "red";
}

std::string IndicatorUnit(const Indicator& d) {
  if (d.measure == "ratio") return d.scale == 100 ? "percent" : "ratio";
  if (d.measure == "average") return "average";
  if (d.measure == "sum") return "amount";
  return "count";
}

std::string IndicatorName(const Indicator& d, const std::string& lang) {
  return Translated(d.names, lang, d.name);
}

Result<ValueContext> IndicatorService::Context(UnitOfWork& uow, const Actor& actor,
                                               const std::string& area_id,
                                               const std::string& period, bool include_unverified,
                                               const std::string& lang) {
  ValueContext c;
  c.lang = lang;
  c.settings = SettingsFrom(uow.Indicators().Settings());
  auto area = IsValidId(area_id) ? uow.Areas().Get(area_id) : std::nullopt;
  if (!area || !actor.Sees(area->path))
    return Fail(Error::NotFound("area"));  // never leak existence
  auto p = ParsePeriod(period, c.settings.fiscal_year);
  if (!p)
    return Fail(Error::Field(
        "period", "a month (2026-10), quarter (2026Q3), half-year (2026S2), year (2026) or ptd"));
  c.area = *area;
  c.period = *p;
  c.previous = PreviousPeriod(*p, c.settings.fiscal_year);
  c.include_unverified = include_unverified;
  c.children =
      uow.Areas()
          .List(AreaQuery{
              .scope = {SubtreeRange(area->path)}, .parent_id = area->id, .page = {1000, 0}})
          .items;
  return c;
}

Result<std::vector<IndicatorValues>> IndicatorService::Evaluate(
    UnitOfWork& uow, const ValueContext& c, const std::vector<WantedValues>& wanted) {
  // 1. Definitions, and the base (non-ratio) indicators each wanted value needs.
  std::map<std::string, Indicator> defs;
  auto def = [&](const std::string& code) -> const Indicator* {
    if (auto it = defs.find(code); it != defs.end()) return &it->second;
    auto d = IndicatorCode(code) ? uow.Indicators().Get(code) : std::nullopt;
    if (!d) return nullptr;
    return &defs.emplace(code, std::move(*d)).first->second;
  };
  // (code, by) of the base indicators, in the order first needed.
  std::vector<std::pair<std::string, std::vector<std::string>>> needs;
  auto need = [&](const Indicator& d, const std::vector<std::string>& by) {
    if (std::find(needs.begin(), needs.end(), std::pair{d.code, by}) == needs.end())
      needs.emplace_back(d.code, by);
  };
  for (const auto& w : wanted) {
    const Indicator* d = def(w.code);
    if (!d) return Fail(Error::Field("indicator", "no indicator " + w.code));
    for (const auto& dim : w.by)
      if (!Has(d->dims, dim) && dim != kChildAreaDim && dim != kMonthDim)
        return Fail(Error::Field("by", w.code + " cannot be disaggregated by " + dim + " (only " +
                                           Join(d->dims, ", ") + ")"));
    for (const auto* by : {&w.by, static_cast<const std::vector<std::string>*>(nullptr)}) {
      const std::vector<std::string> grouping = by ? *by : std::vector<std::string>{};
      if (d->measure == "ratio") {
        const Indicator* n = def(*d->numerator);
        const Indicator* m = def(*d->denominator);
        if (!n || !m)
          return Fail(Error::Internal("ratio " + d->code + " refers to a missing indicator"));
        need(*n, grouping);
        need(*m, grouping);
      } else {
        need(*d, grouping);
      }
    }
  }
  // (record, by) -> codes measured in one query. When a total's groups are computed anyway (a
  // report asks for both), the total is added up from them rather than queried again: every
  // record lies in one child area, so a count's or a sum's total is the sum of its child areas';
  // every person (household) has one sex, age band, ... (band), so a distinct count's total is
  // the sum of its groups by such attributes of the person (household) it counts.
  const std::vector<std::string> by_child = {std::string(kChildAreaDim)};
  // The groups a distinct total may be added up from: by attributes of what it counts.
  auto attribute_groups = [&](const Indicator& d, const std::vector<std::string>& by) {
    const RecordKind* kind = FindRecordKind(*d.record);
    if (!kind || by.empty() ||
        (d.measure != "distinct_people" && d.measure != "distinct_households"))
      return false;
    const auto& attributes =
        d.measure == "distinct_people" ? kind->person_dims : kind->household_dims;
    return std::all_of(by.begin(), by.end(),
                       [&](const std::string& dim) { return Has(attributes, dim); });
  };
  // A distinct total without such groups of its own is measured in another indicator's
  // statement of the same record kind that has them (one more measure there, one statement less).
  for (std::size_t i = 0, n = needs.size(); i < n; ++i) {
    const auto [code, by] = needs[i];
    const Indicator& d = defs.at(code);
    auto own = [&](const std::pair<std::string, std::vector<std::string>>& x) {
      return x.first == code && attribute_groups(d, x.second);
    };
    if (!by.empty() || std::any_of(needs.begin(), needs.end(), own)) continue;
    for (std::size_t j = 0; j < n; ++j)
      if (*defs.at(needs[j].first).record == *d.record && attribute_groups(d, needs[j].second)) {
        need(d, needs[j].second);
        break;
      }
  }
  std::map<std::pair<std::string, std::vector<std::string>>, std::vector<std::string>> plans;
  std::vector<std::pair<std::string, std::vector<std::string>>> summed;  // total's code, from by
  for (const auto& [code, by] : needs) {
    const Indicator& d = defs.at(code);
    std::optional<std::vector<std::string>> from;
    if (by.empty() && (d.measure == "count" || d.measure == "sum") &&
        std::find(needs.begin(), needs.end(), std::pair{code, by_child}) != needs.end())
      from = by_child;
    if (by.empty())
      for (const auto& [other, other_by] : needs)
        if (other == code && attribute_groups(d, other_by)) {
          from = other_by;
          break;
        }
    if (from)
      summed.emplace_back(code, *from);
    else
      plans[{*d.record, by}].push_back(code);
  }
  // 2. One query per plan.
  Window window{c.settings.fiscal_year.project_start, c.period.start, c.period.end,
                c.previous ? c.previous->start : "", c.previous ? c.previous->end : ""};
  std::size_t child_len = 0;
  for (const auto& ch : c.children) child_len = ch.path.size();
  std::vector<ComputeRequest> requests;
  for (const auto& [key, codes] : plans) {
    ComputeRequest r;
    r.record = key.first;
    r.scope_path = c.area.path;
    r.child_path_length = child_len ? child_len : c.area.path.size();
    r.window = window;
    r.include_unverified = c.include_unverified;
    r.by = key.second;
    for (const auto& code : codes) {
      const Indicator& d = defs.at(code);
      r.measures.push_back({d.measure, d.field, d.filters});
    }
    requests.push_back(std::move(r));
  }
  const auto results = ComputeAll(uow, db_, requests);
  std::map<std::pair<std::string, std::vector<std::string>>, Keyed> computed;  // (code, by)
  std::size_t at = 0;
  for (const auto& [key, codes] : plans) {
    const auto& groups = results[at++];
    for (std::size_t m = 0; m < codes.size(); ++m) {
      auto& into = computed[{codes[m], key.second}];
      for (const auto& g : groups) into.groups[g.keys] = g.values[m];
    }
  }
  for (const auto& [code, from] : summed) {
    Triple& total = computed[{code, {}}].groups[{}];
    auto add = [](std::optional<double>& into, const std::optional<double>& v) {
      if (v) into = into.value_or(0) + *v;
    };
    for (const auto& [keys, t] : computed[{code, from}].groups) {
      add(total.period, t.period);
      add(total.cumulative, t.cumulative);
      add(total.previous, t.previous);
    }
  }
  // 3. Values, ratios, targets.
  auto triple = [&](const Indicator& d, const std::vector<std::string>& by,
                    const std::vector<std::string>& keys) -> Triple {
    auto get = [&](const Indicator& x) -> Triple {
      Triple t;
      auto it = computed.find({x.code, by});
      if (it != computed.end())
        if (auto g = it->second.groups.find(keys); g != it->second.groups.end()) t = g->second;
      if (x.measure != "average") {
        t.period = Or0(t.period);
        t.cumulative = Or0(t.cumulative);
        if (c.previous) t.previous = Or0(t.previous);
      }
      return t;
    };
    if (d.measure != "ratio") return get(d);
    const Triple n = get(defs.at(*d.numerator)), m = get(defs.at(*d.denominator));
    auto div = [&](const std::optional<double>& a,
                   const std::optional<double>& b) -> std::optional<double> {
      if (!a || !b || *b == 0) return std::nullopt;
      return *a / *b * d.scale;
    };
    return {div(n.period, m.period), div(n.cumulative, m.cumulative), div(n.previous, m.previous)};
  };
  std::map<std::string, std::vector<Target>> targets;
  auto targets_of = [&](const std::string& code) -> const std::vector<Target>& {
    auto it = targets.find(code);
    if (it == targets.end())
      it = targets
               .emplace(code, uow.Targets().Within(code, c.area.path, c.period.start, c.period.end))
               .first;
    return it->second;
  };
  std::map<std::string, std::string> child_id;  // path -> id
  for (const auto& ch : c.children) child_id[ch.path] = ch.id;

  std::map<std::string, std::map<std::string, std::string>> labels;  // dim -> value -> name
  auto label = [&](const std::string& dim, const std::string& value) {
    auto it = labels.find(dim);
    if (it == labels.end()) it = labels.emplace(dim, DimensionLabels(uow, dim, c.lang, c)).first;
    auto l = it->second.find(value);
    return l == it->second.end() ? value : l->second;
  };
  std::vector<IndicatorValues> out;
  for (const auto& w : wanted) {
    const Indicator& d = defs.at(w.code);
    IndicatorValues v;
    v.indicator = d;
    v.unit = IndicatorUnit(d);
    v.stock =
        StockOf(d.measure == "ratio" ? defs.at(*d.numerator) : d);  // a ratio: its numerator's
    v.by = w.by;
    const auto& ts = targets_of(d.code);
    auto finish = [&](ValueRow& row, const std::string& path, const std::string& disaggregation) {
      row.target = RollUpTarget(ts, path, c.period, disaggregation);
      SetAchieved(row, v.stock, c.settings);
    };
    const Triple t = triple(d, {}, {});
    v.total = {{}, {}, t.period, t.cumulative, t.previous};
    finish(v.total, c.area.path, "");
    if (!w.by.empty()) {
      std::set<std::vector<std::string>> keys;
      auto collect = [&](const std::string& code) {
        if (auto it = computed.find({code, w.by}); it != computed.end())
          for (const auto& [k, _] : it->second.groups) keys.insert(k);
      };
      if (d.measure == "ratio") {
        collect(*d.numerator);
        collect(*d.denominator);
      } else {
        collect(d.code);
      }
      const bool by_child = w.by.size() == 1 && w.by[0] == kChildAreaDim;
      if (by_child)
        for (const auto& ch : c.children) keys.insert({ch.path});
      for (const auto& k : keys) {
        const Triple g = triple(d, w.by, k);
        ValueRow row{k, {}, g.period, g.cumulative, g.previous};
        if (by_child) {
          auto it = child_id.find(k[0]);
          row.keys = {it != child_id.end() ? it->second : c.area.id};
          finish(row, k[0], "");
        } else if (std::find(w.by.begin(), w.by.end(), kChildAreaDim) == w.by.end() &&
                   std::find(w.by.begin(), w.by.end(), kMonthDim) == w.by.end()) {
          std::vector<std::pair<std::string, std::string>> pairs;
          for (std::size_t i = 0; i < w.by.size(); ++i) pairs.emplace_back(w.by[i], k[i]);
          finish(row, c.area.path, DisaggregationKey(pairs));
        }
        for (std::size_t i = 0; i < w.by.size() && i < row.keys.size(); ++i)
          row.labels.push_back(label(w.by[i], row.keys[i]));
        v.rows.push_back(std::move(row));
      }
      // Age bands in age order, not text order.
      for (std::size_t i = 0; i < w.by.size(); ++i) {
        if (w.by[i] != "age_band") continue;
        static const std::vector<std::string> order = {"0-4",   "5-11", "12-17",
                                                       "18-59", "60+",  "unknown"};
        auto rank = [&](const ValueRow& r) {
          return std::find(order.begin(), order.end(), r.keys[i]) - order.begin();
        };
        std::stable_sort(v.rows.begin(), v.rows.end(), [&](const ValueRow& a, const ValueRow& b) {
          for (std::size_t j = 0; j < i; ++j)
            if (a.keys[j] != b.keys[j]) return a.keys[j] < b.keys[j];
          return rank(a) < rank(b);
        });
      }
    }
    out.push_back(std::move(v));
  }
  return out;
}

Result<std::pair<ValueContext, IndicatorValues>> IndicatorService::Values(
    const Actor& actor, const std::string& code, const std::string& area_id,
    const std::string& period, const std::vector<std::string>& by, bool include_unverified,
    const std::string& lang) {
  auto uow = db_.Begin(false);
  if (!IndicatorCode(code) || !uow->Indicators().Get(code))
    return Fail(Error::NotFound("indicator"));
  if (by.size() > 3) return Fail(Error::Field("by", "at most 3 disaggregations at once"));
  auto c = Context(*uow, actor, area_id, period, include_unverified, lang);
  if (!c) return Fail(c.error());
  auto v = Evaluate(*uow, *c, {{code, by}});
  if (!v) return Fail(v.error());
  return std::make_pair(std::move(*c), std::move(v->front()));
}

Result<std::vector<RecordRef>> IndicatorService::Records(
    const Actor& actor, const std::string& code, const std::string& area_id,
    const std::string& period, const std::string& column,
    const std::vector<std::pair<std::string, std::string>>& group, bool include_unverified,
    PageRequest page) {
  auto uow = db_.Begin(false);
  auto d = IndicatorCode(code) ? uow->Indicators().Get(code) : std::nullopt;
  if (!d) return Fail(Error::NotFound("indicator"));
  if (d->measure == "ratio")
    return Fail(Error::Field("indicator", "a ratio has no records of its own: open its numerator " +
                                              *d->numerator + " or denominator " +
                                              *d->denominator));
  if (column != "period" && column != "cumulative")
    return Fail(Error::Field("column", "period or cumulative"));
  auto c = Context(*uow, actor, area_id, period, include_unverified);
  if (!c) return Fail(c.error());
  ComputeRequest r;
  r.record = *d->record;
  r.scope_path = c->area.path;
  r.child_path_length = c->children.empty() ? c->area.path.size() : c->children.front().path.size();
  r.window = {c->settings.fiscal_year.project_start, c->period.start, c->period.end, "", ""};
  r.include_unverified = include_unverified;
  r.hide_sensitive = !actor.Can(Permission::kFeedbackSensitive, c->area.path);
  r.measures.push_back({d->measure, d->field, d->filters});
  for (const auto& [dim, value] : group) {
    if (!Has(d->dims, dim) && dim != kChildAreaDim && dim != kMonthDim)
      return Fail(Error::Field("group", code + " has no dimension " + dim));
    if (dim == kChildAreaDim) {
      auto it = std::find_if(c->children.begin(), c->children.end(),
                             [&](const Area& a) { return a.id == value; });
      if (it == c->children.end()) return Fail(Error::Field("group", "no child area " + value));
      r.where_group.emplace_back(dim, it->path);
    } else {
      r.where_group.emplace_back(dim, value);
    }
  }
  return uow->Indicators().Records(r, column, page.limit, static_cast<int>(page.offset));
}

}  // namespace mobilise::domain
