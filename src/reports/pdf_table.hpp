// Internal to the PDF renderer: tables and charts drawn into the page flow.
#pragma once

#include "reports/document.hpp"
#include "reports/pdf_text.hpp"

namespace mobilise::reports::pdf {

// The table at flow.y across the content width: a title, a header row (repeated at the top of
// every page the table continues on), zebra rows, label columns at the start edge and value
// columns aligned to the end edge, a traffic-light dot beside a value that has one. Columns get
// their natural width when the table fits; otherwise the font shrinks (to 8 pt), then the value
// columns are split into parts "(1/2)", "(2/2)"... each repeating the label columns; label cells
// wrap (up to 3 lines) and, as a last resort, are ellipsized. Headers wrap.
void DrawTable(Flow& flow, const Table& table);

// The chart at flow.y, kept on one page: title, legend, value axis with nice ticks and grid,
// grouped bars or lines with markers, category labels; mirrored for right-to-left documents.
// Everything is clipped to the chart's box.
void DrawChart(Flow& flow, const Chart& chart);

}  // namespace mobilise::reports::pdf
