#include "reports/render_xlsx.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <optional>
#include <vector>

#include "reports/image.hpp"
#include "reports/paragraphs.hpp"
#include "reports/sheet_names.hpp"

namespace mobilise::reports {
namespace {

constexpr std::size_t kMaxCellBytes = 32767;  // Excel's limit on a cell's text
constexpr double kMinWidth = 8, kMaxWidth = 60;
constexpr lxw_row_t kChartRows = 22;  // rows a chart occupies at the scale used below
constexpr int kPhotoSide = 480;       // pixels, the longest side of a photo on a sheet
constexpr double kRowPixels = 20;     // the default row height (15 points)

// Text cut to what a cell holds, on a UTF-8 character boundary.
std::string Clip(const std::string& text) {
  if (text.size() <= kMaxCellBytes) return text;
  std::size_t end = kMaxCellBytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

enum class Kind { kLabel, kText, kInteger, kDecimal, kPercent };

Kind KindOf(const Cell& cell, bool label_column) {
  if (!cell.number || !std::isfinite(*cell.number))
    return label_column ? Kind::kLabel : Kind::kText;
  if (cell.percent) return Kind::kPercent;
  double v = *cell.number;
  return (v == std::floor(v) && std::fabs(v) < 1e15) ? Kind::kInteger : Kind::kDecimal;
}

// Formats are owned by the workbook; this hands out one per (kind, light).
class Formats {
 public:
  explicit Formats(lxw_workbook* workbook) : workbook_(workbook) {
    title_ = New();
    format_set_bold(title_);
    format_set_font_size(title_, 18);
    subtitle_ = New();
    format_set_font_size(subtitle_, 13);
    format_set_italic(subtitle_);
    heading_ = New();
    format_set_bold(heading_);
    format_set_font_size(heading_, 14);
    bold_ = New();
    format_set_bold(bold_);
    header_ = New();
    format_set_bold(header_);
    format_set_bg_color(header_, 0xDCE6F1);
    format_set_border(header_, LXW_BORDER_THIN);
    format_set_border_color(header_, 0xA6A6A6);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
    link_ = New();
    format_set_underline(link_, LXW_UNDERLINE_SINGLE);
    format_set_font_color(link_, 0x0563C1);
    wrap_ = New();
    format_set_text_wrap(wrap_);
    format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
  }

  lxw_format* title() const { return title_; }
  lxw_format* subtitle() const { return subtitle_; }
  lxw_format* heading() const { return heading_; }
  lxw_format* bold() const { return bold_; }
  lxw_format* header() const { return header_; }
  lxw_format* wrap() const { return wrap_; }
  lxw_format* link() const { return link_; }

  lxw_format* For(Kind kind, const std::string& light) {
    auto key = std::make_pair(static_cast<int>(kind), light);
    if (auto it = cells_.find(key); it != cells_.end()) return it->second;
    lxw_format* f = New();
    format_set_border(f, LXW_BORDER_THIN);
    format_set_border_color(f, 0xD9D9D9);
    switch (kind) {
      case Kind::kLabel:
        break;
      case Kind::kText:
        format_set_align(f, LXW_ALIGN_RIGHT);
        break;
      case Kind::kInteger:
        format_set_num_format(f, "#,##0");
        break;
      case Kind::kDecimal:
        format_set_num_format(f, "#,##0.0#");
        break;
      case Kind::kPercent:
        format_set_num_format(f, "0.0%");
        break;
    }
    // Excel's own "Good / Neutral / Bad" cell styles.
    if (light == "green") {
      format_set_bg_color(f, 0xC6EFCE);
      format_set_font_color(f, 0x006100);
    } else if (light == "amber") {
      format_set_bg_color(f, 0xFFEB9C);
      format_set_font_color(f, 0x9C5700);
    } else if (light == "red") {
      format_set_bg_color(f, 0xFFC7CE);
      format_set_font_color(f, 0x9C0006);
    }
    cells_[key] = f;
    return f;
  }

 private:
  lxw_format* New() { return workbook_add_format(workbook_); }

  lxw_workbook* workbook_;
  lxw_format *title_, *subtitle_, *heading_, *bold_, *header_, *wrap_, *link_;
  std::map<std::pair<int, std::string>, lxw_format*> cells_;
};

// Where a table landed on its sheet, for charts drawn from it.
struct Placed {
  const Table* table;
  lxw_row_t header_row;
};

struct ChartSource {
  lxw_row_t header_row;                  // series names are in this row
  lxw_row_t first_row, last_row;         // category rows
  std::vector<lxw_col_t> value_columns;  // one per series
};

// A table on the sheet that holds exactly the chart's data: the labels in its first column and,
// for every series, a column headed with the series name holding the same values.
std::optional<ChartSource> FindSource(const Chart& chart, const std::vector<Placed>& placed) {
  for (const auto& p : placed) {
    const Table& t = *p.table;
    if (t.rows.size() != chart.labels.size() || t.rows.empty()) continue;
    bool labels_match = true;
    for (std::size_t i = 0; i < t.rows.size() && labels_match; ++i) {
      labels_match = !t.rows[i].empty() && t.rows[i][0].text == chart.labels[i];
    }
    if (!labels_match) continue;
    ChartSource source{
        p.header_row, p.header_row + 1, static_cast<lxw_row_t>(p.header_row + t.rows.size()), {}};
    for (const auto& series : chart.series) {
      std::optional<lxw_col_t> found;
      for (std::size_t c = 1; c < t.columns.size() && !found; ++c) {
        if (t.columns[c] != series.name) continue;
        bool same = true;
        for (std::size_t i = 0; i < t.rows.size() && same; ++i) {
          std::optional<double> want = i < series.values.size() ? series.values[i] : std::nullopt;
          std::optional<double> have = c < t.rows[i].size() ? t.rows[i][c].number : std::nullopt;
          same = want.has_value() == have.has_value() && (!want || *want == *have);
        }
        if (same) found = static_cast<lxw_col_t>(c);
      }
      if (!found) break;
      source.value_columns.push_back(*found);
    }
    if (source.value_columns.size() == chart.series.size()) return source;
  }
  return std::nullopt;
}

// Column widths (in Excel's character units) for everything a section sheet shows in cells.
class Widths {
 public:
  void Text(std::size_t col, std::string_view text) { Grow(col, Utf8Length(text) + 2.0); }
  // Headers wrap, so they ask for their longest word and at most 24 characters.
  void Header(std::size_t col, std::string_view text) {
    std::size_t longest = 0, run = 0;
    for (char c : text) {
      if (c == ' ')
        run = 0;
      else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
        longest = std::max(longest, ++run);
    }
    Grow(col, std::max<double>(longest, std::min<double>(Utf8Length(text), 24)) + 2.0);
  }
  void Number(std::size_t col) { Grow(col, 10); }
  double Of(std::size_t col) const {
    return std::clamp(col < w_.size() ? w_[col] : kMinWidth, kMinWidth, kMaxWidth);
  }
  std::size_t Count() const { return w_.size(); }

 private:
  void Grow(std::size_t col, double width) {
    if (w_.size() <= col) w_.resize(col + 1, kMinWidth);
    w_[col] = std::max(w_[col], width);
  }
  std::vector<double> w_;
};

class SectionSheet {
 public:
  // `images` keeps the photos' bytes until the workbook is closed.
  SectionSheet(lxw_workbook* workbook, lxw_worksheet* sheet, const std::string& name,
               Formats& formats, std::deque<std::string>& images)
      : workbook_(workbook), sheet_(sheet), name_(name), formats_(formats), images_(images) {}

  // A section with tables starts with its first table's header in row 1, frozen: the sheet reads
  // as a table in any spreadsheet or importer, and its name (and the cover's contents) say what
  // it is. Other sections start with their title.
  void Write(const Section& section) {
    for (const auto& chart : section.charts) Measure(chart);
    for (const auto& table : section.tables) Measure(table);
    for (std::size_t c = 0; c < widths_.Count(); ++c) {
      worksheet_set_column(sheet_, c, c, widths_.Of(c), nullptr);
    }
    if (section.tables.empty()) {
      worksheet_write_string(sheet_, row_++, 0, Clip(section.title).c_str(), formats_.heading());
      ++row_;
    }
    for (std::size_t t = 0; t < section.tables.size(); ++t) WriteTable(section.tables[t], t > 0);
    for (const auto& chart : section.charts) WriteChart(chart);
    for (const auto& narrative : section.narrative) WriteNarrative(narrative);
    for (const auto& photo : section.photos) WritePhoto(photo);
  }

 private:
  void Measure(const Table& table) {
    for (std::size_t c = 0; c < table.columns.size(); ++c) widths_.Header(c, table.columns[c]);
    for (const auto& row : table.rows) {
      for (std::size_t c = 0; c < row.size(); ++c) {
        if (row[c].number) {
          widths_.Text(c, row[c].text);
          widths_.Number(c);
        } else {
          widths_.Text(c, row[c].text);
        }
      }
    }
  }

  void Measure(const Chart& chart) {
    for (const auto& label : chart.labels) widths_.Text(0, label);
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
      widths_.Header(s + 1, chart.series[s].name);
      widths_.Number(s + 1);
    }
  }

  // Height for a row of header cells that wrap at their column widths.
  double HeaderHeight(const std::vector<std::string>& headers) const {
    double lines = 1;
    for (std::size_t c = 0; c < headers.size(); ++c) {
      double per_line = std::max(1.0, widths_.Of(c) - 1.5);
      lines = std::max(lines, std::ceil(Utf8Length(headers[c]) / per_line));
    }
    return std::min(409.0, 15.0 * lines);
  }

  void WriteHeader(const std::vector<std::string>& headers) {
    worksheet_set_row(sheet_, row_, HeaderHeight(headers), nullptr);
    for (std::size_t c = 0; c < headers.size(); ++c) {
      worksheet_write_string(sheet_, row_, c, Clip(headers[c]).c_str(), formats_.header());
    }
  }

  void WriteCell(lxw_col_t col, const Cell& cell, bool label_column) {
    Kind kind = KindOf(cell, label_column);
    lxw_format* format = formats_.For(kind, cell.light);
    if (kind == Kind::kPercent) {
      worksheet_write_number(sheet_, row_, col, *cell.number / 100.0, format);
    } else if (kind == Kind::kInteger || kind == Kind::kDecimal) {
      worksheet_write_number(sheet_, row_, col, *cell.number, format);
    } else {
      worksheet_write_string(sheet_, row_, col, Clip(cell.text).c_str(), format);
    }
  }

  void WriteTable(const Table& table, bool with_title) {
    if (with_title && !table.title.empty()) {
      worksheet_write_string(sheet_, row_++, 0, Clip(table.title).c_str(), formats_.bold());
    }
    WriteHeader(table.columns);
    if (!frozen_) {
      worksheet_freeze_panes(sheet_, row_ + 1, 0);
      frozen_ = true;
    }
    placed_.push_back({&table, row_});
    ++row_;
    for (const auto& cells : table.rows) {
      for (std::size_t c = 0; c < cells.size(); ++c) {
        WriteCell(static_cast<lxw_col_t>(c), cells[c], static_cast<int>(c) < table.label_columns);
      }
      ++row_;
    }
    ++row_;
  }

  ChartSource WriteChartData(const Chart& chart) {
    worksheet_write_string(sheet_, row_++, 0, Clip(chart.title).c_str(), formats_.bold());
    std::vector<std::string> headers{""};
    for (const auto& s : chart.series) headers.push_back(s.name);
    WriteHeader(headers);
    ChartSource source{row_, row_ + 1, static_cast<lxw_row_t>(row_ + chart.labels.size()), {}};
    ++row_;
    for (std::size_t i = 0; i < chart.labels.size(); ++i) {
      worksheet_write_string(sheet_, row_, 0, Clip(chart.labels[i]).c_str(),
                             formats_.For(Kind::kLabel, ""));
      for (std::size_t s = 0; s < chart.series.size(); ++s) {
        const auto& values = chart.series[s].values;
        if (i < values.size() && values[i] && std::isfinite(*values[i])) {
          Cell cell{"", values[i], "", false};
          WriteCell(static_cast<lxw_col_t>(s + 1), cell, false);
        }
      }
      ++row_;
    }
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
      source.value_columns.push_back(static_cast<lxw_col_t>(s + 1));
    }
    ++row_;
    return source;
  }

  void WriteChart(const Chart& chart) {
    if (chart.labels.empty() || chart.series.empty()) return;
    std::optional<ChartSource> found = FindSource(chart, placed_);
    ChartSource source = found ? *found : WriteChartData(chart);
    bool line = chart.kind == Chart::Kind::kLine;
    lxw_chart* native = workbook_add_chart(workbook_, line ? LXW_CHART_LINE : LXW_CHART_COLUMN);
    if (!native) return;
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
      lxw_chart_series* series = chart_add_series(native, nullptr, nullptr);
      if (!series) return;
      lxw_col_t col = source.value_columns[s];
      chart_series_set_categories(series, name_.c_str(), source.first_row, 0, source.last_row, 0);
      chart_series_set_values(series, name_.c_str(), source.first_row, col, source.last_row, col);
      chart_series_set_name_range(series, name_.c_str(), source.header_row, col);
      if (line) chart_series_set_marker_type(series, LXW_CHART_MARKER_AUTOMATIC);
    }
    if (!chart.title.empty()) chart_title_set_name(native, Clip(chart.title).c_str());
    chart_legend_set_position(native, LXW_CHART_LEGEND_BOTTOM);
    lxw_chart_options options = {};
    options.x_scale = 1.5;
    options.y_scale = 1.5;
    worksheet_insert_chart_opt(sheet_, row_, 0, native, &options);
    row_ += kChartRows;
  }

  // A photo as an upright JPEG of at most kPhotoSide pixels, without the original's metadata
  // (EXIF, GPS position), with its caption below. One that cannot be read leaves the caption.
  void WritePhoto(const Photo& photo) {
    const auto bytes = ReadImageFile(photo.path);
    auto jpeg = bytes ? MakeThumbnail(*bytes, kPhotoSide) : std::nullopt;
    const auto size = jpeg ? ImageSize(*jpeg) : std::nullopt;  // from the header: decoded once
    if (size) {
      const std::string& kept = images_.emplace_back(std::move(*jpeg));
      std::string alt = Clip(photo.caption);
      lxw_image_options options = {};
      options.x_offset = 2;
      options.y_offset = 2;
      options.description = alt.data();
      if (worksheet_insert_image_buffer_opt(sheet_, row_, 0,
                                            reinterpret_cast<const unsigned char*>(kept.data()),
                                            kept.size(), &options) == LXW_NO_ERROR)
        row_ += static_cast<lxw_row_t>(std::ceil((size->second + 4) / kRowPixels));
    }
    worksheet_write_string(sheet_, row_++, 0, Clip(photo.caption).c_str(), formats_.bold());
    ++row_;
  }

  void WriteNarrative(const Narrative& narrative) {
    if (!narrative.heading.empty()) {
      worksheet_write_string(sheet_, row_++, 0, Clip(narrative.heading).c_str(), formats_.bold());
    }
    // One row per paragraph, merged across the used columns (single-row merges are fine in
    // constant_memory mode: the whole range is in the row being written). Excel does not grow a
    // merged row to fit its text, so the height is estimated from the characters per line.
    lxw_col_t last = static_cast<lxw_col_t>(std::max<std::size_t>(widths_.Count(), 6) - 1);
    double chars_per_line = 0;
    for (lxw_col_t c = 0; c <= last; ++c) chars_per_line += widths_.Of(c);
    chars_per_line = std::max(10.0, chars_per_line * 1.1 - 2);
    for (const auto& paragraph : Paragraphs(narrative.text)) {
      double lines = 0;
      std::size_t start = 0;
      while (start <= paragraph.size()) {
        std::size_t end = paragraph.find('\n', start);
        if (end == std::string::npos) end = paragraph.size();
        std::size_t length = Utf8Length(std::string_view(paragraph).substr(start, end - start));
        lines += std::max(1.0, std::ceil(length / chars_per_line));
        start = end + 1;
      }
      worksheet_set_row(sheet_, row_, std::min(409.0, 15.0 * lines + 2), nullptr);
      worksheet_merge_range(sheet_, row_, 0, row_, last, Clip(paragraph).c_str(), formats_.wrap());
      ++row_;
    }
    ++row_;
  }

  lxw_workbook* workbook_;
  lxw_worksheet* sheet_;
  const std::string& name_;
  Formats& formats_;
  std::deque<std::string>& images_;
  Widths widths_;
  lxw_row_t row_ = 0;
  bool frozen_ = false;
  std::vector<Placed> placed_;
};

// Title, subtitle, facts, then the contents: a link to each section's sheet with its full title
// (sheet names are cut at 31 characters) and the title of its first table.
void WriteCover(lxw_worksheet* sheet, const Document& document,
                const std::vector<std::string>& sheet_names, Formats& formats) {
  std::size_t label_width = 20, value_width = 40;
  for (const auto& [label, value] : document.facts) {
    label_width = std::max(label_width, Utf8Length(label) + 2);
    value_width = std::max(value_width, Utf8Length(value) + 2);
  }
  for (const auto& section : document.sections) {
    label_width = std::max(label_width, Utf8Length(section.title) + 2);
  }
  worksheet_set_column(sheet, 0, 0, std::min<double>(label_width, kMaxWidth), nullptr);
  worksheet_set_column(sheet, 1, 1, std::min<double>(value_width, kMaxWidth), nullptr);
  worksheet_set_row(sheet, 0, 28, nullptr);
  worksheet_write_string(sheet, 0, 0, Clip(document.title).c_str(), formats.title());
  worksheet_write_string(sheet, 1, 0, Clip(document.subtitle).c_str(), formats.subtitle());
  lxw_row_t row = 3;
  for (const auto& [label, value] : document.facts) {
    worksheet_write_string(sheet, row, 0, Clip(label).c_str(), formats.bold());
    worksheet_write_string(sheet, row, 1, Clip(value).c_str(), formats.wrap());
    ++row;
  }
  ++row;
  for (std::size_t s = 0; s < document.sections.size(); ++s) {
    const Section& section = document.sections[s];
    std::string quoted;  // 'name' with apostrophes doubled, as formulas and links want it
    for (char c : sheet_names[s + 1]) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    std::string url = "internal:'" + quoted + "'!A1";
    std::string text = Clip(section.title.empty() ? sheet_names[s + 1] : section.title);
    if (worksheet_write_url_opt(sheet, row, 0, url.c_str(), formats.link(), text.c_str(),
                                nullptr) != LXW_NO_ERROR) {
      worksheet_write_string(sheet, row, 0, text.c_str(), nullptr);
    }
    if (!section.tables.empty() && !section.tables[0].title.empty()) {
      worksheet_write_string(sheet, row, 1, Clip(section.tables[0].title).c_str(), nullptr);
    }
    ++row;
  }
}

}  // namespace

Status RenderXlsx(const Document& document, const std::string& path, const XlsxOptions& options) {
  lxw_workbook_options workbook_options = {};
  workbook_options.constant_memory = options.constant_memory ? LXW_TRUE : LXW_FALSE;
  std::string tmpdir = options.tmpdir;
  workbook_options.tmpdir = tmpdir.empty() ? nullptr : tmpdir.data();
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &workbook_options);
  if (!workbook) return Fail(Error::Internal("the workbook could not be created"));

  std::string title = Clip(document.title);
  lxw_doc_properties properties = {};
  properties.title = title.data();
  workbook_set_properties(workbook, &properties);

  std::vector<std::string> titles{document.title};
  for (const auto& section : document.sections) titles.push_back(section.title);
  const std::vector<std::string> names = SheetNames(titles, "Sheet");

  Formats formats(workbook);
  std::deque<std::string> images;  // read by workbook_close
  bool complete = true;
  for (std::size_t i = 0; i < names.size() && complete; ++i) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, names[i].c_str());
    if (!sheet) {
      complete = false;
      break;
    }
    if (document.rtl) worksheet_right_to_left(sheet);
    if (i == 0) {
      WriteCover(sheet, document, names, formats);
    } else {
      SectionSheet(workbook, sheet, names[i], formats, images).Write(document.sections[i - 1]);
    }
  }
  lxw_error error = workbook_close(workbook);  // writes the file and frees the workbook
  if (!complete) return Fail(Error::Internal("a worksheet could not be added to the workbook"));
  if (error != LXW_NO_ERROR) {
    return Fail(
        Error::Internal(std::string("the workbook could not be written: ") + lxw_strerror(error)));
  }
  return {};
}

}  // namespace mobilise::reports
