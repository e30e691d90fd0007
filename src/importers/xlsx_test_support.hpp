// Test-only helpers: real XLSX files written with libxlsxwriter, and hand-made zips (libzip) for
// the cases a well-behaved writer never produces.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

namespace mobilise::importers::testing {

inline std::string TempPath(const char* suffix) {
  static std::atomic<int> counter{0};
  return ::testing::TempDir() + "mobilise_importers_" + std::to_string(getpid()) + "_" +
         std::to_string(counter++) + suffix;
}

inline std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Writes a workbook with libxlsxwriter and returns the file's bytes.
inline std::string MakeXlsx(const std::function<void(lxw_workbook*)>& fill,
                            bool constant_memory = false) {
  std::string path = TempPath(".xlsx");
  lxw_workbook_options options = {};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  EXPECT_NE(workbook, nullptr);
  fill(workbook);
  EXPECT_EQ(workbook_close(workbook), LXW_NO_ERROR);
  std::string bytes = Slurp(path);
  std::remove(path.c_str());
  return bytes;
}

// A text cell for TextWorkbook: its row and column (from 0) and its text.
struct TextCell {
  lxw_row_t row;
  lxw_col_t column;
  const char* text;
};

// A workbook of one sheet that holds `cells` and nothing else.
inline std::string TextWorkbook(std::vector<TextCell> cells) {
  return MakeXlsx([&cells](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    for (const auto& c : cells) worksheet_write_string(ws, c.row, c.column, c.text, nullptr);
  });
}

// A zip holding exactly `entries` (name, content), deflated.
inline std::string MakeZip(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string path = TempPath(".zip");
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  EXPECT_NE(archive, nullptr);
  for (const auto& [name, content] : entries) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    EXPECT_GE(zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE), 0);
  }
  EXPECT_EQ(zip_close(archive), 0);
  std::string bytes = Slurp(path);
  std::remove(path.c_str());
  return bytes;
}

// The package parts around one worksheet, for hand-written sheet XML.
inline std::vector<std::pair<std::string, std::string>> MinimalPackage(
    const std::string& sheet_xml, const std::string& shared_strings_xml = "",
    const std::string& styles_xml = "", const std::string& workbook_pr = "") {
  std::string rels =
      R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)";
  if (!shared_strings_xml.empty()) {
    rels +=
        R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)";
  }
  if (!styles_xml.empty()) {
    rels +=
        R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/>)";
  }
  rels += "</Relationships>";
  std::vector<std::pair<std::string, std::string>> entries = {
      {"_rels/.rels",
       R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
       R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)"},
      {"xl/workbook.xml",
       R"(<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)" +
           workbook_pr +
           R"(<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
      {"xl/_rels/workbook.xml.rels", rels},
      {"xl/worksheets/sheet1.xml", sheet_xml},
  };
  if (!shared_strings_xml.empty()) entries.emplace_back("xl/sharedStrings.xml", shared_strings_xml);
  if (!styles_xml.empty()) entries.emplace_back("xl/styles.xml", styles_xml);
  return entries;
}

inline std::string SheetXml(const std::string& sheet_data) {
  return R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
         sheet_data + "</sheetData></worksheet>";
}

}  // namespace mobilise::importers::testing
