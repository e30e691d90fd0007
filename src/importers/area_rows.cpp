#include "importers/area_rows.hpp"

#include <array>

#include "importers/tabular.hpp"

namespace mobilise::importers {

Result<AreaRows> ReadAreaRows(std::string_view bytes, std::string_view content_type,
                              const ReadLimits& limits) {
  auto table = ReadTable(bytes, content_type, limits);
  if (!table) return Fail(table.error());
  static const std::array<ColumnSpec, 5> kSpecs = {{{"code", true},
                                                    {"name", true},
                                                    {"name_local", false},
                                                    {"level", false},
                                                    {"parent_code", false}}};
  auto columns = MapColumns(table->header, kSpecs);
  if (!columns) return Fail(columns.error());

  AreaRows out;
  for (const auto& e : table->errors) out.errors.push_back({e.row, e.column, e.code, e.message});
  for (std::size_t i = 0; i < table->rows.size(); ++i) {
    const auto& cells = table->rows[i];
    const int row = table->row_numbers[i];
    bool bad = false;
    for (const auto& spec : kSpecs) {
      if (LooksLikeFormula(columns->Cell(cells, spec.name))) {
        out.errors.push_back({row, spec.name, "formula",
                              "looks like a spreadsheet formula; type the value as text"});
        bad = true;
      }
    }
    if (bad) continue;
    out.rows.push_back({row, columns->Cell(cells, "code"), columns->Cell(cells, "name"),
                        columns->Cell(cells, "name_local"), columns->Cell(cells, "level"),
                        columns->Cell(cells, "parent_code")});
  }
  return out;
}

}  // namespace mobilise::importers
