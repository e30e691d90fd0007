// Progress reports: templates (sections of indicators), reports of an area and period with their
// narrative and success stories, the workflow draft -> submitted -> approved | returned, and the
// numbers frozen at approval; plus the DHIS2 mapping used by the exports.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/access/actor.hpp"
#include "domain/page.hpp"
#include "domain/reports/report_rules.hpp"
#include "domain/translations.hpp"

namespace mobilise::domain {

struct ReportTemplateItem {
  int position = 0;
  std::string section, indicator_code;
  std::vector<std::string> by;  // disaggregation table shown under the indicator
};

// The translations of one section's title; `section` is the title as the items carry it.
struct SectionNames {
  std::string section;
  Translations names;
};

struct ReportTemplate {
  std::string code, name, period_kind;  // month | quarter | half | year
  int position = 0;
  bool builtin = false;  // shipped (MPR, QPR, BAR, APR): cannot be deleted
  std::vector<ReportTemplateItem> items;
  Translations names;                  // of the name
  std::vector<SectionNames> sections;  // of section titles (only sections the items have)
};

// The template of `code` among `all`, or null.
const ReportTemplate* FindTemplate(const std::vector<ReportTemplate>& all, const std::string& code);
// The template's name and a section's title in `lang`, else as stored.
std::string TemplateName(const ReportTemplate& t, const std::string& lang);
std::string SectionTitle(const ReportTemplate& t, const std::string& section,
                         const std::string& lang);

struct Story {
  std::string id;
  int position = 0;
  std::string title, body;
  std::vector<std::string> file_ids;  // photos attached to records
};

struct ReportEvent {
  std::string id, report_id, at, action;
  std::optional<std::string> by_user, by_name, note;
};

// A number as approved: group "" is the total, "sex=f" a disaggregation, "child=<area id>" a
// child area's value.
struct StoredValue {
  std::string indicator_code, group_key;
  std::optional<double> period, cumulative, previous, target;
};

struct Report {
  std::string id, template_code, area_id, area_path, area_name, period, period_start, period_end;
  bool include_unverified = false;
  ReportStatus status = ReportStatus::kDraft;
  std::optional<std::string> achievements, challenges, lessons, recommendations, next_plan;
  std::optional<std::string> return_comment, submitted_at, submitted_by, approved_at, approved_by;
  std::int64_t version = 1;
  std::string created_at, updated_at;
  std::optional<std::string> created_by, updated_by;
  std::vector<Story> stories;
};

struct ReportQuery {
  std::vector<PathRange> scope;
  std::optional<std::string> template_code, status, area_path;  // area_path: that area's subtree
  std::optional<std::string> period_start, period_end;          // periods within
};

struct Dhis2Mapping {
  std::string indicator_code, disaggregation, data_element, category_option_combo;
};

struct Dhis2Category {
  std::string dim, value, category, option_code;
};

class ReportRepository {
 public:
  virtual ~ReportRepository() = default;
  virtual std::vector<ReportTemplate> Templates() = 0;  // with items and translations
  // Insert or update a template: its row, and its items and translations replaced.
  virtual void InsertTemplate(const ReportTemplate& t) = 0;
  virtual void UpdateTemplate(const ReportTemplate& t) = 0;
  virtual void DeleteTemplate(const std::string& code) = 0;  // with its items and translations
  virtual bool TemplateUsed(const std::string& code) = 0;    // a report was made from it
  virtual Page<Report> List(const ReportQuery& query, PageRequest page) = 0;
  virtual std::optional<Report> Get(const std::string& id) = 0;  // with stories
  virtual std::optional<std::string> Find(const std::string& template_code,
                                          const std::string& area_id,
                                          const std::string& period) = 0;
  virtual void Insert(const Report& report) = 0;
  virtual bool Update(const Report& report, std::int64_t expected_version) = 0;  // and stories
  virtual std::vector<ReportEvent> Events(const std::string& report_id) = 0;
  virtual void AddEvent(const ReportEvent& event) = 0;
  virtual std::vector<StoredValue> Values(const std::string& report_id) = 0;
  virtual void ReplaceValues(const std::string& report_id,
                             const std::vector<StoredValue>& values) = 0;
  // DHIS2 mapping.
  virtual std::vector<std::pair<std::string, std::string>> OrgUnits() = 0;  // area id -> org unit
  virtual std::vector<Dhis2Mapping> Mappings() = 0;
  virtual std::vector<Dhis2Category> Categories() = 0;
  virtual void ReplaceDhis2(const std::vector<std::pair<std::string, std::string>>& org_units,
                            const std::vector<Dhis2Mapping>& mappings,
                            const std::vector<Dhis2Category>& categories) = 0;
};

}  // namespace mobilise::domain
