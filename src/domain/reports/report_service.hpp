// Progress report use cases: templates, reports of an area and period computed live from the
// records, narrative and success stories, and the workflow draft -> submitted -> approved (by
// the next level up) or returned with a comment. Approval freezes the numbers: an approved
// report keeps showing what was approved, and any later change in the records as a difference.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/indicators/indicator_service.hpp"
#include "domain/reports/report.hpp"
#include "domain/reports/report_rules.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

struct ReportInput {
  std::string template_code, area_id, period;
  bool include_unverified = false;
  std::optional<std::string> id;  // the client's id for a new record (see idempotency.hpp)
};

// A template as a client gives it. Create: code, name, period_kind and items required. Save: what
// is absent stays as it is (the code and, once reports were made from it, the period kind cannot
// change); translations of sections that are no longer in the items go.
struct ReportTemplateInput {
  std::string code;
  std::optional<std::string> name, period_kind;
  std::optional<std::vector<ReportTemplateItem>> items;
  std::optional<Translations> names;
  std::optional<std::vector<SectionNames>> sections;
};

struct ReportPatch {
  std::optional<std::string> achievements, challenges, lessons, recommendations, next_plan;
  std::optional<bool> include_unverified;
  std::optional<std::vector<Story>> stories;
};

struct ReportItemContent {
  IndicatorValues values;    // total and the template's disaggregation
  IndicatorValues children;  // by child area
};

struct ReportSectionContent {
  std::string title;  // in the report's language
  std::vector<ReportItemContent> items;
};

// A report with its live numbers, its frozen ones (approved reports), and its history.
struct ReportContent {
  Report report;
  ReportTemplate report_template;
  ValueContext context;
  std::vector<ReportSectionContent> sections;
  std::map<std::pair<std::string, std::string>, StoredValue> approved;  // (code, group) ->
  std::vector<ReportEvent> events;
};

// Group keys of stored values: "" total, "sex=f;..." a disaggregation, "child=<area id>".
std::string GroupKey(const std::vector<std::string>& by, const std::vector<std::string>& keys);
// The other way: dimension -> value ("child=<id>" gives child_area); pieces without '=' are
// skipped.
std::map<std::string, std::string> ParseGroupKey(const std::string& group_key);

// The figures a row was approved with (`by` the row's disaggregation, {"child_area"} for a child
// area, empty for the total), or nullptr when the report is not approved or had no such row.
const StoredValue* ApprovedRow(const ReportContent& content, const std::string& indicator_code,
                               const std::vector<std::string>& by,
                               const std::vector<std::string>& keys);

// The headline figure (cumulative for stocks, else the period's) differs between approved and live
// (a relative tolerance of 1e-9). `approved` null: the row has appeared since the approval, which
// differs when it has a live figure.
bool ApprovedDiffers(const StoredValue* approved, const ValueRow& live, bool stock);

class ReportService {
 public:
  ReportService(UnitOfWorkFactory& db, const Clock& clock, IndicatorService& indicators)
      : db_(db), clock_(clock), indicators_(indicators) {}
  // Templates (report_templates.cpp): programme-wide administrators and M&E officers configure
  // them. Create: 409 for a code in use. Delete: 409 for a shipped template or one reports were
  // made from.
  std::vector<ReportTemplate> Templates();
  Result<ReportTemplate> CreateTemplate(const Actor& actor, const ReportTemplateInput& in);
  Result<ReportTemplate> SaveTemplate(const Actor& actor, const std::string& code,
                                      const ReportTemplateInput& in);
  Status DeleteTemplate(const Actor& actor, const std::string& code);
  Result<Page<Report>> List(const Actor& actor, const std::optional<std::string>& area_id,
                            const std::optional<std::string>& template_code,
                            const std::optional<std::string>& status, PageRequest page);
  // Every call answers the report as it now is, its labels in `lang`.
  Result<ReportContent> Create(const Actor& actor, const ReportInput& input,
                               const std::string& lang = "en");
  Result<ReportContent> Get(const Actor& actor, const std::string& id,
                            const std::string& lang = "en");
  Result<ReportContent> Update(const Actor& actor, const std::string& id, std::int64_t version,
                               const ReportPatch& patch, const std::string& lang = "en");
  Result<ReportContent> Submit(const Actor& actor, const std::string& id, std::int64_t version,
                               const std::string& lang = "en");
  Result<ReportContent> Approve(const Actor& actor, const std::string& id, std::int64_t version,
                                const std::string& lang = "en");
  Result<ReportContent> Return(const Actor& actor, const std::string& id, std::int64_t version,
                               const std::string& comment, const std::string& lang = "en");
  // The DHIS2 mapping (org units of areas, data elements, category option codes).
  struct Dhis2Config {
    std::vector<std::pair<std::string, std::string>> org_units;
    std::vector<Dhis2Mapping> mappings;
    std::vector<Dhis2Category> categories;
  };
  Dhis2Config Dhis2();
  Result<Dhis2Config> SaveDhis2(const Actor& actor, const Dhis2Config& config);

 private:
  // The report's content; an approved one with its approved values unless `read_approved` is
  // false (while they are being frozen).
  Result<ReportContent> Content(UnitOfWork& uow, const Actor& actor, Report report,
                                const std::string& lang = "en", bool read_approved = true);
  // One step of the workflow (report_rules.hpp), with its event, audit and, on approval, the
  // numbers frozen.
  Result<ReportContent> Transition(const Actor& actor, const std::string& id, std::int64_t version,
                                   ReportAction action, const std::optional<std::string>& note,
                                   const std::string& lang);
  UnitOfWorkFactory& db_;
  const Clock& clock_;
  IndicatorService& indicators_;
};

}  // namespace mobilise::domain
