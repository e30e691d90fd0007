// The import of staff accounts from a table: one row per role (username, full_name, role,
// area_code, supervisor, locale). A user with two roles takes two rows; the first gives the
// name, supervisor and language, the others may leave them blank (or repeat them exactly).
// A new username is created with a generated first password, answered once in the report; an
// existing one (which the importer administers) gains the file's roles and takes its name,
// supervisor and language where the file gives them. Every row is checked first: all saved or
// none, each change audited like a change made on the screen.
#pragma once

#include <string>
#include <vector>

#include "domain/import_report.hpp"

namespace mobilise::domain {

struct UserImportRow {
  int row = 0;
  std::string username, full_name, role, area_code, supervisor, locale;
};

struct UserImportReport : ImportReport {
  int created = 0, updated = 0;
  // The first password of each created user (only after a load, never after a dry run).
  std::vector<std::pair<std::string, std::string>> passwords;
};

}  // namespace mobilise::domain
