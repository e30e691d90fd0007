#include "reports/pdf_text.hpp"

#include <vector>

namespace mobilise::reports::pdf {
namespace {

// Pango tries the families in order for each character.
constexpr const char* kFamilies = "Noto Sans, Noto Naskh Arabic, Noto Sans Devanagari";
// Urdu letters in Nastaliq (Naskh where the face lacks a glyph); digits and Latin names stay in
// Noto Sans, which has no Arabic letters, so they match the other languages' tables.
constexpr const char* kUrduFamilies =
    "Noto Sans, Noto Nastaliq Urdu, Noto Naskh Arabic, Noto Sans Devanagari";

PangoAlignment Physical(Align align, bool rtl) {
  switch (align) {
    case Align::kCenter:
      return PANGO_ALIGN_CENTER;
    case Align::kStart:
      return rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
    case Align::kEnd:
      return rtl ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
  }
  return PANGO_ALIGN_LEFT;
}

}  // namespace

std::string FontFamiliesFor(const std::string& language) {
  return language == "ur" ? kUrduFamilies : kFamilies;
}

void SetColor(cairo_t* cr, unsigned rgb) {
  cairo_set_source_rgb(cr, ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0,
                       (rgb & 0xFF) / 255.0);
}

Text::~Text() {
  if (layout_) g_object_unref(layout_);
}

double Text::width() const {
  int w = 0, h = 0;
  pango_layout_get_size(layout_, &w, &h);
  return pango_units_to_double(w);
}

double Text::box_width() const {
  int w = pango_layout_get_width(layout_);
  return w > 0 ? pango_units_to_double(w) : width();
}

double Text::height() const {
  int w = 0, h = 0;
  pango_layout_get_size(layout_, &w, &h);
  return pango_units_to_double(h);
}

void Text::Draw(cairo_t* cr, double x, double y, unsigned rgb) const {
  SetColor(cr, rgb);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout_);
}

Typesetter::Typesetter(cairo_t* cr, bool rtl, const std::string& language)
    : context_(pango_cairo_create_context(cr)), rtl_(rtl), families_(FontFamiliesFor(language)) {
  pango_context_set_base_dir(context_, rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  if (!language.empty()) {
    pango_context_set_language(context_, pango_language_from_string(language.c_str()));
  }
  // Unhinted metrics: widths then scale exactly with the font size, as they do in the PDF.
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context_, options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(context_, FALSE);
}

Typesetter::~Typesetter() { g_object_unref(context_); }

Text Typesetter::Make(std::string_view text, Font font, double width, Align align,
                      int max_lines) const {
  PangoLayout* layout = pango_layout_new(context_);
  // Every paragraph takes the document's direction, and alignment stays physical.
  pango_layout_set_auto_dir(layout, FALSE);
  PangoFontDescription* description = pango_font_description_from_string(families_.c_str());
  pango_font_description_set_absolute_size(description, font.size * PANGO_SCALE);
  pango_font_description_set_weight(description,
                                    font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(description,
                                   font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description(layout, description);
  pango_font_description_free(description);
  gchar* valid = g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
  pango_layout_set_text(layout, valid, -1);
  g_free(valid);
  if (width > 0) {
    pango_layout_set_width(layout, pango_units_from_double(width));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    if (max_lines > 0) {
      pango_layout_set_height(layout, -max_lines);
      pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
    }
  }
  pango_layout_set_alignment(layout, Physical(align, rtl_));
  return Text(layout);
}

Text Typesetter::Fit(std::string_view text, Font font, double max_width) const {
  Text natural = Make(text, font);
  if (natural.width() <= max_width) return natural;
  return Make(text, font, max_width, Align::kStart, 1);
}

void Flow::NewPage() {
  if (footer_) footer_(page_);
  cairo_show_page(cr);
  ++page_;
  y = PageBox::kTop;
}

void Flow::Finish() {
  if (footer_) footer_(page_);
  cairo_show_page(cr);
}

void Flow::DrawBlock(const Text& text, double logical_x, double width, unsigned rgb) {
  struct Line {
    PangoLayoutLine* line;
    double x, top, bottom, baseline;  // in layout coordinates
  };
  std::vector<Line> lines;
  PangoLayoutIter* it = pango_layout_get_iter(text.layout());
  do {
    PangoRectangle r;
    pango_layout_iter_get_line_extents(it, nullptr, &r);
    lines.push_back({pango_layout_iter_get_line_readonly(it), pango_units_to_double(r.x),
                     pango_units_to_double(r.y), pango_units_to_double(r.y + r.height),
                     pango_units_to_double(pango_layout_iter_get_baseline(it))});
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);

  const double x = X(logical_x, width);
  double origin = y;  // page y of the layout's top edge (moves up when the block breaks)
  auto draw = [&](std::size_t from, std::size_t to) {
    SetColor(cr, rgb);
    for (std::size_t i = from; i < to; ++i) {
      cairo_move_to(cr, x + lines[i].x, origin + lines[i].baseline);
      pango_cairo_show_layout_line(cr, lines[i].line);
    }
  };
  const std::size_t n = lines.size();
  std::size_t i = 0;
  while (i < n) {
    std::size_t end = i;
    while (end < n && origin + lines[end].bottom <= PageBox::kBottom) ++end;
    const bool at_top = origin + lines[i].top <= PageBox::kTop + 0.5;
    if (end == i && at_top) end = i + 1;  // a line taller than the page: draw it anyway
    if (end == n) {
      draw(i, n);
      break;
    }
    // Break before `end`, but leave neither one last line alone at the top of the next page
    // (widow) nor the first line alone at the bottom of this one (orphan).
    std::size_t at = end;
    if (n - at == 1 && at - i >= 2) --at;
    if (i == 0 && at == 1 && n >= 2 && !at_top) at = 0;
    draw(i, at);
    NewPage();
    origin = y - lines[at].top;
    i = at;
  }
  y = origin + text.height();
}

}  // namespace mobilise::reports::pdf
