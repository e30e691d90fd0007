// The entry point importers use: read an uploaded CSV or XLSX into a Table, then map its header to
// the columns the importer knows.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "importers/table.hpp"

namespace mobilise::importers {

enum class TableFormat { kCsv, kXlsx };

// Decides the format. A file starting with the zip magic "PK\3\4" is XLSX whatever it is called;
// otherwise the content type (text/csv, application/csv, text/plain, application/vnd.ms-excel as
// browsers send for .csv on Windows; the XLSX type) or the file name's extension (.csv, .txt,
// .tsv, .xlsx) decides; unknown or generic types (application/octet-stream, "") fall back to CSV.
// Errors: unsupported for other types (PDF, images, .ods ...) and for a legacy .xls (OLE) file,
// validation for an XLSX type whose bytes are not a zip.
Result<TableFormat> DetectTableFormat(std::string_view bytes,
                                      std::string_view content_type_or_filename);

// Reads the first (visible) sheet of an XLSX or a CSV file; see csv_reader.hpp and xlsx_reader.hpp.
Result<Table> ReadTable(std::string_view bytes, std::string_view content_type_or_filename,
                        const ReadLimits& limits);

struct ColumnSpec {
  std::string name;  // canonical name, e.g. "parent_code"
  bool required = false;
};

// Where each known column is in a Table's rows.
class ColumnMap {
 public:
  // The index of column `name` (canonical, as in the spec), or nullopt when it is absent.
  std::optional<std::size_t> Find(std::string_view name) const;
  // The cell of `row` in column `name`, or "" when the column is absent.
  const std::string& Cell(const std::vector<std::string>& row, std::string_view name) const;

 private:
  friend Result<ColumnMap> MapColumns(const std::vector<std::string>&, std::span<const ColumnSpec>);
  std::map<std::string, std::size_t, std::less<>> index_;
};

// Matches header names to `specs`, ignoring ASCII case and surrounding spaces. On failure one
// validation error names every problem in `fields` (keyed by the column name as written, or by
// the spreadsheet letter for an unnamed column): "required column is missing", "unknown column",
// "column appears more than once", "column has no name".
Result<ColumnMap> MapColumns(const std::vector<std::string>& header,
                             std::span<const ColumnSpec> specs);

}  // namespace mobilise::importers
