#include "reports/render_pdf.hpp"

#include <cairo-pdf.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>
#include <vector>

#include "reports/image.hpp"
#include "reports/paragraphs.hpp"
#include "reports/pdf_table.hpp"
#include "reports/pdf_text.hpp"

namespace mobilise::reports {
namespace {

using pdf::Align;
using pdf::Flow;
using pdf::PageBox;
using pdf::SetColor;
using pdf::Text;
using pdf::Typesetter;

constexpr unsigned kText = 0x222222, kMuted = 0x666666, kAccent = 0x1F4E79;
constexpr int kPhotoPixels = 1600;       // longest side kept for a photo (~270 dpi at full width)
constexpr double kPhotoMaxHeight = 250;  // two photos to a page  // points

// A photo decoded once and drawn in both passes.
struct LoadedPhoto {
  std::optional<DecodedImage> image;
  cairo_surface_t* surface = nullptr;
  ~LoadedPhoto() {
    if (surface) cairo_surface_destroy(surface);
  }
};

std::unique_ptr<LoadedPhoto> LoadPhoto(const Photo& photo) {
  auto loaded = std::make_unique<LoadedPhoto>();
  loaded->image = DecodeImageFile(photo.path, kPhotoPixels);
  if (!loaded->image) return loaded;
  DecodedImage& image = *loaded->image;
  loaded->surface = cairo_image_surface_create_for_data(
      reinterpret_cast<unsigned char*>(image.argb.data()), CAIRO_FORMAT_ARGB32, image.width,
      image.height, image.width * 4);
  if (!image.jpeg.empty()) {  // embed the JPEG itself: a fraction of the size of raw pixels
    void* copy = std::malloc(image.jpeg.size());
    if (copy) {
      std::memcpy(copy, image.jpeg.data(), image.jpeg.size());
      cairo_surface_set_mime_data(loaded->surface, CAIRO_MIME_TYPE_JPEG,
                                  static_cast<unsigned char*>(copy), image.jpeg.size(), std::free,
                                  copy);
    }
  }
  return loaded;
}

class Writer {
 public:
  Writer(cairo_t* cr, const Document& document,
         const std::vector<std::vector<std::unique_ptr<LoadedPhoto>>>& photos, int total_pages)
      : document_(document),
        photos_(photos),
        ts_(cr, document.rtl, document.language),
        flow_(cr, ts_, [this](int page) { Footer(page); }),
        total_pages_(total_pages) {}

  // Returns the number of pages.
  int Write(cairo_surface_t* surface) {
    Cover();
    for (std::size_t s = 0; s < document_.sections.size(); ++s) {
      flow_.NewPage();
      const std::string link = "page=" + std::to_string(flow_.page());
      cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT,
                                    document_.sections[s].title.c_str(), link.c_str(),
                                    CAIRO_PDF_OUTLINE_FLAG_OPEN);
      Section(document_.sections[s], photos_[s]);
    }
    flow_.Finish();
    return flow_.page();
  }

 private:
  static constexpr double kWidth = PageBox::kContentWidth;

  void Cover() {
    cairo_t* cr = flow_.cr;
    Text title = ts_.Make(document_.title, {24, true}, kWidth, Align::kStart, 4);
    Text subtitle = ts_.Make(document_.subtitle, {13}, kWidth, Align::kStart, 3);
    double band = 120 + title.height() + subtitle.height();
    SetColor(cr, kAccent);
    cairo_rectangle(cr, 0, 0, PageBox::kWidth, band);
    cairo_fill(cr);
    flow_.y = 100;
    title.Draw(cr, flow_.X(0, kWidth), flow_.y, 0xFFFFFF);
    flow_.y += title.height() + 8;
    subtitle.Draw(cr, flow_.X(0, kWidth), flow_.y, 0xDCE6F1);
    flow_.y = band + 36;
    // Facts: labels in a column at the start edge, values beside them.
    double label_width = 0;
    for (const auto& [label, value] : document_.facts) {
      label_width = std::max(label_width, ts_.Width(label, {10.5, true}));
    }
    label_width = std::min(label_width + 4, kWidth * 0.4);
    for (const auto& [label, value] : document_.facts) {
      Text l = ts_.Make(label, {10.5, true}, label_width, Align::kStart, 2);
      Text v = ts_.Make(value, {10.5}, kWidth - label_width - 16, Align::kStart, 4);
      double height = std::max(l.height(), v.height());
      flow_.Ensure(height);
      l.Draw(cr, flow_.X(0, label_width), flow_.y, kMuted);
      v.Draw(cr, flow_.X(label_width + 16, kWidth - label_width - 16), flow_.y, kText);
      flow_.y += height + 6;
      SetColor(cr, 0xE3E8EE);
      cairo_set_line_width(cr, 0.5);
      cairo_move_to(cr, PageBox::kLeft, flow_.y - 3);
      cairo_rel_line_to(cr, kWidth, 0);
      cairo_stroke(cr);
    }
  }

  void Section(const reports::Section& section,
               const std::vector<std::unique_ptr<LoadedPhoto>>& photos) {
    cairo_t* cr = flow_.cr;
    Text heading = ts_.Make(section.title, {16, true}, kWidth, Align::kStart, 3);
    heading.Draw(cr, flow_.X(0, kWidth), flow_.y, kAccent);
    flow_.y += heading.height() + 3;
    SetColor(cr, kAccent);
    cairo_set_line_width(cr, 1);
    cairo_move_to(cr, PageBox::kLeft, flow_.y);
    cairo_rel_line_to(cr, kWidth, 0);
    cairo_stroke(cr);
    flow_.y += 12;
    for (const auto& table : section.tables) pdf::DrawTable(flow_, table);
    for (const auto& chart : section.charts) pdf::DrawChart(flow_, chart);
    for (const auto& narrative : section.narrative) Narrative(narrative);
    for (std::size_t i = 0; i < section.photos.size(); ++i) {
      PhotoBlock(section.photos[i], *photos[i]);
    }
  }

  void Narrative(const reports::Narrative& narrative) {
    if (!narrative.heading.empty()) {
      Text heading = ts_.Make(narrative.heading, {11.5, true}, kWidth, Align::kStart, 3);
      flow_.Ensure(heading.height() + 40);  // not alone at the bottom of a page
      heading.Draw(flow_.cr, flow_.X(0, kWidth), flow_.y, kText);
      flow_.y += heading.height() + 4;
    }
    for (const auto& paragraph : Paragraphs(narrative.text)) {
      Text text = ts_.Make(paragraph, {10}, kWidth, Align::kStart);
      pango_layout_set_justify(text.layout(), TRUE);
      pango_layout_set_spacing(text.layout(), pango_units_from_double(2));
      flow_.DrawBlock(text, 0, kWidth, kText);
      flow_.y += 7;
    }
    flow_.y += 6;
  }

  void PhotoBlock(const Photo& photo, const LoadedPhoto& loaded) {
    cairo_t* cr = flow_.cr;
    Text caption = ts_.Make(photo.caption, {9, false, true}, kWidth, Align::kCenter, 3);
    double w = kWidth * 0.6, h = 90;  // the frame of a photo that could not be read
    if (loaded.surface) {
      const DecodedImage& image = *loaded.image;
      double scale = std::min({kWidth / image.width, kPhotoMaxHeight / image.height,
                               1.5 /* points per pixel: small images are not blown up */});
      w = image.width * scale;
      h = image.height * scale;
    }
    flow_.Ensure(h + 4 + caption.height());
    double x = PageBox::kLeft + (kWidth - w) / 2;
    if (loaded.surface) {
      cairo_save(cr);
      cairo_translate(cr, x, flow_.y);
      cairo_scale(cr, w / loaded.image->width, h / loaded.image->height);
      cairo_set_source_surface(cr, loaded.surface, 0, 0);
      cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
      cairo_paint(cr);
      cairo_restore(cr);
    } else {
      SetColor(cr, 0xBBBBBB);
      cairo_set_line_width(cr, 0.8);
      cairo_rectangle(cr, x, flow_.y, w, h);
      cairo_move_to(cr, x, flow_.y);
      cairo_line_to(cr, x + w, flow_.y + h);
      cairo_move_to(cr, x + w, flow_.y);
      cairo_line_to(cr, x, flow_.y + h);
      cairo_stroke(cr);
    }
    flow_.y += h + 4;
    caption.Draw(cr, flow_.X(0, kWidth), flow_.y, kMuted);
    flow_.y += caption.height() + 14;
  }

  void Footer(int page) {
    cairo_t* cr = flow_.cr;
    const double y = PageBox::kHeight - 40;
    SetColor(cr, 0xCCCCCC);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, PageBox::kLeft, y - 6);
    cairo_rel_line_to(cr, kWidth, 0);
    cairo_stroke(cr);
    std::string number = std::to_string(page);
    if (total_pages_ > 0) number += " / " + std::to_string(total_pages_);
    // The page number stays left-to-right ("3 / 7") in every document, at the end edge.
    Text pages = ts_.Make("\xE2\x80\xAA" + number + "\xE2\x80\xAC", {8}, 80, Align::kEnd);
    pages.Draw(cr, flow_.X(kWidth - 80, 80), y, kMuted);
    Text title = ts_.Make(document_.title, {8}, kWidth - 100, Align::kStart, 1);
    title.Draw(cr, flow_.X(0, kWidth - 100), y, kMuted);
  }

  const Document& document_;
  const std::vector<std::vector<std::unique_ptr<LoadedPhoto>>>& photos_;
  Typesetter ts_;
  Flow flow_;
  int total_pages_;
};

struct SinkState {
  const PdfSink* sink;
  bool failed = false;
};

cairo_status_t WriteChunk(void* closure, const unsigned char* data, unsigned int length) {
  auto* state = static_cast<SinkState*>(closure);
  if (!state->sink) return CAIRO_STATUS_SUCCESS;  // the counting pass writes nowhere
  if (!(*state->sink)(std::string_view(reinterpret_cast<const char*>(data), length))) {
    state->failed = true;
    return CAIRO_STATUS_WRITE_ERROR;
  }
  return CAIRO_STATUS_SUCCESS;
}

// One pass: lays out and writes the document; returns its page count, or an error.
Result<int> Pass(const Document& document,
                 const std::vector<std::vector<std::unique_ptr<LoadedPhoto>>>& photos,
                 const PdfSink* sink, int total_pages) {
  SinkState state{sink};
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(WriteChunk, &state, PageBox::kWidth, PageBox::kHeight);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, document.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Mobilise");
  cairo_t* cr = cairo_create(surface);
  int pages = 0;
  {
    Writer writer(cr, document, photos, total_pages);
    pages = writer.Write(surface);
  }
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (state.failed) return Fail(Error::Internal("the PDF could not be delivered"));
  if (status != CAIRO_STATUS_SUCCESS) {
    return Fail(Error::Internal(std::string("the PDF could not be drawn: ") +
                                cairo_status_to_string(status)));
  }
  return pages;
}

}  // namespace

Status RenderPdf(const Document& document, const PdfSink& sink) {
  std::vector<std::vector<std::unique_ptr<LoadedPhoto>>> photos;
  for (const auto& section : document.sections) {
    auto& loaded = photos.emplace_back();
    for (const auto& photo : section.photos) loaded.push_back(LoadPhoto(photo));
  }
  auto pages = Pass(document, photos, nullptr, 0);
  if (!pages) return Fail(pages.error());
  auto written = Pass(document, photos, &sink, *pages);
  if (!written) return Fail(written.error());
  return {};
}

Status RenderPdf(const Document& document, const std::string& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Fail(Error::Internal("the PDF file could not be created"));
  Status status = RenderPdf(document, [&out](std::string_view chunk) {
    out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    return static_cast<bool>(out);
  });
  out.close();
  if (status && !out) return Fail(Error::Internal("the PDF file could not be written"));
  return status;
}

}  // namespace mobilise::reports
