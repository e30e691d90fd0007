// The area-tree file (CSV or XLSX; columns code, name, name_local, level, parent_code) as rows
// for AreaService::Import, plus the problems found while reading it (formulas, ragged rows ...).
#pragma once

#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "domain/areas/area_service.hpp"
#include "importers/table.hpp"

namespace mobilise::importers {

struct AreaRows {
  std::vector<domain::AreaImportRow> rows;
  std::vector<domain::ImportRowError> errors;  // rows left out of `rows`, with the reason
};

// Fails (validation / unsupported / too_large) when the file cannot be read as a table or its
// header lacks a required column or has unknown ones; otherwise every bad cell is a row error.
Result<AreaRows> ReadAreaRows(std::string_view bytes, std::string_view content_type,
                              const ReadLimits& limits);

}  // namespace mobilise::importers
