#pragma once

#include "domain/reports/report.hpp"
#include "storage/database.hpp"

namespace mobilise::storage {

// Report templates, reports with stories, events and frozen values, and the DHIS2 mapping.
class SqlReportRepository final : public domain::ReportRepository {
 public:
  explicit SqlReportRepository(Connection& conn) : conn_(conn) {}
  std::vector<domain::ReportTemplate> Templates() override;
  void InsertTemplate(const domain::ReportTemplate& t) override;
  void UpdateTemplate(const domain::ReportTemplate& t) override;
  void DeleteTemplate(const std::string& code) override;
  bool TemplateUsed(const std::string& code) override;
  domain::Page<domain::Report> List(const domain::ReportQuery& query,
                                    domain::PageRequest page) override;
  std::optional<domain::Report> Get(const std::string& id) override;
  std::optional<std::string> Find(const std::string& template_code, const std::string& area_id,
                                  const std::string& period) override;
  void Insert(const domain::Report& report) override;
  bool Update(const domain::Report& report, std::int64_t expected_version) override;
  std::vector<domain::ReportEvent> Events(const std::string& report_id) override;
  void AddEvent(const domain::ReportEvent& event) override;
  std::vector<domain::StoredValue> Values(const std::string& report_id) override;
  void ReplaceValues(const std::string& report_id,
                     const std::vector<domain::StoredValue>& values) override;
  std::vector<std::pair<std::string, std::string>> OrgUnits() override;
  std::vector<domain::Dhis2Mapping> Mappings() override;
  std::vector<domain::Dhis2Category> Categories() override;
  void ReplaceDhis2(const std::vector<std::pair<std::string, std::string>>& org_units,
                    const std::vector<domain::Dhis2Mapping>& mappings,
                    const std::vector<domain::Dhis2Category>& categories) override;

 private:
  std::vector<domain::Report> Where(const std::string& where, std::vector<Param> params,
                                    const std::string& tail = "");
  void SaveStories(const domain::Report& report);
  void SaveTemplateParts(const domain::ReportTemplate& t);  // items and translations
  Connection& conn_;
};

}  // namespace mobilise::storage
