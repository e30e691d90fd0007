// Internal to the PDF renderer: text set with pango on a cairo PDF surface, and the page flow.
// Not for other layers (it includes cairo and pango); see render_pdf.hpp for the contract.
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <functional>
#include <string>
#include <string_view>

namespace mobilise::reports::pdf {

// Logical alignment: kStart is left in a left-to-right document and right in a right-to-left one.
enum class Align { kStart, kCenter, kEnd };

struct Font {
  double size = 10;  // in points (PDF user units)
  bool bold = false;
  bool italic = false;
};

void SetColor(cairo_t* cr, unsigned rgb);

// A laid-out piece of text (owns its PangoLayout).
class Text {
 public:
  explicit Text(PangoLayout* layout) : layout_(layout) {}
  Text(Text&& other) noexcept : layout_(other.layout_) { other.layout_ = nullptr; }
  Text& operator=(Text&&) = delete;
  ~Text();

  double width() const;  // the widest line
  // The width of the box the text is aligned in: the wrapping width when there is one, else
  // width(). Draw() positions take this box's left edge.
  double box_width() const;
  double height() const;  // all lines
  PangoLayout* layout() const { return layout_; }
  // Draws with the layout box's top-left corner at (x, y).
  void Draw(cairo_t* cr, double x, double y, unsigned rgb) const;

 private:
  PangoLayout* layout_;
};

// Lays out text for one document: one base direction (RTL documents set every paragraph right to
// left; embedded left-to-right runs such as numbers or Latin names still read correctly through
// the bidi algorithm) and one font family list, so that fontconfig falls back from Noto Sans to
// Noto Naskh Arabic or Noto Sans Devanagari per character; an Urdu document is set in Noto
// Nastaliq Urdu first. Pango shapes through HarfBuzz: Devanagari conjuncts and Arabic joining come
// from the fonts' OpenType tables (all from Debian's fonts-noto-core).
class Typesetter {
 public:
  Typesetter(cairo_t* cr, bool rtl, const std::string& language);
  ~Typesetter();
  Typesetter(const Typesetter&) = delete;
  Typesetter& operator=(const Typesetter&) = delete;

  bool rtl() const { return rtl_; }

  // width <= 0: no wrapping. Otherwise lines wrap at `width` (between words, or inside a word
  // longer than the line); with max_lines > 0 there are at most that many lines per paragraph,
  // the last one ellipsized. Invalid UTF-8 is replaced, never passed to pango.
  Text Make(std::string_view text, Font font, double width = -1, Align align = Align::kStart,
            int max_lines = 0) const;
  double Width(std::string_view text, Font font) const { return Make(text, font).width(); }
  // One line: unwrapped when it fits in max_width, else ellipsized at max_width.
  Text Fit(std::string_view text, Font font, double max_width) const;

 private:
  PangoContext* context_;
  bool rtl_;
  std::string families_;
};

// The font families a document in `language` is set in, in the order Pango tries them.
std::string FontFamiliesFor(const std::string& language);

// A4 portrait page geometry, in points.
struct PageBox {
  static constexpr double kWidth = 595.276, kHeight = 841.89;
  static constexpr double kLeft = 50, kRight = kWidth - 50, kTop = 56, kBottom = kHeight - 60;
  static constexpr double kContentWidth = kRight - kLeft;
};

// The current position while pages are filled top to bottom. Horizontal positions are logical
// (distance from the start edge); X() turns them into page coordinates, mirrored for RTL.
class Flow {
 public:
  Flow(cairo_t* cr, const Typesetter& typesetter, std::function<void(int page)> footer)
      : cr(cr), ts(typesetter), footer_(std::move(footer)) {}

  cairo_t* const cr;
  const Typesetter& ts;
  double y = PageBox::kTop;

  int page() const { return page_; }
  bool AtTop() const { return y <= PageBox::kTop + 0.5; }
  bool Fits(double height) const { return y + height <= PageBox::kBottom; }
  // Starts a new page unless `height` fits here (or we are at the top already: a block taller
  // than a page is then split or clipped by its drawer).
  void Ensure(double height) {
    if (!Fits(height) && !AtTop()) NewPage();
  }
  void NewPage();
  void Finish();  // footer and end of the last page

  // Page x of a box `width` wide whose start edge is `logical_x` from the content's start edge.
  double X(double logical_x, double width) const {
    return ts.rtl() ? PageBox::kRight - logical_x - width : PageBox::kLeft + logical_x;
  }

  // Draws a laid-out text `logical_x` from the start edge, line by line, continuing on new pages
  // when it does not fit; advances y past it.
  void DrawBlock(const Text& text, double logical_x, double width, unsigned rgb);

 private:
  std::function<void(int)> footer_;
  int page_ = 1;
};

}  // namespace mobilise::reports::pdf
