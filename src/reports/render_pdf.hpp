// A report Document as a PDF (cairo + pango behind this header).
//
// A4 portrait. A cover page (title, subtitle, facts), then each section from a new page: its
// heading, tables, charts, narrative and photos, in that order. Footer on every page: the title
// and "page / pages". Right-to-left documents are laid out right to left: text aligned right,
// table columns mirrored (first column on the right, values aligned left), charts mirrored.
// Text in Arabic script (Pashto, Dari, Urdu), Devanagari (Marathi) and Cyrillic is shaped with
// the Noto fonts. Nothing is drawn outside the page's margins: long cells wrap or are
// ellipsized, wide tables get a smaller font. Photos (JPEG or PNG files) are scaled to fit, with
// their caption; one that cannot be read is drawn as an empty frame with its caption.
// Each section gets an entry in the PDF outline (bookmarks).
//
// The document is laid out twice (the first time to count the pages), then written.
// Thread-safe: each call has its own cairo surface and pango context (pango's default font map
// is per thread).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "reports/document.hpp"

namespace mobilise::reports {

// Receives the PDF in chunks, in order. Returning false stops the rendering (e.g. the client went
// away); RenderPdf then returns an internal error.
using PdfSink = std::function<bool(std::string_view chunk)>;

Status RenderPdf(const Document& document, const PdfSink& sink);

// Writes the PDF to `path` (replacing it). Internal error when the file cannot be written.
Status RenderPdf(const Document& document, const std::string& path);

}  // namespace mobilise::reports
