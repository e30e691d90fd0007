// The CSV reader (importers/csv_reader.hpp) on any bytes, with small limits so that the limit
// checks are reached; the delimiter is detected, then forced to each of the three.
#include "fuzz_input.hpp"
#include "importers/csv_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mobilise::importers;
  const auto bytes = mobilise::fuzz::Bytes(data, size);
  ReadLimits limits;
  limits.max_rows = 200;
  limits.max_columns = 50;
  (void)DetectCsvDelimiter(bytes);
  auto table = ReadCsv(bytes, limits);
  if (table) {
    for (const auto& row : table->rows) {
      for (const auto& cell : row) (void)LooksLikeFormula(cell);
    }
    for (std::size_t i = 0; i < table->header.size(); ++i) (void)table->ColumnName(i);
  }
  for (char d : {',', ';', '\t'}) (void)ReadCsv(bytes, limits, d);
  return 0;
}
