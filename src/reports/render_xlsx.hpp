// A report Document as an Excel workbook (libxlsxwriter behind this header).
//
// - A cover sheet named after the title: title, subtitle, the facts (label, value) and the
//   contents (a link to each section's sheet with the section's full title).
// - One worksheet per section (names made valid and unique by SheetNames()). A section with tables
//   starts with its first table's header in row 1 (so the sheet reads back as a table); others
//   start with the section title. Each table (after the first, under its title) has a bold
//   filled header row, numbers stored as numbers (integers "#,##0", others
//   "#,##0.0#", percentages as real percentages — 87.5 is stored as 0.875 with format "0.0%" —,
//   traffic lights as green/amber/red fills), panes frozen below the first table's header; then
//   each chart as a native chart (bar -> clustered column, line -> line with markers) drawn from a
//   table on the sheet whose label column and series columns hold exactly its data, or else from
//   a small data table written above it; then the narrative as wrapped rows. Photos are not
//   included.
// - Right-to-left documents get right-to-left sheets.
// - Written in constant_memory mode (rows strictly in order, flushed to a temporary file as they
//   are done), so a large table is not held in memory.
#pragma once

#include <string>

#include "core/result.hpp"
#include "reports/document.hpp"

namespace mobilise::reports {

struct XlsxOptions {
  bool constant_memory = true;
  std::string tmpdir;  // where constant_memory keeps its temporary files; "" = the system's
};

// Writes the workbook to `path` (replacing it). Internal error when the file cannot be written.
Status RenderXlsx(const Document& document, const std::string& path,
                  const XlsxOptions& options = {});

}  // namespace mobilise::reports
