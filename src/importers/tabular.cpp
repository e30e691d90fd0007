#include "importers/tabular.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

#include "importers/csv_reader.hpp"
#include "importers/xlsx_reader.hpp"

namespace mobilise::importers {
namespace {

std::string Normalise(std::string_view s) {
  auto space = [](unsigned char c) { return std::isspace(c) != 0; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool EndsWithIgnoreCase(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && Normalise(s.substr(s.size() - suffix.size())) == suffix;
}

constexpr std::string_view kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}  // namespace

Result<TableFormat> DetectTableFormat(std::string_view bytes, std::string_view hint) {
  if (bytes.starts_with("PK\x03\x04")) return TableFormat::kXlsx;
  if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    return Fail(Error{ErrorCode::kUnsupported,
                      "the file is an old Excel .xls workbook or is password-protected; save it "
                      "as \"Excel Workbook (.xlsx)\" without a password, or as \"CSV UTF-8\"",
                      {}});
  }
  std::string type = Normalise(hint.substr(0, hint.find(';')));  // drop "; charset=..."
  if (type == kXlsxType || EndsWithIgnoreCase(type, ".xlsx")) {
    return Fail(Error::Validation(
        "the file is not an Excel workbook (.xlsx) although it is called one; save it again as "
        "\"Excel Workbook (.xlsx)\" or as \"CSV UTF-8\""));
  }
  if (type.empty() || type == "text/csv" || type == "application/csv" || type == "text/plain" ||
      type == "application/vnd.ms-excel" || type == "text/tab-separated-values" ||
      type == "application/octet-stream" || EndsWithIgnoreCase(type, ".csv") ||
      EndsWithIgnoreCase(type, ".txt") || EndsWithIgnoreCase(type, ".tsv")) {
    return TableFormat::kCsv;
  }
  return Fail(Error{
      ErrorCode::kUnsupported,
      "only CSV (UTF-8) and Excel .xlsx files can be imported, not \"" + std::string(hint) + "\"",
      {}});
}

Result<Table> ReadTable(std::string_view bytes, std::string_view content_type_or_filename,
                        const ReadLimits& limits) {
  if (bytes.size() > limits.max_bytes) {
    return Fail(Error::TooLarge("the file is " + std::to_string(bytes.size()) + " bytes; at most " +
                                std::to_string(limits.max_bytes) + " are accepted"));
  }
  auto format = DetectTableFormat(bytes, content_type_or_filename);
  if (!format) return Fail(std::move(format.error()));
  if (*format == TableFormat::kXlsx) return ReadXlsx(bytes, limits);
  return ReadCsv(bytes, limits);
}

std::optional<std::size_t> ColumnMap::Find(std::string_view name) const {
  auto it = index_.find(Normalise(name));
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

const std::string& ColumnMap::Cell(const std::vector<std::string>& row,
                                   std::string_view name) const {
  static const std::string kEmpty;
  auto index = Find(name);
  return index && *index < row.size() ? row[*index] : kEmpty;
}

Result<ColumnMap> MapColumns(const std::vector<std::string>& header,
                             std::span<const ColumnSpec> specs) {
  std::map<std::string, const ColumnSpec*, std::less<>> known;
  for (const ColumnSpec& spec : specs) known[Normalise(spec.name)] = &spec;

  ColumnMap map;
  FieldProblems fields;
  std::vector<std::string> missing, unknown, other;
  for (std::size_t i = 0; i < header.size(); ++i) {
    std::string key = Normalise(header[i]);
    if (key.empty()) {
      fields[ColumnLetters(i)] = problem::ColumnHasNoName();
      other.push_back("column " + ColumnLetters(i) + " has no name");
    } else if (!known.contains(key)) {
      fields[header[i]] = problem::UnknownColumn();
      unknown.push_back(header[i]);
    } else if (!map.index_.emplace(key, i).second) {
      fields[header[i]] = problem::ColumnTwice();
      other.push_back("\"" + header[i] + "\" appears more than once");
    }
  }
  for (const ColumnSpec& spec : specs) {
    if (spec.required && !map.index_.contains(Normalise(spec.name))) {
      fields[spec.name] = problem::RequiredColumnMissing();
      missing.push_back(spec.name);
    }
  }
  if (fields.empty()) return map;

  auto join = [](const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
  };
  std::string message = "the header row does not match: ";
  std::vector<std::string> parts;
  if (!missing.empty()) parts.push_back("missing required columns: " + join(missing));
  if (!unknown.empty()) parts.push_back("unknown columns: " + join(unknown));
  parts.insert(parts.end(), other.begin(), other.end());
  std::string expected;
  for (const ColumnSpec& spec : specs) expected += (expected.empty() ? "" : ", ") + spec.name;
  for (std::size_t i = 0; i < parts.size(); ++i) message += (i ? "; " : "") + parts[i];
  message += " (expected columns: " + expected + ")";
  return Fail(Error::Validation(std::move(message), std::move(fields)));
}

}  // namespace mobilise::importers
