#include "importers/checked_rows.hpp"

#include <optional>

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
  std::vector<std::optional<std::size_t>> index;
  for (const auto& spec : specs) index.push_back(columns->Find(spec.name));
  for (std::size_t i = 0; i < table->rows.size(); ++i) {
    // Cells are moved out and each table row freed as it goes: a large file is held once.
    auto cells = std::move(table->rows[i]);
    CheckedRow r{table->row_numbers[i], {}};
    r.cells.reserve(specs.size());
    bool bad = false;
    for (std::size_t k = 0; k < specs.size(); ++k) {
      std::string cell;
      if (index[k] && *index[k] < cells.size()) cell = std::move(cells[*index[k]]);
      if (LooksLikeFormula(cell)) {
        out.errors.push_back({r.row, specs[k].name, "formula",
                              "looks like a spreadsheet formula; type the value as text"});
        bad = true;
      }
      r.cells.push_back(std::move(cell));
    }
    if (!bad) out.rows.push_back(std::move(r));
  }
  return out;
}

}  // namespace mobilise::importers
