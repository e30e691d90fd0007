#include <xlsxwriter.h>
#include <zip.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string_view>

#include "reports/csv_field.hpp"
#include "reports/row_tables.hpp"
#include "reports/sheet_names.hpp"

namespace mobilise::reports {
namespace {

constexpr std::string_view kEol = "\r\n";
constexpr std::size_t kMaxCellBytes = 32767;  // Excel's limit on a cell's text

bool IsNumeric(const RowTable& table, std::size_t column) {
  return column < table.numeric.size() && table.numeric[column];
}

void WriteCsvRow(std::ostream& out, const RowTable& table, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out << ',';
    WriteCsvField(out, cells[i], !IsNumeric(table, i));
  }
  out << kEol;
}

// The CSV of each table in a temporary file beside the zip, removed when this goes.
class CsvFiles final : public RowWriter {
 public:
  CsvFiles(const std::vector<RowTable>& tables, const std::string& zip_path) : tables_(tables) {
    for (std::size_t i = 0; i < tables.size(); ++i) {
      paths_.push_back(zip_path + "." + std::to_string(i) + ".csv");
      files_.push_back(
          std::make_unique<std::ofstream>(paths_.back(), std::ios::binary | std::ios::trunc));
      WriteCsvRow(*files_.back(), tables[i], tables[i].columns);
    }
  }
  ~CsvFiles() override {
    files_.clear();
    for (const auto& path : paths_) std::remove(path.c_str());
  }
  CsvFiles(const CsvFiles&) = delete;
  CsvFiles& operator=(const CsvFiles&) = delete;

  Status Row(std::size_t table, const std::vector<std::string>& cells) override {
    if (table >= files_.size() || cells.size() != tables_[table].columns.size())
      return Fail(Error::Internal("a row does not fit its table"));
    WriteCsvRow(*files_[table], tables_[table], cells);
    return {};
  }

  // Closes the files: false when one could not be written.
  bool Close() {
    bool ok = true;
    for (auto& file : files_) {
      file->close();
      ok = ok && !file->fail();
    }
    return ok;
  }

  const std::vector<std::string>& paths() const { return paths_; }

 private:
  const std::vector<RowTable>& tables_;
  std::vector<std::string> paths_;
  std::vector<std::unique_ptr<std::ofstream>> files_;
};

Status ZipFiles(const std::vector<RowTable>& tables, const std::vector<std::string>& files,
                const std::string& path) {
  int code = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
  if (archive == nullptr) return Fail(Error::Internal("the zip could not be created"));
  for (std::size_t i = 0; i < tables.size(); ++i) {
    zip_source_t* source = zip_source_file(archive, files[i].c_str(), 0, -1);
    const std::string name = tables[i].name + ".csv";
    if (source == nullptr || zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) < 0) {
      if (source != nullptr) zip_source_free(source);
      zip_discard(archive);
      return Fail(Error::Internal("a CSV could not be added to the zip"));
    }
  }
  if (zip_close(archive) != 0) {  // reads the CSVs and writes the zip
    zip_discard(archive);
    return Fail(Error::Internal("the zip could not be written"));
  }
  return {};
}

std::string Clip(const std::string& text) {
  if (text.size() <= kMaxCellBytes) return text;
  std::size_t end = kMaxCellBytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

std::optional<double> Number(const std::string& text) {
  double value = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

// One worksheet per table, rows appended in order (constant memory flushes each finished row).
class Sheets final : public RowWriter {
 public:
  Sheets(lxw_workbook* workbook, const std::vector<RowTable>& tables) : tables_(tables) {
    std::vector<std::string> titles;
    for (const auto& table : tables) titles.push_back(table.name);
    const auto names = SheetNames(titles, "Sheet");
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    for (std::size_t i = 0; i < tables.size(); ++i) {
      lxw_worksheet* sheet = workbook_add_worksheet(workbook, names[i].c_str());
      sheets_.push_back(sheet);
      next_row_.push_back(1);
      if (sheet == nullptr) continue;
      for (std::size_t c = 0; c < tables[i].columns.size(); ++c)
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c),
                               Clip(tables[i].columns[c]).c_str(), bold);
      worksheet_freeze_panes(sheet, 1, 0);
    }
  }

  bool complete() const {
    for (auto* sheet : sheets_)
      if (sheet == nullptr) return false;
    return true;
  }

  Status Row(std::size_t table, const std::vector<std::string>& cells) override {
    if (table >= sheets_.size() || cells.size() != tables_[table].columns.size())
      return Fail(Error::Internal("a row does not fit its table"));
    lxw_worksheet* sheet = sheets_[table];
    const lxw_row_t row = next_row_[table]++;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (cells[c].empty()) continue;
      const auto col = static_cast<lxw_col_t>(c);
      const auto number = IsNumeric(tables_[table], c) ? Number(cells[c]) : std::nullopt;
      if (number) {
        worksheet_write_number(sheet, row, col, *number, nullptr);
      } else {
        worksheet_write_string(sheet, row, col, Clip(cells[c]).c_str(), nullptr);
      }
    }
    return {};
  }

 private:
  const std::vector<RowTable>& tables_;
  std::vector<lxw_worksheet*> sheets_;
  std::vector<lxw_row_t> next_row_;
};

}  // namespace

Status RenderCsvZip(const std::vector<RowTable>& tables, const RowProducer& rows,
                    const std::string& path) {
  CsvFiles files(tables, path);
  if (auto done = rows(files); !done) return done;
  if (!files.Close()) return Fail(Error::Internal("cannot write the export"));
  return ZipFiles(tables, files.paths(), path);
}

Status RenderRowsXlsx(const std::vector<RowTable>& tables, const RowProducer& rows,
                      const std::string& path) {
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  if (!workbook) return Fail(Error::Internal("the workbook could not be created"));
  Sheets sheets(workbook, tables);
  Status done =
      sheets.complete() ? rows(sheets) : Fail(Error::Internal("a worksheet could not be added"));
  const lxw_error error = workbook_close(workbook);
  if (!done) return done;
  if (error != LXW_NO_ERROR) {
    return Fail(
        Error::Internal(std::string("the workbook could not be written: ") + lxw_strerror(error)));
  }
  return {};
}

}  // namespace mobilise::reports
