// Indicator queries compiled to SQL: every record kind of domain/indicators/record_kinds.hpp as
// one or two SELECT sources, with its dimensions, filters and fields as SQL expressions. One
// statement computes every measure of a request for the period, cumulatively and for the
// previous period, with conditional aggregates over one scan of the records.
#pragma once

#include <string>
#include <vector>

#include "domain/indicators/indicator.hpp"
#include "storage/database.hpp"

namespace mobilise::storage {

struct CompiledQuery {
  std::string sql;
  std::vector<Param> params;
  // How the measures' columns combine with those of the other statements of the request
  // (a participant request is two statements added together).
};

// The statements of `request` (one per source of its record kind); each returns the `by` keys
// followed by three columns per measure (period, cumulative, previous). Throws
// std::invalid_argument on a name record_kinds does not know (validated before, so a bug).
std::vector<CompiledQuery> CompileCompute(const domain::ComputeRequest& request, Dialect dialect);

// The statement listing the records behind `column` ("period" | "cumulative") of the request's
// first measure, newest first (every source's in one list): record, id, label, date, area_path.
CompiledQuery CompileRecords(const domain::ComputeRequest& request, const std::string& column,
                             Dialect dialect);

// Whether storage has SQL for every measure, field, filter and dimension record_kinds lists
// (empty when so; otherwise what is missing).
std::vector<std::string> MissingSql();

}  // namespace mobilise::storage
