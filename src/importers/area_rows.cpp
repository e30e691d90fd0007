#include "importers/area_rows.hpp"

#include <array>

#include "importers/checked_rows.hpp"

namespace mobilise::importers {

Result<AreaRows> ReadAreaRows(std::string_view bytes, std::string_view content_type,
                              const ReadLimits& limits) {
  static const std::array<ColumnSpec, 5> kSpecs = {{{"code", true},
                                                    {"name", true},
                                                    {"name_local", false},
                                                    {"level", false},
                                                    {"parent_code", false}}};
  auto read = ReadCheckedRows(bytes, content_type, limits, kSpecs);
  if (!read) return Fail(read.error());
  AreaRows out;
  out.errors = std::move(read->errors);
  for (auto& r : read->rows) {
    auto& c = r.cells;
    out.rows.push_back({r.row, std::move(c[0]), std::move(c[1]), std::move(c[2]), std::move(c[3]),
                        std::move(c[4])});
  }
  return out;
}

}  // namespace mobilise::importers
