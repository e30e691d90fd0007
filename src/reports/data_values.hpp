// Aggregate values resolved to DHIS2 identifiers, ready for the dataValueSets JSON and ADX
// renderers. The mapping from indicators and disaggregations to these codes happens before.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace mobilise::reports {

struct DataValue {
  std::string data_element;                                     // code or UID
  std::string category_option_combo;                            // JSON: COC code/UID ("" = default)
  std::vector<std::pair<std::string, std::string>> categories;  // ADX: category code -> option code
  std::string value;                                            // as text, numeric ("12", "87.5")
  std::string comment;
};

struct DataValueGroup {
  std::string org_unit;    // code or UID
  std::string period;      // DHIS2 period id: 202610, 2026Q3, 2026S2, 2026, 2026July
  std::string adx_period;  // ISO 8601 start/duration: 2026-10-01/P1M
  std::vector<DataValue> values;
};

struct DataValueSet {
  std::string data_set;       // may be empty (JSON); required by DHIS2 for ADX
  std::string complete_date;  // YYYY-MM-DD or empty
  std::string attribute_option_combo;
  std::string exported_at;  // ISO 8601 date-time, for ADX's required `exported`
  std::vector<DataValueGroup> groups;
};

}  // namespace mobilise::reports
