#include "domain/reports/report_service.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/clock.hpp"
#include "core/id.hpp"
#include "domain/areas/area_scope.hpp"
#include "domain/idempotency/idempotency.hpp"
#include "domain/indicators/dimension_labels.hpp"
#include "domain/reports/report_rules.hpp"
#include "domain/validation.hpp"
#include "domain/versioned.hpp"

namespace mobilise::domain {
namespace {

const std::map<std::string, PeriodKind> kKinds = {{"month", PeriodKind::kMonth},
                                                  {"quarter", PeriodKind::kQuarter},
                                                  {"half", PeriodKind::kHalf},
                                                  {"year", PeriodKind::kYear}};

Snapshot ReportSnapshot(const Report& r) {
  return Snapshot{{"template", r.template_code},
                  {"area_id", r.area_id},
                  {"period", r.period},
                  {"status", std::string(ReportStatusName(r.status))},
                  {"achievements", r.achievements},
                  {"challenges", r.challenges},
                  {"lessons", r.lessons},
                  {"recommendations", r.recommendations},
                  {"next_plan", r.next_plan},
                  {"return_comment", r.return_comment},
                  {"stories", std::to_string(r.stories.size())},
                  {"include_unverified", r.include_unverified ? "true" : "false"}};
}

}  // namespace

std::string GroupKey(const std::vector<std::string>& by, const std::vector<std::string>& keys) {
  if (by.size() == 1 && by[0] == "child_area") return "child=" + keys.at(0);
  std::vector<std::pair<std::string, std::string>> pairs;
  for (std::size_t i = 0; i < by.size() && i < keys.size(); ++i) pairs.emplace_back(by[i], keys[i]);
  return DisaggregationKey(std::move(pairs));
}

std::map<std::string, std::string> ParseGroupKey(const std::string& group) {
  std::map<std::string, std::string> parts;
  if (group.starts_with("child=")) {
    parts["child_area"] = group.substr(6);
    return parts;
  }
  std::size_t start = 0;
  while (start < group.size()) {
    std::size_t end = group.find(';', start);
    if (end == std::string::npos) end = group.size();
    const std::string piece = group.substr(start, end - start);
    if (auto eq = piece.find('='); eq != std::string::npos)
      parts[piece.substr(0, eq)] = piece.substr(eq + 1);
    start = end + 1;
  }
  return parts;
}

const StoredValue* ApprovedRow(const ReportContent& c, const std::string& code,
                               const std::vector<std::string>& by,
                               const std::vector<std::string>& keys) {
  if (c.approved.empty()) return nullptr;
  auto it = c.approved.find({code, by.empty() ? std::string() : GroupKey(by, keys)});
  return it == c.approved.end() ? nullptr : &it->second;
}

bool ApprovedDiffers(const StoredValue* a, const ValueRow& live, bool stock) {
  const auto& y = stock ? live.cumulative : live.period;
  if (!a) return y.has_value();
  const auto& x = stock ? a->cumulative : a->period;
  if (!x || !y) return x.has_value() != y.has_value();
  return std::abs(*x - *y) > 1e-9 * std::max(1.0, std::abs(*y));
}

namespace {

// An approved report keeps every row it was approved with: a group the records no longer have
// (say the only man's attendance was corrected away) comes back as a row without live numbers,
// so that its approved figure still shows. Groups approved under another disaggregation (the
// template changed since) are left out.
void KeepApprovedRows(UnitOfWork& uow, const ReportContent& c, IndicatorValues& v,
                      const std::vector<std::string>& by) {
  std::set<std::string> live;
  for (const auto& row : v.rows) live.insert(GroupKey(by, row.keys));
  std::map<std::string, std::map<std::string, std::string>> labels;  // dimension -> value -> label
  for (auto it = c.approved.lower_bound({v.indicator.code, ""});
       it != c.approved.end() && it->first.first == v.indicator.code; ++it) {
    const std::string& group = it->first.second;
    if (group.empty() || live.contains(group)) continue;
    const auto parts = ParseGroupKey(group);
    if (parts.size() != by.size()) continue;
    ValueRow row;
    for (const auto& dim : by) {
      auto part = parts.find(dim);
      if (part == parts.end()) break;
      auto& names = labels.try_emplace(dim).first->second;
      if (names.empty()) names = DimensionLabels(uow, dim, c.context.lang, c.context);
      auto name = names.find(part->second);
      row.keys.push_back(part->second);
      row.labels.push_back(name == names.end() ? part->second : name->second);
    }
    if (row.keys.size() == by.size() && GroupKey(by, row.keys) == group)
      v.rows.push_back(std::move(row));
  }
}

}  // namespace

Result<Page<Report>> ReportService::List(const Actor& actor,
                                         const std::optional<std::string>& area_id,
                                         const std::optional<std::string>& template_code,
                                         const std::optional<std::string>& status,
                                         PageRequest page) {
  auto uow = db_.Begin(false);
  ReportQuery q;
  q.scope = actor.Scope(Permission::kAreaRead);
  q.template_code = template_code;
  q.status = status;
  if (area_id) {
    auto area = VisibleArea(uow->Areas(), actor, *area_id, "area");
    if (!area) return Fail(area.error());
    q.area_path = area->path;
  }
  return uow->Reports().List(q, page);
}

Result<ReportContent> ReportService::Content(UnitOfWork& uow, const Actor& actor, Report report,
                                             const std::string& lang, bool read_approved) {
  ReportContent c;
  auto templates = uow.Reports().Templates();
  const ReportTemplate* t = FindTemplate(templates, report.template_code);
  if (!t) return Fail(Error::Internal("report template " + report.template_code + " is missing"));
  c.report_template = *t;
  auto ctx = indicators_.Context(uow, actor, report.area_id, report.period,
                                 report.include_unverified, lang);
  if (!ctx) return Fail(ctx.error());
  // The fiscal year changed since the report was made: it keeps the months it was made for (its
  // dates, which its readers have seen and may have approved), and compares with the months just
  // before them.
  if (!report.period_start.empty() && ctx->period.kind != PeriodKind::kProjectToDate &&
      (ctx->period.start != report.period_start || ctx->period.end != report.period_end)) {
    ctx->period.start = report.period_start;
    ctx->period.end = report.period_end;
    if (ctx->previous) ctx->previous = MonthsBefore(ctx->period);
  }
  c.context = *ctx;
  std::vector<WantedValues> wanted;
  for (const auto& item : t->items) {
    wanted.push_back({item.indicator_code, item.by});
    wanted.push_back({item.indicator_code, {"child_area"}});
  }
  auto values = indicators_.Evaluate(uow, c.context, wanted);
  if (!values) return Fail(values.error());
  for (std::size_t i = 0; i < t->items.size(); ++i) {
    const auto& item = t->items[i];
    if (i == 0 || t->items[i - 1].section != item.section)
      c.sections.push_back({SectionTitle(*t, item.section, lang), {}});
    c.sections.back().items.push_back(
        {std::move((*values)[2 * i]), std::move((*values)[2 * i + 1])});
  }
  if (read_approved && report.status == ReportStatus::kApproved) {
    for (auto& v : uow.Reports().Values(report.id)) c.approved[{v.indicator_code, v.group_key}] = v;
    for (auto& s : c.sections)
      for (auto& item : s.items) {
        KeepApprovedRows(uow, c, item.values, item.values.by);
        KeepApprovedRows(uow, c, item.children, {"child_area"});
      }
  }
  c.events = uow.Reports().Events(report.id);
  c.report = std::move(report);
  return c;
}

Result<ReportContent> ReportService::Create(const Actor& actor, const ReportInput& in,
                                            const std::string& lang) {
  auto uow = db_.Begin(true);
  if (auto ok = ClaimRecordId(*uow, RecordTable::kReport, in.id); !ok) return Fail(ok.error());
  FieldErrors errors;
  const std::string id = NewRecordId(in.id, "id", errors);
  auto templates = uow->Reports().Templates();
  const ReportTemplate* t = FindTemplate(templates, in.template_code);
  if (!t) errors["template_code"] = problem::NoSuch("report_template");
  auto area = VisibleArea(uow->Areas(), actor, in.area_id, "area_id");
  if (!area) return Fail(area.error());
  if (!actor.Can(Permission::kReportWrite, area->path))
    return Fail(Error::Forbidden(
        "progress reports are written by officers, managers, M&E officers and administrators"));
  const auto settings = SettingsFrom(uow->Indicators().Settings(), clock_.Today());
  auto period = ParsePeriod(in.period, settings.fiscal_year);
  if (!period)
    errors["period"] = problem::NotAPeriod();
  else if (t && kKinds.at(t->period_kind) != period->kind)
    errors["period"] = problem::PeriodKindOfTemplate(t->name, t->period_kind);
  if (!errors.empty()) return Fail(Error::Validation("the report cannot be created", errors));
  if (uow->Reports().Find(t->code, area->id, period->text))
    return Fail(Error::Conflict("a " + t->name + " of this area and period exists already"));
  Report r;
  r.id = id;
  r.template_code = t->code;
  r.area_id = area->id;
  r.area_path = area->path;
  r.area_name = area->name;
  r.period = period->text;
  r.period_start = period->start;
  r.period_end = period->end;
  r.include_unverified = in.include_unverified;
  r.created_at = r.updated_at = clock_.Timestamp();
  r.created_by = r.updated_by = actor.UserId();
  uow->Reports().Insert(r);
  uow->Reports().AddEvent(
      {NewId(), r.id, r.created_at, "created", actor.UserId(), std::nullopt, std::nullopt});
  RecordAudit(uow->Audit(), clock_, actor, "create", "report", r.id, r.area_path, std::nullopt,
              ReportSnapshot(r));
  auto content = Content(*uow, actor, r, lang);
  if (!content) return Fail(content.error());
  uow->Commit();
  return content;
}

Result<ReportContent> ReportService::Get(const Actor& actor, const std::string& id,
                                         const std::string& lang) {
  auto uow = db_.Begin(false);
  auto r = IsValidId(id) ? uow->Reports().Get(id) : std::nullopt;
  if (!r || !actor.Sees(r->area_path)) return Fail(Error::NotFound("report"));
  return Content(*uow, actor, std::move(*r), lang);
}

ReportService::Dhis2Config ReportService::Dhis2() {
  auto uow = db_.Begin(false);
  return {uow->Reports().OrgUnits(), uow->Reports().Mappings(), uow->Reports().Categories()};
}

Result<ReportService::Dhis2Config> ReportService::SaveDhis2(const Actor& actor,
                                                            const Dhis2Config& c) {
  if (!actor.system && !actor.CanAtRoot(Permission::kIndicatorWrite))
    return Fail(Error::Forbidden("administrators and M&E officers keep the DHIS2 mapping"));
  auto uow = db_.Begin(true);
  FieldErrors errors;
  auto token = [](const std::string& t) {
    return !t.empty() && t.size() <= 64 && std::all_of(t.begin(), t.end(), [](char ch) {
      return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-' || ch == '.';
    });
  };
  for (std::size_t i = 0; i < c.org_units.size(); ++i) {
    const auto& [area_id, unit] = c.org_units[i];
    if (!IsValidId(area_id) || !uow->Areas().Get(area_id))
      errors["org_units[" + std::to_string(i) + "].area_id"] = problem::NoSuch("area");
    if (!token(unit))
      errors["org_units[" + std::to_string(i) + "].org_unit"] = problem::Dhis2CodeOrUid();
  }
  for (std::size_t i = 0; i < c.mappings.size(); ++i) {
    const auto& m = c.mappings[i];
    const std::string f = "mappings[" + std::to_string(i) + "]";
    if (!uow->Indicators().Get(m.indicator_code))
      errors[f + ".indicator_code"] = problem::NoSuch("indicator");
    if (!token(m.data_element)) errors[f + ".data_element"] = problem::Dhis2CodeOrUid();
    if (!m.category_option_combo.empty() && !token(m.category_option_combo))
      errors[f + ".category_option_combo"] = problem::Dhis2CodeOrUid();
  }
  for (std::size_t i = 0; i < c.categories.size(); ++i) {
    const auto& k = c.categories[i];
    const std::string f = "categories[" + std::to_string(i) + "]";
    const bool xml_name =
        !k.category.empty() &&
        std::all_of(
            k.category.begin(), k.category.end(),
            [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_'; }) &&
        !std::isdigit(static_cast<unsigned char>(k.category[0]));
    if (!xml_name) errors[f + ".category"] = problem::AdxName();
    if (!token(k.option_code)) errors[f + ".option_code"] = problem::Dhis2Code();
  }
  if (!errors.empty()) return Fail(Error::Validation("the DHIS2 mapping is not valid", errors));
  uow->Reports().ReplaceDhis2(c.org_units, c.mappings, c.categories);
  RecordAudit(uow->Audit(), clock_, actor, "update", "dhis2_mapping", std::nullopt, std::nullopt,
              std::nullopt,
              Snapshot{{"org_units", std::to_string(c.org_units.size())},
                       {"mappings", std::to_string(c.mappings.size())},
                       {"categories", std::to_string(c.categories.size())}});
  uow->Commit();
  return c;
}

Result<ReportContent> ReportService::Update(const Actor& actor, const std::string& id,
                                            std::int64_t version, const ReportPatch& p,
                                            const std::string& lang) {
  auto uow = db_.Begin(true);
  auto found = IsValidId(id) ? uow->Reports().Get(id) : std::nullopt;
  if (!found || !actor.Sees(found->area_path)) return Fail(Error::NotFound("report"));
  if (!actor.Can(Permission::kReportWrite, found->area_path)) return Fail(Error::Forbidden());
  if (version != found->version) return Fail(Error::Stale("report", found->version));
  if (!ReportEditable(found->status))
    return Fail(Error::Conflict("a " + std::string(ReportStatusName(found->status)) +
                                " report cannot change; it can be returned by its approver"));
  Report r = *found;
  FieldErrors errors;
  const std::pair<const char*,
                  std::pair<const std::optional<std::string>*, std::optional<std::string>*>>
      texts[] = {{"achievements", {&p.achievements, &r.achievements}},
                 {"challenges", {&p.challenges, &r.challenges}},
                 {"lessons", {&p.lessons, &r.lessons}},
                 {"recommendations", {&p.recommendations, &r.recommendations}},
                 {"next_plan", {&p.next_plan, &r.next_plan}}};
  for (const auto& [name, io] : texts) {
    if (!*io.first) continue;
    CheckOptionalName(errors, name, **io.first, 20000);
    *io.second = NonEmpty(**io.first);
  }
  if (p.include_unverified) r.include_unverified = *p.include_unverified;
  if (p.stories) {
    if (p.stories->size() > 20) errors["stories"] = problem::AtMost(20, "stories");
    r.stories.clear();
    for (std::size_t i = 0; i < p.stories->size(); ++i) {
      Story s = (*p.stories)[i];
      const std::string f = "stories[" + std::to_string(i) + "]";
      CheckName(errors, f + ".title", s.title);
      CheckName(errors, f + ".body", s.body, 20000);
      if (s.file_ids.size() > 10) errors[f + ".file_ids"] = problem::AtMost(10, "photos");
      for (const auto& fid : s.file_ids) {
        auto file = IsValidId(fid) ? uow->Activities().GetFile(fid) : std::nullopt;
        auto a = file && file->record == "activity" ? uow->Activities().Get(file->record_id)
                                                    : std::nullopt;
        if (!a || !actor.Sees(a->area_path) || !PathWithin(a->area_path, r.area_path))
          errors[f + ".file_ids"] = problem::NoSuchFileOfArea();
        else if (file->mime != "image/jpeg" && file->mime != "image/png")
          errors[f + ".file_ids"] = problem::NotAPhoto();
      }
      s.id = NewId();
      s.position = static_cast<int>(i + 1);
      r.stories.push_back(std::move(s));
    }
  }
  if (!errors.empty()) return Fail(Error::Validation("the report has invalid fields", errors));
  NextVersion(r, *found, actor, clock_.Timestamp());
  if (!uow->Reports().Update(r, found->version))
    return Fail(Error::Stale("report", found->version));
  uow->Reports().AddEvent(
      {NewId(), r.id, r.updated_at, "edited", actor.UserId(), std::nullopt, std::nullopt});
  RecordAudit(uow->Audit(), clock_, actor, "update", "report", r.id, r.area_path,
              ReportSnapshot(*found), ReportSnapshot(r));
  auto content = Content(*uow, actor, r, lang);
  if (!content) return Fail(content.error());
  uow->Commit();
  return content;
}

namespace {

// What the workflow rules need to know of `actor` for `r` and `action`. The next level up is the
// parent of the report's area (the area itself for a top-level one), read only for an approver.
ReportCaller CallerOf(UnitOfWork& uow, const Actor& actor, const Report& r, ReportAction action) {
  ReportCaller caller;
  if (ReportRoleFor(action) == ReportRole::kWriter) {
    caller.writes_area = actor.Can(Permission::kReportWrite, r.area_path);
    return caller;
  }
  auto area = uow.Areas().Get(r.area_id);
  auto parent = area && area->parent_id ? uow.Areas().Get(*area->parent_id) : std::nullopt;
  const std::string& over = parent ? parent->path : r.area_path;
  caller.approves_above = actor.system || actor.Can(Permission::kReportApprove, over);
  caller.is_author =
      actor.UserId() && (actor.UserId() == r.submitted_by || actor.UserId() == r.created_by);
  return caller;
}

// Every total, disaggregation and child area's value of `content`, once each, as approved.
std::vector<StoredValue> FrozenValues(const ReportContent& content) {
  std::vector<StoredValue> values;
  std::set<std::pair<std::string, std::string>> seen;
  auto store = [&](const IndicatorValues& v, const std::string& group, const ValueRow& row) {
    if (seen.insert({v.indicator.code, group}).second)
      values.push_back(
          {v.indicator.code, group, row.period, row.cumulative, row.previous, row.target});
  };
  for (const auto& s : content.sections)
    for (const auto& item : s.items) {
      store(item.values, "", item.values.total);
      for (const auto& row : item.values.rows)
        store(item.values, GroupKey(item.values.by, row.keys), row);
      for (const auto& row : item.children.rows)
        store(item.children, GroupKey({"child_area"}, row.keys), row);
    }
  return values;
}

}  // namespace

Result<ReportContent> ReportService::Transition(const Actor& actor, const std::string& id,
                                                std::int64_t version, ReportAction action,
                                                const std::optional<std::string>& note,
                                                const std::string& lang) {
  auto uow = db_.Begin(true);
  auto found = IsValidId(id) ? uow->Reports().Get(id) : std::nullopt;
  if (!found || !actor.Sees(found->area_path)) return Fail(Error::NotFound("report"));
  if (version != found->version) return Fail(Error::Stale("report", found->version));
  Report r = *found;
  const auto now = clock_.Timestamp();
  auto to = NextReportStatus(r.status, action, CallerOf(*uow, actor, r, action));
  if (!to) return Fail(to.error());
  if (action == ReportAction::kReturn) {
    FieldErrors errors;
    CheckName(errors, "comment", note.value_or(""), 5000);
    if (!errors.empty()) return Fail(Error::Validation("say why the report is returned", errors));
    r.return_comment = note;
  } else if (action == ReportAction::kSubmit) {
    r.submitted_at = now;
    r.submitted_by = actor.UserId();
  } else {
    r.approved_at = now;
    r.approved_by = actor.UserId();
    r.return_comment.reset();
  }
  r.status = *to;
  NextVersion(r, *found, actor, now);
  if (!uow->Reports().Update(r, found->version))
    return Fail(Error::Stale("report", found->version));
  const std::string done(ReportActionDone(action));
  uow->Reports().AddEvent({NewId(), r.id, now, done, actor.UserId(), std::nullopt, note});
  RecordAudit(uow->Audit(), clock_, actor, done, "report", r.id, r.area_path,
              ReportSnapshot(*found), ReportSnapshot(r));
  // Approval freezes the numbers: computed live (not read back as approved), then stored.
  auto content = Content(*uow, actor, r, lang, action != ReportAction::kApprove);
  if (!content) return Fail(content.error());
  if (action == ReportAction::kApprove) {
    auto values = FrozenValues(*content);
    uow->Reports().ReplaceValues(r.id, values);
    // The answer is what was just frozen: the same numbers, now as approved (computing the whole
    // report a second time would give them again).
    for (auto& v : values) content->approved[{v.indicator_code, v.group_key}] = std::move(v);
    content->events = uow->Reports().Events(r.id);
  }
  uow->Commit();
  return content;
}

Result<ReportContent> ReportService::Submit(const Actor& actor, const std::string& id,
                                            std::int64_t version, const std::string& lang) {
  return Transition(actor, id, version, ReportAction::kSubmit, std::nullopt, lang);
}
Result<ReportContent> ReportService::Approve(const Actor& actor, const std::string& id,
                                             std::int64_t version, const std::string& lang) {
  return Transition(actor, id, version, ReportAction::kApprove, std::nullopt, lang);
}
Result<ReportContent> ReportService::Return(const Actor& actor, const std::string& id,
                                            std::int64_t version, const std::string& comment,
                                            const std::string& lang) {
  return Transition(actor, id, version, ReportAction::kReturn, comment, lang);
}

}  // namespace mobilise::domain
