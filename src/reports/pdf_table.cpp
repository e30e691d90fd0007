#include "reports/pdf_table.hpp"

#include <algorithm>
#include <numeric>
#include <optional>
#include <vector>

namespace mobilise::reports::pdf {
namespace {

constexpr double kPadX = 4, kPadY = 2.5, kDot = 11;
// Widths measured at 10 pt and scaled come out a hair short (glyph positions round to pango
// units), which would wrap "1,500" into "1,50" / "0": every column gets this much more.
constexpr double kSlack = 1.5;
constexpr unsigned kText = 0x222222, kHeaderFill = 0x1F4E79, kHeaderText = 0xFFFFFF;
constexpr unsigned kZebra = 0xF1F4F8, kRule = 0xBFC7D1;
constexpr double kSizes[] = {9, 8, 7, 6.5};
constexpr double kReference = 10;  // measured once at this size, scaled for the others

unsigned LightColor(const std::string& light) {
  if (light == "green") return 0x2E7D32;
  if (light == "amber") return 0xF2A900;
  if (light == "red") return 0xC62828;
  return 0;
}

bool IsLabel(const Table& table, std::size_t column) {
  return static_cast<int>(column) < table.label_columns;
}

struct Plan {
  double size = kSizes[0];
  std::vector<double> widths;
  std::vector<bool> dots;  // the column has traffic lights: room for the dot
};

Plan PlanColumns(const Typesetter& ts, const Table& table) {
  const std::size_t n = table.columns.size();
  std::vector<double> cell(n, 0), word(n, 0), header(n, 0);
  Plan plan;
  plan.dots.assign(n, false);
  const Font body{kReference}, bold{kReference, true};
  for (std::size_t c = 0; c < n; ++c) {
    header[c] = ts.Width(table.columns[c], bold);
    std::size_t start = 0;
    const std::string& h = table.columns[c];
    while (start <= h.size()) {
      std::size_t end = std::min(h.find(' ', start), h.size());
      word[c] = std::max(word[c], ts.Width(std::string_view(h).substr(start, end - start), bold));
      start = end + 1;
    }
  }
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < n && c < row.size(); ++c) {
      if (!row[c].text.empty()) cell[c] = std::max(cell[c], ts.Width(row[c].text, body));
      if (LightColor(row[c].light)) plan.dots[c] = true;
    }
  }
  const double available = PageBox::kContentWidth;
  auto extra = [&](std::size_t c) { return 2 * kPadX + kSlack + (plan.dots[c] ? kDot : 0); };
  std::vector<double> want(n);
  for (double size : kSizes) {
    const double k = size / kReference;
    for (std::size_t c = 0; c < n; ++c) {
      double content = std::max(cell[c], word[c]) * k;
      // Long labels wrap rather than take the page.
      if (IsLabel(table, c)) content = std::min(content, std::max(word[c] * k, 170.0));
      want[c] = content + extra(c);
    }
    plan.size = size;
    if (std::accumulate(want.begin(), want.end(), 0.0) <= available) break;
  }
  const double k = plan.size / kReference;
  double total = std::accumulate(want.begin(), want.end(), 0.0);
  if (total > available) {  // still too wide: narrow the label columns, then everything
    double excess = total - available;
    for (std::size_t c = 0; c < n && excess > 0; ++c) {
      if (!IsLabel(table, c)) continue;
      double give = std::min(excess, std::max(0.0, want[c] - 60));
      want[c] -= give;
      excess -= give;
    }
    total = std::accumulate(want.begin(), want.end(), 0.0);
    if (total > available) {
      for (double& w : want) w *= available / total;
    }
  } else {  // room to spare: unwrap headers, then labels, never wider than the page
    double spare = available - total;
    for (int pass = 0; pass < 2; ++pass) {
      for (std::size_t c = 0; c < n && spare > 0; ++c) {
        double natural = (pass == 0 ? header[c] : cell[c]) * k + extra(c);
        if (pass == 1 && !IsLabel(table, c)) continue;
        double grow = std::min(spare, std::max(0.0, natural - want[c]));
        want[c] += grow;
        spare -= grow;
      }
    }
  }
  plan.widths = std::move(want);
  return plan;
}

class TableDrawer {
 public:
  TableDrawer(Flow& flow, const Table& table) : flow_(flow), table_(table) {
    plan_ = PlanColumns(flow.ts, table);
    offsets_.push_back(0);
    for (double w : plan_.widths) offsets_.push_back(offsets_.back() + w);
  }

  void Draw() {
    const Typesetter& ts = flow_.ts;
    std::optional<Text> title;
    double title_height = 0;
    if (!table_.title.empty()) {
      title.emplace(ts.Make(table_.title, {10.5, true}, PageBox::kContentWidth, Align::kStart, 2));
      title_height = title->height() + 4;
    }
    std::vector<Text> header = HeaderCells();
    double header_height = RowHeight(header);
    double first_row = 0;
    if (!table_.rows.empty()) {
      auto cells = BodyCells(table_.rows[0]);
      first_row = RowHeight(cells);
    }
    flow_.Ensure(title_height + header_height + first_row);
    if (title) {
      title->Draw(flow_.cr, flow_.X(0, PageBox::kContentWidth), flow_.y, kText);
      flow_.y += title_height;
    }
    DrawHeader(header, header_height);
    for (std::size_t r = 0; r < table_.rows.size(); ++r) {
      std::vector<Text> cells = BodyCells(table_.rows[r]);
      double height = RowHeight(cells);
      if (!flow_.Fits(height)) {
        flow_.NewPage();
        DrawHeader(header, header_height);
      }
      if (r % 2 == 1) Fill(kZebra, height);
      DrawCells(cells, table_.rows[r], height);
      flow_.y += height;
    }
    Rule();
    flow_.y += 12;
  }

 private:
  Align ColumnAlign(std::size_t c) const {
    return IsLabel(table_, c) ? Align::kStart : Align::kEnd;
  }
  double TextWidth(std::size_t c) const {
    return std::max(1.0, plan_.widths[c] - 2 * kPadX - (plan_.dots[c] ? kDot : 0));
  }

  std::vector<Text> HeaderCells() const {
    std::vector<Text> cells;
    for (std::size_t c = 0; c < table_.columns.size(); ++c) {
      cells.push_back(
          flow_.ts.Make(table_.columns[c], {plan_.size, true}, TextWidth(c), ColumnAlign(c), 4));
    }
    return cells;
  }

  std::vector<Text> BodyCells(const std::vector<Cell>& row) const {
    std::vector<Text> cells;
    for (std::size_t c = 0; c < table_.columns.size(); ++c) {
      const std::string& text = c < row.size() ? row[c].text : std::string();
      cells.push_back(flow_.ts.Make(text, {plan_.size}, TextWidth(c), ColumnAlign(c),
                                    IsLabel(table_, c) ? 3 : 2));
    }
    return cells;
  }

  static double RowHeight(const std::vector<Text>& cells) {
    double height = 0;
    for (const auto& t : cells) height = std::max(height, t.height());
    return height + 2 * kPadY;
  }

  void Fill(unsigned rgb, double height) {
    SetColor(flow_.cr, rgb);
    cairo_rectangle(flow_.cr, flow_.X(0, offsets_.back()), flow_.y, offsets_.back(), height);
    cairo_fill(flow_.cr);
  }

  void Rule() {
    SetColor(flow_.cr, kRule);
    cairo_set_line_width(flow_.cr, 0.6);
    cairo_move_to(flow_.cr, flow_.X(0, offsets_.back()), flow_.y);
    cairo_rel_line_to(flow_.cr, offsets_.back(), 0);
    cairo_stroke(flow_.cr);
  }

  void DrawHeader(const std::vector<Text>& cells, double height) {
    Fill(kHeaderFill, height);
    for (std::size_t c = 0; c < cells.size(); ++c) {
      cells[c].Draw(flow_.cr, TextX(c), flow_.y + kPadY, kHeaderText);
    }
    flow_.y += height;
  }

  // Page x of column c's text box; the dot, when there is one, sits on the start side of it.
  double TextX(std::size_t c) const {
    double box = flow_.X(offsets_[c], plan_.widths[c]);
    bool dot_on_left = plan_.dots[c] && !flow_.ts.rtl();
    return box + kPadX + (dot_on_left ? kDot : 0);
  }

  void DrawCells(const std::vector<Text>& cells, const std::vector<Cell>& row, double height) {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      cells[c].Draw(flow_.cr, TextX(c), flow_.y + kPadY, kText);
      unsigned light = c < row.size() ? LightColor(row[c].light) : 0;
      if (!light) continue;
      // The dot sits just before the text's first line, on its start side.
      PangoLayoutIter* it = pango_layout_get_iter(cells[c].layout());
      PangoRectangle line;
      pango_layout_iter_get_line_extents(it, nullptr, &line);
      pango_layout_iter_free(it);
      double line_x = TextX(c) + pango_units_to_double(line.x);
      double cx = flow_.ts.rtl() ? line_x + pango_units_to_double(line.width) + 6.5 : line_x - 6.5;
      double cy = flow_.y + kPadY + pango_units_to_double(line.y + line.height / 2);
      SetColor(flow_.cr, light);
      cairo_new_path(flow_.cr);  // no line from where the text ended
      cairo_arc(flow_.cr, cx, cy, std::min(3.2, plan_.size * 0.38), 0, 2 * G_PI);
      cairo_fill(flow_.cr);
    }
  }

  Flow& flow_;
  const Table& table_;
  Plan plan_;
  std::vector<double> offsets_;  // logical x of each column's start edge, and the total width
};

// Value columns grouped so that each group, beside the label columns, fits the page at kSplitSize
// (readable); one group when the whole table fits.
constexpr double kSplitSize = 8;
std::vector<std::vector<std::size_t>> SplitColumns(const Typesetter& ts, const Table& table) {
  const std::size_t n = table.columns.size();
  const std::size_t labels = std::min<std::size_t>(std::max(table.label_columns, 0), n);
  const Font body{kSplitSize}, bold{kSplitSize, true};
  std::vector<double> need(n, 0);
  for (std::size_t c = 0; c < n; ++c) {
    std::string_view h = table.columns[c];
    std::size_t start = 0;
    while (start <= h.size()) {
      std::size_t end = std::min(h.find(' ', start), h.size());
      need[c] = std::max(need[c], ts.Width(h.substr(start, end - start), bold));
      start = end + 1;
    }
  }
  for (const auto& row : table.rows) {
    for (std::size_t c = labels; c < n && c < row.size(); ++c) {
      need[c] =
          std::max(need[c], ts.Width(row[c].text, body) + (LightColor(row[c].light) ? kDot : 0));
    }
  }
  double label_width = 0;
  for (std::size_t c = 0; c < labels; ++c)
    label_width += std::min(std::max(need[c], 60.0), 120.0) + 2 * kPadX;
  const double available = PageBox::kContentWidth - label_width;
  std::vector<std::vector<std::size_t>> groups(1);
  double used = 0;
  for (std::size_t c = labels; c < n; ++c) {
    double w = need[c] + 2 * kPadX + kSlack;
    if (!groups.back().empty() && used + w > available) {
      groups.emplace_back();
      used = 0;
    }
    groups.back().push_back(c);
    used += w;
  }
  return groups;
}

Table Part(const Table& table, const std::vector<std::size_t>& values, std::size_t index,
           std::size_t count) {
  const std::size_t labels =
      std::min<std::size_t>(std::max(table.label_columns, 0), table.columns.size());
  Table part;
  part.title = table.title + (table.title.empty() ? "" : " ") + "(" + std::to_string(index + 1) +
               "/" + std::to_string(count) + ")";
  part.label_columns = static_cast<int>(labels);
  std::vector<std::size_t> columns;
  for (std::size_t c = 0; c < labels; ++c) columns.push_back(c);
  columns.insert(columns.end(), values.begin(), values.end());
  for (std::size_t c : columns) part.columns.push_back(table.columns[c]);
  for (const auto& row : table.rows) {
    auto& cells = part.rows.emplace_back();
    for (std::size_t c : columns) cells.push_back(c < row.size() ? row[c] : Cell{});
  }
  return part;
}

}  // namespace

void DrawTable(Flow& flow, const Table& table) {
  if (table.columns.empty()) return;
  auto groups = SplitColumns(flow.ts, table);
  if (groups.size() <= 1) {
    TableDrawer(flow, table).Draw();
    return;
  }
  // Too wide to read even in a small font: the value columns are shown in parts, each with the
  // label columns again.
  for (std::size_t g = 0; g < groups.size(); ++g) {
    Table part = Part(table, groups[g], g, groups.size());
    TableDrawer(flow, part).Draw();
  }
}

}  // namespace mobilise::reports::pdf
