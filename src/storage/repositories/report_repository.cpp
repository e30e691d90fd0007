#include "storage/repositories/report_repository.hpp"

#include <algorithm>
#include <map>

#include "storage/repositories/sql_rows.hpp"
#include "storage/repositories/sql_where.hpp"

namespace mobilise::storage {
namespace {

const char* kColumns =
    "SELECT r.id, r.template_code, r.area_id, r.area_path, a.name AS area_name, r.period, "
    "r.period_start, "
    "r.period_end, r.include_unverified, r.status, r.achievements, r.challenges, r.lessons, "
    "r.recommendations, r.next_plan, r.return_comment, r.submitted_at, r.submitted_by, "
    "r.approved_at, r.approved_by, r.version, r.created_at, r.created_by, r.updated_at, "
    "r.updated_by FROM report r JOIN area a ON a.id = r.area_id";

domain::Report ReadReport(const ResultSet::Row& row) {
  domain::Report r;
  r.id = row.Str("id");
  r.template_code = row.Str("template_code");
  r.area_id = row.Str("area_id");
  r.area_path = row.Str("area_path");
  r.area_name = row.Str("area_name");
  r.period = row.Str("period");
  r.period_start = row.Str("period_start");
  r.period_end = row.Str("period_end");
  r.include_unverified = row.Bool("include_unverified");
  r.status = ReadEnum<domain::ReportStatus>(row, "report", "status", domain::kReportStatuses);
  r.achievements = row.OptText("achievements");
  r.challenges = row.OptText("challenges");
  r.lessons = row.OptText("lessons");
  r.recommendations = row.OptText("recommendations");
  r.next_plan = row.OptText("next_plan");
  r.return_comment = row.OptText("return_comment");
  r.submitted_at = row.OptText("submitted_at");
  r.submitted_by = row.OptText("submitted_by");
  r.approved_at = row.OptText("approved_at");
  r.approved_by = row.OptText("approved_by");
  ReadVersioned(row, r);
  return r;
}

domain::ReportTemplate ReadTemplate(const ResultSet::Row& r) {
  domain::ReportTemplate t;
  t.code = r.Str("code");
  t.name = r.Str("name");
  t.period_kind = r.Str("period_kind");
  t.position = static_cast<int>(r.Int("position"));
  t.builtin = r.Bool("builtin");
  return t;
}

}  // namespace

std::vector<domain::ReportTemplate> SqlReportRepository::Templates() {
  auto rs = conn_.Query(
      "SELECT code, name, period_kind, position, builtin FROM report_template ORDER BY position, "
      "code");
  auto out = ReadRows(rs, ReadTemplate);
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < out.size(); ++i) at[out[i].code] = i;
  auto items = conn_.Query(
      "SELECT template_code, position, section, indicator_code, by_dims FROM report_template_item "
      "ORDER BY template_code, position");
  for (std::size_t i = 0; i < items.size(); ++i)
    if (auto it = at.find(items[i].Str("template_code")); it != at.end())
      out[it->second].items.push_back({static_cast<int>(items[i].Int("position")),
                                       items[i].Str("section"), items[i].Str("indicator_code"),
                                       SplitWords(items[i].Text("by_dims"))});
  auto names = conn_.Query(
      "SELECT template_code, lang, name FROM report_template_name ORDER BY template_code, lang");
  for (std::size_t i = 0; i < names.size(); ++i)
    if (auto it = at.find(names[i].Str("template_code")); it != at.end())
      out[it->second].names.emplace_back(names[i].Str("lang"), names[i].Str("name"));
  // Sections in the order of the template's items, each with its translations by language.
  auto titles = conn_.Query(
      "SELECT template_code, section, lang, title FROM report_section_name "
      "ORDER BY template_code, section, lang");
  for (std::size_t i = 0; i < titles.size(); ++i) {
    auto it = at.find(titles[i].Str("template_code"));
    if (it == at.end()) continue;
    auto& sections = out[it->second].sections;
    const std::string section = titles[i].Str("section");
    auto s = std::find_if(sections.begin(), sections.end(),
                          [&](const domain::SectionNames& x) { return x.section == section; });
    if (s == sections.end()) s = sections.insert(sections.end(), {section, {}});
    s->names.emplace_back(titles[i].Str("lang"), titles[i].Str("title"));
  }
  for (auto& t : out) {
    auto first = [&](const std::string& section) {
      for (const auto& item : t.items)
        if (item.section == section) return item.position;
      return 0;
    };
    std::stable_sort(t.sections.begin(), t.sections.end(), [&](const auto& a, const auto& b) {
      return first(a.section) < first(b.section);
    });
  }
  return out;
}

void SqlReportRepository::InsertTemplate(const domain::ReportTemplate& t) {
  InsertRow(
      conn_, "report_template", "code, name, period_kind, position, builtin",
      {t.code, t.name, t.period_kind, std::int64_t{t.position}, std::int64_t{t.builtin ? 1 : 0}});
  SaveTemplateParts(t);
}

void SqlReportRepository::UpdateTemplate(const domain::ReportTemplate& t) {
  conn_.Execute("UPDATE report_template SET name = ?, period_kind = ? WHERE code = ?",
                {t.name, t.period_kind, t.code});
  SaveTemplateParts(t);
}

void SqlReportRepository::SaveTemplateParts(const domain::ReportTemplate& t) {
  for (const char* table : {"report_template_item", "report_template_name", "report_section_name"})
    conn_.Execute(std::string("DELETE FROM ") + table + " WHERE template_code = ?", {t.code});
  for (const auto& it : t.items)
    InsertRow(conn_, "report_template_item",
              "template_code, position, section, indicator_code, by_dims",
              {t.code, std::int64_t{it.position}, it.section, it.indicator_code, JoinWords(it.by)});
  for (const auto& [lang, name] : t.names)
    InsertRow(conn_, "report_template_name", "template_code, lang, name", {t.code, lang, name});
  for (const auto& s : t.sections)
    for (const auto& [lang, title] : s.names)
      InsertRow(conn_, "report_section_name", "template_code, section, lang, title",
                {t.code, s.section, lang, title});
}

void SqlReportRepository::DeleteTemplate(const std::string& code) {
  // Foreign keys cascade in both dialects; the children go first all the same, explicitly.
  for (const char* table : {"report_template_item", "report_template_name", "report_section_name"})
    conn_.Execute(std::string("DELETE FROM ") + table + " WHERE template_code = ?", {code});
  conn_.Execute("DELETE FROM report_template WHERE code = ?", {code});
}

bool SqlReportRepository::TemplateUsed(const std::string& code) {
  return !conn_.Query("SELECT 1 FROM report WHERE template_code = ? LIMIT 1", {code}).empty();
}

std::vector<domain::Report> SqlReportRepository::Where(const std::string& where,
                                                       std::vector<Param> params,
                                                       const std::string& tail) {
  return ReadRows(conn_.Query(std::string(kColumns) + where + tail, params), ReadReport);
}

domain::Page<domain::Report> SqlReportRepository::List(const domain::ReportQuery& q,
                                                       domain::PageRequest page) {
  SqlWhere w;
  w.AndInScope("r.area_path", q.scope);
  if (q.template_code) w.And("r.template_code = ?", {*q.template_code});
  if (q.status) w.And("r.status = ?", {*q.status});
  if (q.area_path) {
    const auto range = domain::SubtreeRange(*q.area_path);
    w.And("r.area_path >= ? AND r.area_path < ?", {range.lo, range.hi});
  }
  if (q.period_start) w.And("r.period_start >= ?", {*q.period_start});
  if (q.period_end) w.And("r.period_end <= ?", {*q.period_end});
  domain::Page<domain::Report> out;
  out.total = conn_.Query("SELECT COUNT(*) FROM report r" + w.sql, w.params)[0].Int(0);
  out.items = Where(w.sql, WithPage(w.params, page),
                    " ORDER BY r.period_start DESC, a.name, r.template_code LIMIT ? OFFSET ?");
  return out;
}

std::optional<domain::Report> SqlReportRepository::Get(const std::string& id) {
  auto found = FirstOf(Where(" WHERE r.id = ?", {id}));
  if (!found) return std::nullopt;
  auto& r = *found;
  auto rs = conn_.Query(
      "SELECT id, position, title, body, file_ids FROM report_story WHERE report_id = ? ORDER BY "
      "position",
      {id});
  for (std::size_t i = 0; i < rs.size(); ++i)
    r.stories.push_back({rs[i].Str("id"), static_cast<int>(rs[i].Int("position")),
                         rs[i].Str("title"), rs[i].Str("body"),
                         SplitWords(rs[i].Text("file_ids"))});
  return found;
}

std::optional<std::string> SqlReportRepository::Find(const std::string& template_code,
                                                     const std::string& area_id,
                                                     const std::string& period) {
  auto rs =
      conn_.Query("SELECT id FROM report WHERE template_code = ? AND area_id = ? AND period = ?",
                  {template_code, area_id, period});
  if (rs.empty()) return std::nullopt;
  return rs[0].Str("id");
}

void SqlReportRepository::SaveStories(const domain::Report& r) {
  conn_.Execute("DELETE FROM report_story WHERE report_id = ?", {r.id});
  for (const auto& s : r.stories)
    InsertRow(conn_, "report_story", "id, report_id, position, title, body, file_ids",
              {s.id, r.id, std::int64_t{s.position}, s.title, s.body, JoinWords(s.file_ids)});
}

void SqlReportRepository::Insert(const domain::Report& r) {
  InsertRow(conn_, "report",
            "id, template_code, area_id, area_path, period, period_start, period_end, "
            "include_unverified, status, achievements, challenges, lessons, recommendations, "
            "next_plan, return_comment, submitted_at, submitted_by, approved_at, approved_by, "
            "version, created_at, created_by, updated_at, updated_by",
            {r.id,
             r.template_code,
             r.area_id,
             r.area_path,
             r.period,
             r.period_start,
             r.period_end,
             std::int64_t{r.include_unverified ? 1 : 0},
             std::string(ReportStatusName(r.status)),
             OptParam(r.achievements),
             OptParam(r.challenges),
             OptParam(r.lessons),
             OptParam(r.recommendations),
             OptParam(r.next_plan),
             OptParam(r.return_comment),
             OptParam(r.submitted_at),
             OptParam(r.submitted_by),
             OptParam(r.approved_at),
             OptParam(r.approved_by),
             r.version,
             r.created_at,
             OptParam(r.created_by),
             r.updated_at,
             OptParam(r.updated_by)});
  SaveStories(r);
}

bool SqlReportRepository::Update(const domain::Report& r, std::int64_t expected_version) {
  if (!UpdateVersionedRow(
          conn_, "report",
          "include_unverified, status, achievements, challenges, lessons, recommendations, "
          "next_plan, return_comment, submitted_at, submitted_by, approved_at, approved_by, "
          "version, updated_at, updated_by",
          {std::int64_t{r.include_unverified ? 1 : 0}, std::string(ReportStatusName(r.status)),
           OptParam(r.achievements), OptParam(r.challenges), OptParam(r.lessons),
           OptParam(r.recommendations), OptParam(r.next_plan), OptParam(r.return_comment),
           OptParam(r.submitted_at), OptParam(r.submitted_by), OptParam(r.approved_at),
           OptParam(r.approved_by), r.version, r.updated_at, OptParam(r.updated_by)},
          r.id, expected_version))
    return false;
  SaveStories(r);
  return true;
}

std::vector<domain::ReportEvent> SqlReportRepository::Events(const std::string& report_id) {
  auto rs = conn_.Query(
      "SELECT e.id, e.report_id, e.at, e.action, e.by_user, u.full_name, e.note FROM "
      "report_event e LEFT JOIN app_user u ON u.id = e.by_user WHERE e.report_id = ? ORDER BY e.id",
      {report_id});
  return ReadRows(rs, [](const ResultSet::Row& r) {
    return domain::ReportEvent{r.Str("id"),      r.Str("report_id"),   r.Str("at"),
                               r.Str("action"),  r.OptText("by_user"), r.OptText("full_name"),
                               r.OptText("note")};
  });
}

void SqlReportRepository::AddEvent(const domain::ReportEvent& e) {
  InsertRow(conn_, "report_event", "id, report_id, at, by_user, action, note",
            {e.id, e.report_id, e.at, OptParam(e.by_user), e.action, OptParam(e.note)});
}

std::vector<domain::StoredValue> SqlReportRepository::Values(const std::string& report_id) {
  auto rs = conn_.Query(
      "SELECT indicator_code, group_key, period_value, cumulative, previous, target FROM "
      "report_value WHERE report_id = ? ORDER BY indicator_code, group_key",
      {report_id});
  return ReadRows(rs, [](const ResultSet::Row& r) {
    return domain::StoredValue{r.Str("indicator_code"),   r.Str("group_key"),
                               r.OptReal("period_value"), r.OptReal("cumulative"),
                               r.OptReal("previous"),     r.OptReal("target")};
  });
}

void SqlReportRepository::ReplaceValues(const std::string& report_id,
                                        const std::vector<domain::StoredValue>& values) {
  conn_.Execute("DELETE FROM report_value WHERE report_id = ?", {report_id});
  for (const auto& v : values)
    InsertRow(conn_, "report_value",
              "report_id, indicator_code, group_key, period_value, cumulative, previous, target",
              {report_id, v.indicator_code, v.group_key, OptParam(v.period), OptParam(v.cumulative),
               OptParam(v.previous), OptParam(v.target)});
}

std::vector<std::pair<std::string, std::string>> SqlReportRepository::OrgUnits() {
  return ReadPairs(conn_.Query("SELECT area_id, org_unit FROM dhis2_org_unit ORDER BY area_id"),
                   "area_id", "org_unit");
}

std::vector<domain::Dhis2Mapping> SqlReportRepository::Mappings() {
  auto rs = conn_.Query(
      "SELECT indicator_code, disaggregation, data_element, category_option_combo FROM "
      "dhis2_mapping ORDER BY indicator_code, disaggregation");
  return ReadRows(rs, [](const ResultSet::Row& r) {
    return domain::Dhis2Mapping{r.Str("indicator_code"), r.Str("disaggregation"),
                                r.Str("data_element"), r.Str("category_option_combo")};
  });
}

std::vector<domain::Dhis2Category> SqlReportRepository::Categories() {
  auto rs =
      conn_.Query("SELECT dim, val, category, option_code FROM dhis2_category ORDER BY dim, val");
  return ReadRows(rs, [](const ResultSet::Row& r) {
    return domain::Dhis2Category{r.Str("dim"), r.Str("val"), r.Str("category"),
                                 r.Str("option_code")};
  });
}

void SqlReportRepository::ReplaceDhis2(
    const std::vector<std::pair<std::string, std::string>>& org_units,
    const std::vector<domain::Dhis2Mapping>& mappings,
    const std::vector<domain::Dhis2Category>& categories) {
  conn_.Execute("DELETE FROM dhis2_org_unit");
  conn_.Execute("DELETE FROM dhis2_mapping");
  conn_.Execute("DELETE FROM dhis2_category");
  for (const auto& [area, unit] : org_units)
    InsertRow(conn_, "dhis2_org_unit", "area_id, org_unit", {area, unit});
  for (const auto& m : mappings)
    InsertRow(conn_, "dhis2_mapping",
              "indicator_code, disaggregation, data_element, category_option_combo",
              {m.indicator_code, m.disaggregation, m.data_element, m.category_option_combo});
  for (const auto& c : categories)
    InsertRow(conn_, "dhis2_category", "dim, val, category, option_code",
              {c.dim, c.value, c.category, c.option_code});
}

}  // namespace mobilise::storage
