// Report template use cases (create, save, delete) and the names of a template and its sections in
// a reader's language.
#include <algorithm>
#include <set>

#include "domain/reports/report_service.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {
namespace {

const std::set<std::string> kPeriodKinds = {"month", "quarter", "half", "year"};

Status MayConfigure(const Actor& actor) {
  if (actor.system || actor.CanAtRoot(Permission::kIndicatorWrite)) return {};  // programme-wide
  return Fail(Error::Forbidden("administrators and M&E officers configure report templates"));
}

Snapshot TemplateSnapshot(const ReportTemplate& t) {
  std::string names;
  for (const auto& [lang, name] : t.names) names += (names.empty() ? "" : " ") + lang;
  return Snapshot{{"name", t.name},
                  {"period_kind", t.period_kind},
                  {"items", std::to_string(t.items.size())},
                  {"names", names},
                  {"sections", std::to_string(t.sections.size())}};
}

// The items as saved (numbered from 1), every bad one named in `errors`.
std::vector<ReportTemplateItem> CheckItems(UnitOfWork& uow,
                                           const std::vector<ReportTemplateItem>& items,
                                           FieldErrors& errors) {
  if (items.empty() || items.size() > 200) errors["items"] = problem::CountOf(1, 200, "indicators");
  const auto indicators = uow.Indicators().List();  // one read, not one per item
  std::vector<ReportTemplateItem> saved;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string f = "items[" + std::to_string(i) + "]";
    CheckName(errors, f + ".section", items[i].section);
    auto d = std::find_if(indicators.begin(), indicators.end(),
                          [&](const Indicator& x) { return x.code == items[i].indicator_code; });
    if (d == indicators.end()) {
      errors[f + ".indicator_code"] = problem::NoSuch("indicator");
      continue;
    }
    if (items[i].by.size() > 2) errors[f + ".by"] = problem::AtMost(2, "disaggregations");
    for (const auto& dim : items[i].by)
      if (std::find(d->dims.begin(), d->dims.end(), dim) == d->dims.end() || dim == "child_area" ||
          dim == "month")
        errors[f + ".by"] = problem::CannotDisaggregateBy(d->code, dim);
    saved.push_back(
        {static_cast<int>(i + 1), items[i].section, items[i].indicator_code, items[i].by});
  }
  return saved;
}

bool HasSection(const ReportTemplate& t, const std::string& section) {
  return std::any_of(t.items.begin(), t.items.end(),
                     [&](const auto& i) { return i.section == section; });
}

// Applies `in` to `t` (whose items are already the checked ones): the name, its translations and
// the section titles' translations. Translations not given are kept for the sections still there.
void ApplyTexts(ReportTemplate& t, const ReportTemplateInput& in, FieldErrors& errors) {
  if (in.name) t.name = *in.name;
  CheckName(errors, "name", t.name);
  if (in.names) t.names = *in.names;
  CheckTranslations(errors, "names", t.names);
  if (in.sections) {
    t.sections.clear();
    std::set<std::string> seen;
    for (std::size_t i = 0; i < in.sections->size(); ++i) {
      const auto& s = (*in.sections)[i];
      const std::string f = "sections[" + std::to_string(i) + "]";
      if (!HasSection(t, s.section))
        errors[f + ".title"] = problem::NotASectionTitle();
      else if (!seen.insert(s.section).second)
        errors[f + ".title"] = problem::GivenTwice();
      CheckTranslations(errors, f + ".names", s.names);
      if (!s.names.empty()) t.sections.push_back(s);
    }
  } else {
    std::erase_if(t.sections, [&](const SectionNames& s) { return !HasSection(t, s.section); });
  }
}

}  // namespace

const ReportTemplate* FindTemplate(const std::vector<ReportTemplate>& all,
                                   const std::string& code) {
  auto it = std::find_if(all.begin(), all.end(), [&](const auto& t) { return t.code == code; });
  return it == all.end() ? nullptr : &*it;
}

std::string TemplateName(const ReportTemplate& t, const std::string& lang) {
  return Translated(t.names, lang, t.name);
}

std::string SectionTitle(const ReportTemplate& t, const std::string& section,
                         const std::string& lang) {
  for (const auto& s : t.sections)
    if (s.section == section) return Translated(s.names, lang, section);
  return section;
}

std::vector<ReportTemplate> ReportService::Templates() {
  return db_.Begin(false)->Reports().Templates();
}

Result<ReportTemplate> ReportService::CreateTemplate(const Actor& actor,
                                                     const ReportTemplateInput& in) {
  if (auto ok = MayConfigure(actor); !ok) return Fail(ok.error());
  auto uow = db_.Begin(true);
  const auto all = uow->Reports().Templates();
  FieldErrors errors;
  CheckCode(errors, "code", in.code);
  if (errors.empty() && FindTemplate(all, in.code))
    return Fail(Error::Conflict("a report template " + in.code + " exists already"));
  ReportTemplate t;
  t.code = in.code;
  t.period_kind = in.period_kind.value_or("");
  if (!kPeriodKinds.contains(t.period_kind))
    errors["period_kind"] =
        problem::OneOf(std::vector<std::string>{"month", "quarter", "half", "year"});
  t.items = CheckItems(*uow, in.items.value_or(std::vector<ReportTemplateItem>{}), errors);
  ApplyTexts(t, in, errors);
  if (!errors.empty()) return Fail(Error::Validation("the template is not valid", errors));
  for (const auto& x : all) t.position = std::max(t.position, x.position);
  ++t.position;
  uow->Reports().InsertTemplate(t);
  RecordAudit(uow->Audit(), clock_, actor, "create", "report_template", t.code, std::nullopt,
              std::nullopt, TemplateSnapshot(t));
  uow->Commit();
  return t;
}

Result<ReportTemplate> ReportService::SaveTemplate(const Actor& actor, const std::string& code,
                                                   const ReportTemplateInput& in) {
  if (auto ok = MayConfigure(actor); !ok) return Fail(ok.error());
  auto uow = db_.Begin(true);
  const auto all = uow->Reports().Templates();
  const ReportTemplate* found = FindTemplate(all, code);
  if (!found) return Fail(Error::NotFound("report template"));
  FieldErrors errors;
  ReportTemplate t = *found;
  if (!in.code.empty() && in.code != code) errors["code"] = problem::CodeCannotChange();
  if (in.period_kind && *in.period_kind != t.period_kind) {
    if (!kPeriodKinds.contains(*in.period_kind))
      errors["period_kind"] =
          problem::OneOf(std::vector<std::string>{"month", "quarter", "half", "year"});
    else if (t.builtin)
      errors["period_kind"] = problem::ShippedTemplatePeriodKind();
    else if (uow->Reports().TemplateUsed(code))
      errors["period_kind"] = problem::TemplateUsed(t.period_kind);
    else
      t.period_kind = *in.period_kind;
  }
  if (in.items) t.items = CheckItems(*uow, *in.items, errors);
  ApplyTexts(t, in, errors);
  if (!errors.empty()) return Fail(Error::Validation("the template is not valid", errors));
  uow->Reports().UpdateTemplate(t);
  RecordAudit(uow->Audit(), clock_, actor, "update", "report_template", code, std::nullopt,
              TemplateSnapshot(*found), TemplateSnapshot(t));
  uow->Commit();
  return t;
}

Status ReportService::DeleteTemplate(const Actor& actor, const std::string& code) {
  if (auto ok = MayConfigure(actor); !ok) return Fail(ok.error());
  auto uow = db_.Begin(true);
  const auto all = uow->Reports().Templates();
  const ReportTemplate* found = FindTemplate(all, code);
  if (!found) return Fail(Error::NotFound("report template"));
  if (found->builtin) return Fail(Error::Conflict("a shipped report template cannot be deleted"));
  if (uow->Reports().TemplateUsed(code))
    return Fail(Error::Conflict("reports were made from this template; it cannot be deleted"));
  uow->Reports().DeleteTemplate(code);
  RecordAudit(uow->Audit(), clock_, actor, "delete", "report_template", code, std::nullopt,
              TemplateSnapshot(*found), std::nullopt);
  uow->Commit();
  return {};
}

}  // namespace mobilise::domain
