// IndicatorService's evaluation use cases: the context of an area and period, many indicators'
// values planned together (indicator_plan.hpp), run in parallel and turned into rows
// (indicator_values.hpp), and the records behind a number.
#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>

#include "core/id.hpp"
#include "domain/areas/area_scope.hpp"
#include "domain/indicators/dimension_labels.hpp"
#include "domain/indicators/indicator_rules.hpp"
#include "domain/indicators/indicator_service.hpp"
#include "domain/indicators/indicator_values.hpp"
#include "domain/indicators/record_kinds.hpp"

namespace mobilise::domain {
namespace {

// The groups of every request, in order: computed on `uow` and at the same time on as many more
// read units as there are spare cores and free connections (none is waited for), each taking
// the next request not yet taken. A read unit runs each statement on its own snapshot anyway
// (see UnitOfWorkFactory::Begin), so spreading them changes no figure's consistency.
std::vector<std::vector<ComputedGroup>> ComputeAll(UnitOfWork& uow, UnitOfWorkFactory& db,
                                                   const std::vector<PlannedRequest>& requests) {
  std::vector<std::vector<ComputedGroup>> out(requests.size());
  std::atomic<std::size_t> next{0};
  auto work = [&](UnitOfWork& u) {
    for (std::size_t i; (i = next++) < requests.size();)
      out[i] = u.Indicators().Compute(requests[i].request);
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

// The definitions of the wanted indicators and of their ratios' parts (what does not exist is
// left out: the planner says so).
std::map<std::string, Indicator> DefinitionsOf(UnitOfWork& uow,
                                               const std::vector<WantedValues>& wanted) {
  std::map<std::string, Indicator> defs;
  auto load = [&](const std::string& code) -> const Indicator* {
    if (auto it = defs.find(code); it != defs.end()) return &it->second;
    auto d = IsIndicatorCode(code) ? uow.Indicators().Get(code) : std::nullopt;
    return d ? &defs.emplace(code, std::move(*d)).first->second : nullptr;
  };
  for (const auto& w : wanted) {
    const Indicator* d = load(w.code);
    if (!d || d->measure != "ratio") continue;
    const auto numerator = d->numerator, denominator = d->denominator;
    if (numerator) load(*numerator);
    if (denominator) load(*denominator);
  }
  return defs;
}

ValuesAsked AskedOf(const ValueContext& c, const std::vector<WantedValues>& wanted) {
  ValuesAsked in{wanted, c.area.path, {}, {}, c.include_unverified};
  for (const auto& ch : c.children) in.child_paths.push_back(ch.path);
  in.window = {c.settings.fiscal_year.project_start, c.period.start, c.period.end,
               c.previous ? c.previous->start : "", c.previous ? c.previous->end : ""};
  return in;
}

}  // namespace

Result<ValueContext> IndicatorService::Context(UnitOfWork& uow, const Actor& actor,
                                               const std::string& area_id,
                                               const std::string& period, bool include_unverified,
                                               const std::string& lang) {
  ValueContext c;
  c.lang = lang;
  c.settings = SettingsFrom(uow.Indicators().Settings(), clock_.Today());
  auto area = VisibleArea(uow.Areas(), actor, area_id);
  if (!area) return Fail(Error::NotFound("area"));  // never leak existence
  auto p = ParsePeriod(period, c.settings.fiscal_year);
  if (!p) return Fail(Error::Field("period", problem::NotAPeriodOrPtd()));
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
  const auto defs = DefinitionsOf(uow, wanted);
  auto plan = PlanValues(defs, AskedOf(c, wanted));
  if (!plan) return Fail(plan.error());
  const ComputedValues computed = CombineResults(*plan, ComputeAll(uow, db_, plan->requests));
  std::map<std::string, std::vector<Target>> targets;                // code ->
  std::map<std::string, std::map<std::string, std::string>> labels;  // dim -> value -> name
  const ValueSources sources{
      c, defs, computed,
      [&](const std::string& code) -> const std::vector<Target>& {
        auto it = targets.find(code);
        if (it == targets.end())
          it = targets
                   .emplace(code,
                            uow.Targets().Within(code, c.area.path, c.period.start, c.period.end))
                   .first;
        return it->second;
      },
      [&](const std::string& dim, const std::string& value) {
        auto it = labels.find(dim);
        if (it == labels.end())
          it = labels.emplace(dim, DimensionLabels(uow, dim, c.lang, c)).first;
        auto l = it->second.find(value);
        return l == it->second.end() ? value : l->second;
      }};
  std::vector<IndicatorValues> out;
  for (const auto& w : wanted) out.push_back(ValuesOf(w, sources));
  return out;
}

Result<std::pair<ValueContext, IndicatorValues>> IndicatorService::Values(
    const Actor& actor, const std::string& code, const std::string& area_id,
    const std::string& period, const std::vector<std::string>& by, bool include_unverified,
    const std::string& lang) {
  auto uow = db_.Begin(false);
  if (!IsIndicatorCode(code) || !uow->Indicators().Get(code))
    return Fail(Error::NotFound("indicator"));
  if (by.size() > 3) return Fail(Error::Field("by", problem::AtMost(3, "disaggregations_at_once")));
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
  auto d = IsIndicatorCode(code) ? uow->Indicators().Get(code) : std::nullopt;
  if (!d) return Fail(Error::NotFound("indicator"));
  if (d->measure == "ratio")
    return Fail(
        Error::Field("indicator", problem::RatioHasNoRecords(*d->numerator, *d->denominator)));
  if (column != "period" && column != "cumulative")
    return Fail(Error::Field("column", problem::PeriodOrCumulative()));
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
    if (!MayDisaggregate(*d, dim))
      return Fail(Error::Field("group", problem::NoDimension(code, "dimension", dim)));
    if (dim == kChildAreaDim) {
      auto it = std::find_if(c->children.begin(), c->children.end(),
                             [&value = value](const Area& a) { return a.id == value; });
      if (it == c->children.end()) return Fail(Error::Field("group", problem::NoChildArea(value)));
      r.where_group.emplace_back(dim, it->path);
    } else {
      r.where_group.emplace_back(dim, value);
    }
  }
  return uow->Indicators().Records(r, column, page.limit, static_cast<int>(page.offset));
}

}  // namespace mobilise::domain
