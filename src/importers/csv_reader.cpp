#include "importers/csv_reader.hpp"

#include <string>
#include <utility>
#include <vector>

#include "importers/table_builder.hpp"

namespace mobilise::importers {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string SaveAsUtf8Message(int row) {
  return "row " + std::to_string(row) +
         " is not UTF-8 text: the file must be saved as UTF-8 (in Excel: Save As, "
         "\"CSV UTF-8 (Comma delimited)\") and uploaded again";
}

bool IsUtf16Bom(std::string_view bytes) {
  return bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
}

std::string_view StripBom(std::string_view bytes) {
  if (bytes.starts_with(kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
  return bytes;
}

class Parser {
 public:
  Parser(std::string_view text, char delimiter, const ReadLimits& limits)
      : text_(text), delimiter_(delimiter), builder_(limits, /*strict_width=*/true) {}

  Result<Table> Run() {
    if (text_.empty()) return std::move(builder_).Finish();
    while (pos_ < text_.size()) {
      int row = row_;
      std::vector<std::string> cells;
      bool end_of_row = false;
      while (!end_of_row) {
        std::string cell;
        auto field_end = ReadField(cell);
        if (!field_end) return Fail(std::move(field_end.error()));
        if (!IsValidUtf8(cell) || cell.find('\0') != std::string::npos) {
          return Fail(Error::Validation(SaveAsUtf8Message(row)));
        }
        cells.push_back(std::move(cell));
        end_of_row = *field_end;
      }
      ++row_;
      if (auto added = builder_.AddRow(row, std::move(cells)); !added) {
        return Fail(std::move(added.error()));
      }
    }
    return std::move(builder_).Finish();
  }

 private:
  bool IsBlank(char c) const { return c == ' ' || (c == '\t' && delimiter_ != '\t'); }

  // Consumes a line ending at pos_ if there is one.
  bool AtLineEnd() {
    if (pos_ >= text_.size()) return true;
    if (text_[pos_] == '\n') {
      ++pos_;
      return true;
    }
    if (text_[pos_] == '\r') {
      ++pos_;
      if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      return true;
    }
    return false;
  }

  // Reads one cell into `out`. Returns true when it ended the row (line end or end of input).
  Result<bool> ReadField(std::string& out) {
    std::size_t start = pos_;
    while (pos_ < text_.size() && IsBlank(text_[pos_])) ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '"') return ReadQuoted(out);
    pos_ = start;
    while (pos_ < text_.size() && text_[pos_] != delimiter_ && text_[pos_] != '\n' &&
           text_[pos_] != '\r') {
      ++pos_;
    }
    std::string_view raw = text_.substr(start, pos_ - start);
    while (!raw.empty() && IsBlank(raw.front())) raw.remove_prefix(1);
    while (!raw.empty() && IsBlank(raw.back())) raw.remove_suffix(1);
    out.assign(raw);
    return EndField();
  }

  Result<bool> ReadQuoted(std::string& out) {
    int opened_at = row_;
    ++pos_;  // opening quote
    while (true) {
      std::size_t quote = text_.find('"', pos_);
      if (quote == std::string_view::npos) {
        return Fail(Error::Validation("row " + std::to_string(opened_at) +
                                      ": a quoted cell is never closed (a \" is missing)"));
      }
      out.append(text_.substr(pos_, quote - pos_));
      pos_ = quote + 1;
      if (pos_ < text_.size() && text_[pos_] == '"') {  // "" is a literal quote
        out.push_back('"');
        ++pos_;
        continue;
      }
      break;
    }
    while (pos_ < text_.size() && IsBlank(text_[pos_])) ++pos_;
    if (pos_ < text_.size() && text_[pos_] != delimiter_ && text_[pos_] != '\n' &&
        text_[pos_] != '\r') {
      return Fail(Error::Validation("row " + std::to_string(opened_at) +
                                    ": unexpected text after a closing quote; a quote inside a "
                                    "quoted cell must be doubled (\"\")"));
    }
    return EndField();
  }

  bool EndField() {
    if (pos_ < text_.size() && text_[pos_] == delimiter_) {
      ++pos_;
      return false;
    }
    AtLineEnd();
    return true;
  }

  std::string_view text_;
  char delimiter_;
  detail::TableBuilder builder_;
  std::size_t pos_ = 0;
  int row_ = 1;
};

}  // namespace

char DetectCsvDelimiter(std::string_view bytes) {
  bytes = StripBom(bytes);
  std::size_t comma = 0, semicolon = 0, tab = 0;
  bool quoted = false;
  for (char c : bytes) {
    if (c == '"') {
      quoted = !quoted;  // "" toggles twice: still right for counting
    } else if (!quoted) {
      if (c == '\n' || c == '\r') break;
      if (c == ',') ++comma;
      if (c == ';') ++semicolon;
      if (c == '\t') ++tab;
    }
  }
  if (semicolon > comma && semicolon >= tab) return ';';
  if (tab > comma && tab > semicolon) return '\t';
  return ',';
}

Result<Table> ReadCsv(std::string_view bytes, const ReadLimits& limits, char delimiter) {
  if (bytes.size() > limits.max_bytes) {
    return Fail(Error::TooLarge("the file is " + std::to_string(bytes.size()) + " bytes; at most " +
                                std::to_string(limits.max_bytes) + " are accepted"));
  }
  if (IsUtf16Bom(bytes)) {
    return Fail(Error::Validation(
        "the file is UTF-16 (\"Unicode text\"); save it as \"CSV UTF-8 (Comma delimited)\" and "
        "upload it again"));
  }
  std::string_view text = StripBom(bytes);
  if (delimiter == 0) delimiter = DetectCsvDelimiter(text);
  return Parser(text, delimiter, limits).Run();
}

}  // namespace mobilise::importers
