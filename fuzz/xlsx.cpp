// The XLSX reader (importers/xlsx_reader.hpp) on any bytes: the zip, the package parts and the
// sheet XML, with small limits (a zip entry over 1 MiB uncompressed is refused). Then the table
// reader's format detection and the header mapping importers do next.
#include <array>

#include "fuzz_input.hpp"
#include "importers/tabular.hpp"
#include "importers/xlsx_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mobilise::importers;
  const auto bytes = mobilise::fuzz::Bytes(data, size);
  ReadLimits limits;
  limits.max_rows = 200;
  limits.max_columns = 50;
  limits.max_entry_bytes = 1u << 20;
  if (auto sheets = ListXlsxSheets(bytes, limits); sheets && !sheets->empty()) {
    (void)ReadXlsx(bytes, limits, sheets->back());
  }
  auto table = ReadTable(bytes, "upload.xlsx", limits);
  if (table) {
    static const std::array<ColumnSpec, 3> kSpecs{
        {{"code", true}, {"name", true}, {"parent_code", false}}};
    (void)MapColumns(table->header, kSpecs);
  }
  return 0;
}
