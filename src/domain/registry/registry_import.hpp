// What the household and institution imports share: turning the rules' field errors into row
// errors, and ordering them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "domain/import_row_error.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {

// Field errors of the rules become row errors (code "invalid") under the file's column names:
// `columns` maps a field to its column (others keep their name), "wg.<domain>" is "wg_<domain>".
void AddFieldErrors(const FieldErrors& fields, int row,
                    const std::map<std::string, std::string>& columns,
                    std::vector<ImportRowError>& errors);
// Errors in file order; the errors of one row keep the order they were found in.
void SortByRow(std::vector<ImportRowError>& errors);

}  // namespace mobilise::domain
