#include "importers/checked_rows.hpp"

namespace mobilise::importers {

Result<CheckedRows> ReadCheckedRows(std::string_view bytes, std::string_view content_type,
                                    const ReadLimits& limits, std::span<const ColumnSpec> specs) {
  auto table = ReadTable(bytes, content_type, limits);
  if (!table) return Fail(table.error());
  auto columns = MapColumns(table->header, specs);
  if (!columns) return Fail(columns.error());
  CheckedRows out;
  for (const auto& e : table->errors) out.errors.push_back({e.row, e.column, e.code, e.message});
  out.rows.reserve(table->rows.size());
  for (std::size_t i = 0; i < table->rows.size(); ++i) {
    const auto& cells = table->rows[i];
    CheckedRow r{table->row_numbers[i], {}};
    r.cells.reserve(specs.size());
    bool bad = false;
    for (const auto& spec : specs) {
      const auto& cell = columns->Cell(cells, spec.name);
      if (LooksLikeFormula(cell)) {
        out.errors.push_back({r.row, spec.name, "formula",
                              "looks like a spreadsheet formula; type the value as text"});
        bad = true;
      }
      r.cells.push_back(cell);
    }
    if (!bad) out.rows.push_back(std::move(r));
  }
  return out;
}

}  // namespace mobilise::importers
