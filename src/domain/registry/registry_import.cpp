#include "domain/registry/registry_import.hpp"

#include <algorithm>

namespace mobilise::domain {

void AddFieldErrors(const FieldErrors& fields, int row,
                    const std::map<std::string, std::string>& columns,
                    std::vector<ImportRowError>& errors) {
  for (const auto& [field, why] : fields) {
    auto it = columns.find(field);
    std::string column = it != columns.end() ? it->second : field;
    if (column.rfind("wg.", 0) == 0) column = "wg_" + column.substr(3);
    errors.push_back({row, column, "invalid", why.Text(), why});
  }
}

void SortByRow(std::vector<ImportRowError>& errors) {
  std::stable_sort(errors.begin(), errors.end(),
                   [](const ImportRowError& a, const ImportRowError& b) { return a.row < b.row; });
}

}  // namespace mobilise::domain
