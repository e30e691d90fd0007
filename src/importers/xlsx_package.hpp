// Internal to the XLSX reader: the parts of a workbook package around the sheet data
// (relationships, workbook, styles, shared strings).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "importers/xlsx_values.hpp"
#include "importers/xml_stream.hpp"
#include "importers/zip_archive.hpp"

namespace mobilise::importers::detail {

struct SheetInfo {
  std::string name;
  std::string path;  // zip entry, e.g. "xl/worksheets/sheet1.xml"
  bool hidden = false;
};

struct Workbook {
  std::vector<SheetInfo> sheets;  // worksheets only (no chart sheets), in workbook order
  bool date1904 = false;
  std::string styles_path;          // empty when the package has none
  std::string shared_strings_path;  // empty when the package has none
};

// Streams zip entry `name` through `handler`.
Status ParseEntry(const ZipArchive& zip, const std::string& name, std::size_t max_bytes,
                  XmlHandler& handler);

// Finds the workbook through _rels/.rels and reads its sheets and related parts. A validation
// error when the zip is not a spreadsheet.
Result<Workbook> ReadWorkbook(const ZipArchive& zip, std::size_t max_bytes);

// The number kind of every cell style (index = the `s` attribute of a cell).
Result<std::vector<NumberKind>> ReadCellStyles(const ZipArchive& zip, const std::string& path,
                                               std::size_t max_bytes);

Result<std::vector<std::string>> ReadSharedStrings(const ZipArchive& zip, const std::string& path,
                                                   std::size_t max_bytes);

}  // namespace mobilise::importers::detail
