#include <algorithm>
#include <cmath>
#include <vector>

#include "reports/chart_axis.hpp"
#include "reports/pdf_table.hpp"

namespace mobilise::reports::pdf {
namespace {

// Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
constexpr unsigned kPalette[] = {0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7,
                                 0x56B4E9, 0xD55E00, 0xF0E442, 0x000000};
constexpr unsigned kText = 0x222222, kMuted = 0x555555, kGrid = 0xDDDDDD, kAxis = 0x888888;
constexpr double kPlotHeight = 160, kLabelFont = 7.5, kMinLabelSlot = 22;

unsigned SeriesColor(std::size_t s) { return kPalette[s % std::size(kPalette)]; }

class ChartDrawer {
 public:
  ChartDrawer(Flow& flow, const Chart& chart) : flow_(flow), chart_(chart) {}

  void Draw() {
    const Typesetter& ts = flow_.ts;
    const double width = PageBox::kContentWidth;
    Text title = ts.Make(chart_.title, {10.5, true}, width, Align::kStart, 2);
    std::vector<Text> names;
    for (const auto& s : chart_.series) names.push_back(ts.Fit(s.name, {8}, width / 2));
    LegendLayout legend = PlaceLegend(names, width);

    Scale();
    std::vector<Text> ticks;
    double axis_width = 0;
    for (double t : scale_.ticks) {
      ticks.push_back(ts.Make(AxisLabel(t, scale_.decimals), {kLabelFont}));
      axis_width = std::max(axis_width, ticks.back().width());
    }
    axis_width += 5;
    plot_x_ = axis_width;  // logical, from the start edge
    plot_w_ = width - axis_width - 2;
    const std::size_t n = chart_.labels.size();
    slot_ = n ? plot_w_ / n : plot_w_;
    label_every_ =
        std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(kMinLabelSlot / slot_)));
    std::vector<Text> labels;
    double labels_height = 0;
    for (std::size_t i = 0; i < n; ++i) {
      double w = std::max(4.0, slot_ * label_every_ - 2);
      labels.push_back(ts.Make(i % label_every_ == 0 ? chart_.labels[i] : std::string(),
                               {kLabelFont}, w, Align::kCenter, 2));
      labels_height = std::max(labels_height, labels.back().height());
    }

    const double total =
        title.height() + 4 + legend.height + 6 + kPlotHeight + 4 + labels_height + 14;
    flow_.Ensure(total);
    const double top = flow_.y;
    cairo_t* cr = flow_.cr;
    cairo_save(cr);
    cairo_rectangle(cr, PageBox::kLeft, top, width, total);  // nothing leaves the box
    cairo_clip(cr);

    title.Draw(cr, flow_.X(0, width), top, kText);
    double y = top + title.height() + 4;
    for (std::size_t s = 0; s < names.size(); ++s) {
      const auto& at = legend.items[s];
      SetColor(cr, SeriesColor(s));
      double swatch_y = y + at.y + names[s].height() / 2 - 4;
      cairo_rectangle(cr, flow_.X(at.x, 8), swatch_y, 8, 8);
      cairo_fill(cr);
      names[s].Draw(cr, flow_.X(at.x + 11, names[s].box_width()), y + at.y, kMuted);
    }
    y += legend.height + 6;
    plot_top_ = y;

    // Grid and tick labels.
    cairo_set_line_width(cr, 0.5);
    for (std::size_t i = 0; i < scale_.ticks.size(); ++i) {
      double ty = Y(scale_.ticks[i]);
      SetColor(cr, scale_.ticks[i] == 0 ? kAxis : kGrid);
      cairo_move_to(cr, flow_.X(plot_x_, plot_w_), ty);
      cairo_rel_line_to(cr, plot_w_, 0);
      cairo_stroke(cr);
      const Text& t = ticks[i];
      t.Draw(cr, flow_.X(axis_width - 4 - t.width(), t.width()), ty - t.height() / 2, kMuted);
    }

    cairo_save(cr);
    cairo_rectangle(cr, flow_.X(plot_x_, plot_w_), plot_top_ - 4, plot_w_, kPlotHeight + 8);
    cairo_clip(cr);
    if (chart_.kind == Chart::Kind::kBar) {
      DrawBars();
    } else {
      DrawLines();
    }
    cairo_restore(cr);

    for (std::size_t i = 0; i < n; i += label_every_) {
      double w = std::max(4.0, slot_ * label_every_ - 2);
      double centre = plot_x_ + slot_ * (i + 0.5) + slot_ * (label_every_ - 1) / 2;
      labels[i].Draw(cr, flow_.X(centre - w / 2, w), plot_top_ + kPlotHeight + 4, kMuted);
    }
    cairo_restore(cr);
    flow_.y = top + total;
  }

 private:
  struct LegendLayout {
    struct At {
      double x, y;
    };
    std::vector<At> items;
    double height = 0;
  };

  // Items flow from the start edge and wrap onto new lines.
  static LegendLayout PlaceLegend(const std::vector<Text>& names, double width) {
    LegendLayout legend;
    double x = 0, y = 0, line = 0;
    for (const auto& name : names) {
      double w = 11 + name.box_width() + 14;
      if (x > 0 && x + w > width) {
        x = 0;
        y += line + 2;
        line = 0;
      }
      legend.items.push_back({x, y});
      x += w;
      line = std::max(line, name.height());
    }
    legend.height = names.empty() ? 0 : y + line;
    return legend;
  }

  void Scale() {
    double lo = 0, hi = 0;
    bool integers = true, any = false;
    for (const auto& s : chart_.series) {
      for (const auto& v : s.values) {
        if (!v || !std::isfinite(*v)) continue;
        lo = any ? std::min(lo, *v) : *v;
        hi = any ? std::max(hi, *v) : *v;
        any = true;
        integers = integers && *v == std::floor(*v);
      }
    }
    scale_ = NiceScale(lo, hi, 6, integers);
  }

  double Y(double v) const {
    double f = (v - scale_.min) / (scale_.max - scale_.min);
    return plot_top_ + kPlotHeight * (1 - std::clamp(f, 0.0, 1.0));
  }

  void DrawBars() {
    cairo_t* cr = flow_.cr;
    const std::size_t series = chart_.series.size();
    const double inner = slot_ * 0.78;
    const double bar = inner / std::max<std::size_t>(1, series);
    const bool value_labels = chart_.labels.size() * series <= 24;
    for (std::size_t i = 0; i < chart_.labels.size(); ++i) {
      for (std::size_t s = 0; s < series; ++s) {
        const auto& values = chart_.series[s].values;
        if (i >= values.size() || !values[i] || !std::isfinite(*values[i])) continue;
        double v = *values[i];
        double lx = plot_x_ + slot_ * i + (slot_ - inner) / 2 + bar * s;
        double y0 = Y(0), y1 = Y(v);
        SetColor(cr, SeriesColor(s));
        cairo_rectangle(cr, flow_.X(lx + 0.5, bar - 1), std::min(y0, y1), bar - 1,
                        std::fabs(y1 - y0));
        cairo_fill(cr);
        if (!value_labels) continue;
        Text label = flow_.ts.Make(AxisLabel(v, Decimals(v)), {6.5});
        if (label.width() > bar + slot_ * 0.2) continue;
        // Above a positive bar, below a negative one; inside the bar when there is no room.
        double ly = v >= 0 ? y1 - label.height() : y1;
        if (ly < plot_top_ - 4) ly = y1 + 1;
        if (ly + label.height() > plot_top_ + kPlotHeight + 4) ly = y1 - label.height() - 1;
        double cx = lx + bar / 2;
        label.Draw(cr, flow_.X(cx - label.width() / 2, label.width()), ly, kText);
      }
    }
  }

  void DrawLines() {
    cairo_t* cr = flow_.cr;
    cairo_set_line_width(cr, 1.6);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    for (std::size_t s = 0; s < chart_.series.size(); ++s) {
      const auto& values = chart_.series[s].values;
      SetColor(cr, SeriesColor(s));
      bool open = false;  // a gap (no value) breaks the line
      for (std::size_t i = 0; i < chart_.labels.size(); ++i) {
        bool has = i < values.size() && values[i] && std::isfinite(*values[i]);
        if (!has) {
          open = false;
          continue;
        }
        double x = flow_.X(plot_x_ + slot_ * (i + 0.5), 0);
        if (open) {
          cairo_line_to(cr, x, Y(*values[i]));
        } else {
          cairo_move_to(cr, x, Y(*values[i]));
        }
        open = true;
      }
      cairo_stroke(cr);
      for (std::size_t i = 0; i < chart_.labels.size() && i < values.size(); ++i) {
        if (!values[i] || !std::isfinite(*values[i])) continue;
        cairo_new_path(cr);
        cairo_arc(cr, flow_.X(plot_x_ + slot_ * (i + 0.5), 0), Y(*values[i]), 2.6, 0, 2 * G_PI);
        cairo_fill(cr);
      }
    }
  }

  int Decimals(double v) const {
    if (v == std::floor(v)) return 0;
    return std::max(1, scale_.decimals);
  }

  Flow& flow_;
  const Chart& chart_;
  AxisScale scale_;
  double plot_x_ = 0, plot_w_ = 0, plot_top_ = 0, slot_ = 0;
  std::size_t label_every_ = 1;
};

}  // namespace

void DrawChart(Flow& flow, const Chart& chart) {
  if (chart.labels.empty() || chart.series.empty()) return;
  ChartDrawer(flow, chart).Draw();
}

}  // namespace mobilise::reports::pdf
