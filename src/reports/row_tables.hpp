// A data export written a row at a time (submissions of a form): named tables — a root table and
// one per repeat — whose rows arrive interleaved and are never all in memory. The renderers are
// `RenderCsvZip` (one CSV per table in a zip) and `RenderRowsXlsx` (one worksheet per table);
// `Export` picks them when an Exportable has row tables.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace mobilise::reports {

struct RowTable {
  std::string name;                  // the CSV's file name without ".csv"; the sheet's title
  std::vector<std::string> columns;  // header row
  std::vector<bool> numeric;         // per column: a number (not guarded, a number in XLSX)
};

// Where a producer writes its rows: `table` indexes the RowTable list; `cells` is as wide as
// that table's columns. An error stops the export.
class RowWriter {
 public:
  virtual ~RowWriter() = default;
  virtual Status Row(std::size_t table, const std::vector<std::string>& cells) = 0;
};

// Writes every row of an export to the writer, in order; its error is the export's.
using RowProducer = std::function<Status(RowWriter&)>;

// A zip at `path` holding `{table.name}.csv` for each table: UTF-8 without byte-order mark (as
// ODK Central and Briefcase write it, which analysis tools read as is), CRLF, a header row, text
// cells guarded against formulas, numeric cells as they are.
Status RenderCsvZip(const std::vector<RowTable>& tables, const RowProducer& rows,
                    const std::string& path);

// A workbook at `path` with one worksheet per table (names made valid by SheetNames), a bold
// header row frozen, numeric cells that parse as numbers stored as numbers; constant memory.
Status RenderRowsXlsx(const std::vector<RowTable>& tables, const RowProducer& rows,
                      const std::string& path);

}  // namespace mobilise::reports
