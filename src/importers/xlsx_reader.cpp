#include "importers/xlsx_reader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <utility>

#include "importers/table_builder.hpp"
#include "importers/xlsx_package.hpp"

namespace mobilise::importers {
namespace {

using detail::CellProblem;
using detail::NumberKind;

constexpr std::string_view kFormulaMessage =
    "formulas are not accepted; paste values (copy the cells, then Paste Special > Values)";

std::optional<long long> ParseInt(std::string_view s) {
  long long v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

// Streams <sheetData> into a TableBuilder, one <row> at a time.
class SheetHandler : public detail::XmlHandler {
 public:
  SheetHandler(const ReadLimits& limits, const std::vector<std::string>& shared_strings,
               const std::vector<NumberKind>& styles, bool date1904)
      : builder_(limits, /*strict_width=*/false),
        shared_strings_(shared_strings),
        styles_(styles),
        date1904_(date1904) {}

  void Start(std::string_view name, const char** attrs) override {
    if (name == "row") {
      const char* r = detail::Attr(attrs, "r");
      auto number = r != nullptr ? ParseInt(r) : std::nullopt;
      if (r != nullptr && (!number || *number < 1 || *number > 1'048'576)) {
        return Stop(
            Error::Validation("the sheet is damaged: bad row number \"" + std::string(r) + "\""));
      }
      row_ = number ? static_cast<int>(*number) : row_ + 1;
      in_row_ = true;
      column_ = -1;
      cells_.clear();
      problems_.clear();
    } else if (name == "c" && in_row_) {
      const char* r = detail::Attr(attrs, "r");
      if (r != nullptr) {
        auto column = detail::ColumnOfReference(r);
        if (!column) {
          return Stop(Error::Validation("the sheet is damaged: bad cell reference \"" +
                                        std::string(r) + "\" in row " + std::to_string(row_)));
        }
        column_ = static_cast<long long>(*column);
      } else {
        ++column_;
      }
      const char* t = detail::Attr(attrs, "t");
      type_ = t != nullptr ? t : "n";
      const char* s = detail::Attr(attrs, "s");
      auto style = s != nullptr ? ParseInt(s) : std::nullopt;
      kind_ = style && *style >= 0 && static_cast<std::size_t>(*style) < styles_.size()
                  ? styles_[static_cast<std::size_t>(*style)]
                  : NumberKind::kPlain;
      has_formula_ = false;
      value_.clear();
      text_.clear();
    } else if (name == "f") {
      has_formula_ = true;
    } else if (name == "v") {
      in_v_ = true;
    } else if (name == "rPh") {
      ++in_phonetic_;
    } else if (name == "t" && in_phonetic_ == 0) {
      in_t_ = true;
    }
  }

  void End(std::string_view name) override {
    if (name == "v") {
      in_v_ = false;
    } else if (name == "t") {
      in_t_ = false;
    } else if (name == "rPh") {
      --in_phonetic_;
    } else if (name == "c" && in_row_) {
      FinishCell();
    } else if (name == "row" && in_row_) {
      in_row_ = false;
      std::size_t width = 0;
      for (const auto& [column, value] : cells_) width = std::max(width, column + 1);
      std::vector<std::string> dense(width);
      for (auto& [column, value] : cells_) dense[column] = std::move(value);
      if (auto added = builder_.AddRow(row_, std::move(dense), std::move(problems_)); !added) {
        Stop(std::move(added.error()));
      }
      cells_.clear();
      problems_.clear();
    }
  }

  void Text(std::string_view text) override {
    if (in_v_) value_.append(text);
    if (in_t_) text_.append(text);
  }

  Result<Table> Finish() && { return std::move(builder_).Finish(); }

 private:
  void Problem(std::string code, std::string message) {
    problems_.push_back(
        CellProblem{static_cast<std::size_t>(column_), std::move(code), std::move(message)});
  }

  void FinishCell() {
    if (has_formula_) return Problem("formula", std::string(kFormulaMessage));
    std::string out;
    if (type_ == "s") {
      auto index = ParseInt(value_);
      if (!index || *index < 0 || static_cast<std::size_t>(*index) >= shared_strings_.size()) {
        return Problem("invalid", "the cell refers to a missing shared string");
      }
      out = shared_strings_[static_cast<std::size_t>(*index)];
    } else if (type_ == "inlineStr") {
      out = detail::DecodeEscapes(text_);
    } else if (type_ == "str") {
      out = detail::DecodeEscapes(value_);
    } else if (type_ == "b") {
      if (value_.empty()) return;
      out = value_ == "1" ? "TRUE" : "FALSE";
    } else if (type_ == "e") {
      return Problem("cell_error", "the cell shows the error " + value_);
    } else if (type_ == "d") {  // ISO 8601 text
      out = kind_ == NumberKind::kDate ? value_.substr(0, 10) : value_;
    } else if (value_.empty()) {
      return;
    } else if (kind_ != NumberKind::kPlain) {
      auto date = detail::RenderSerialDate(value_, kind_, date1904_);
      if (!date) return Problem("invalid", "the cell is formatted as a date but is not a date");
      out = std::move(*date);
    } else {
      out = detail::RenderNumber(value_);
    }
    if (!out.empty()) cells_.emplace_back(static_cast<std::size_t>(column_), std::move(out));
  }

  detail::TableBuilder builder_;
  const std::vector<std::string>& shared_strings_;
  const std::vector<NumberKind>& styles_;
  bool date1904_;

  bool in_row_ = false;
  int row_ = 0;
  long long column_ = -1;
  std::string type_;
  NumberKind kind_ = NumberKind::kPlain;
  bool has_formula_ = false;
  bool in_v_ = false;
  bool in_t_ = false;
  int in_phonetic_ = 0;
  std::string value_;  // <v>
  std::string text_;   // <is><t>
  std::vector<std::pair<std::size_t, std::string>> cells_;
  std::vector<CellProblem> problems_;
};

Error TooLargeFile(std::size_t size, std::size_t max) {
  return Error::TooLarge("the file is " + std::to_string(size) + " bytes; at most " +
                         std::to_string(max) + " are accepted");
}

Result<detail::Workbook> OpenWorkbook(std::string_view bytes, const ReadLimits& limits,
                                      std::optional<detail::ZipArchive>& zip) {
  if (bytes.size() > limits.max_bytes) return Fail(TooLargeFile(bytes.size(), limits.max_bytes));
  if (!bytes.starts_with("PK\x03\x04")) {
    return Fail(Error::Validation(
        "the file is not an Excel workbook (.xlsx); save it as \"Excel Workbook (.xlsx)\" or as "
        "\"CSV UTF-8\""));
  }
  auto opened = detail::ZipArchive::Open(bytes);
  if (!opened) return Fail(std::move(opened.error()));
  zip.emplace(std::move(*opened));
  return detail::ReadWorkbook(*zip, limits.max_entry_bytes);
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

Result<const detail::SheetInfo*> ChooseSheet(const detail::Workbook& workbook,
                                             std::string_view name) {
  if (name.empty()) {
    for (const auto& sheet : workbook.sheets) {
      if (!sheet.hidden) return &sheet;
    }
    return &workbook.sheets.front();
  }
  for (const auto& sheet : workbook.sheets) {
    if (sheet.name == name) return &sheet;
  }
  for (const auto& sheet : workbook.sheets) {
    if (EqualsIgnoreCase(sheet.name, name)) return &sheet;
  }
  std::string names;
  for (const auto& sheet : workbook.sheets) names += (names.empty() ? "" : ", ") + sheet.name;
  return Fail(Error::Validation(
      "the workbook has no sheet named \"" + std::string(name) + "\"; its sheets are: " + names,
      {{"sheet", problem::NoSuchSheet()}}));
}

}  // namespace

Result<Table> ReadXlsx(std::string_view bytes, const ReadLimits& limits,
                       std::string_view sheet_name) {
  std::optional<detail::ZipArchive> zip;
  auto workbook = OpenWorkbook(bytes, limits, zip);
  if (!workbook) return Fail(std::move(workbook.error()));
  auto sheet = ChooseSheet(*workbook, sheet_name);
  if (!sheet) return Fail(std::move(sheet.error()));
  auto styles = detail::ReadCellStyles(*zip, workbook->styles_path, limits.max_entry_bytes);
  if (!styles) return Fail(std::move(styles.error()));
  auto strings =
      detail::ReadSharedStrings(*zip, workbook->shared_strings_path, limits.max_entry_bytes);
  if (!strings) return Fail(std::move(strings.error()));

  SheetHandler handler(limits, *strings, *styles, workbook->date1904);
  if (auto parsed = detail::ParseEntry(*zip, (*sheet)->path, limits.max_entry_bytes, handler);
      !parsed) {
    return Fail(std::move(parsed.error()));
  }
  return std::move(handler).Finish();
}

Result<std::vector<std::string>> ListXlsxSheets(std::string_view bytes, const ReadLimits& limits) {
  std::optional<detail::ZipArchive> zip;
  auto workbook = OpenWorkbook(bytes, limits, zip);
  if (!workbook) return Fail(std::move(workbook.error()));
  std::vector<std::string> names;
  for (const auto& sheet : workbook->sheets) names.push_back(sheet.name);
  return names;
}

}  // namespace mobilise::importers
