#include "reports/render_csv.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "reports/csv_field.hpp"
#include "reports/paragraphs.hpp"
#include "reports/plain_number.hpp"

namespace mobilise::reports {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kEol = "\r\n";

void WriteTextRow(std::ostream& out, const std::vector<std::string_view>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out << ',';
    WriteCsvField(out, fields[i], true);
  }
  out << kEol;
}

void WriteCell(std::ostream& out, const Cell& cell) {
  if (cell.number) {
    out << PlainNumber(*cell.number);  // digits, '.', '-' only: never needs quoting
  } else {
    WriteCsvField(out, cell.text, true);
  }
}

std::string BlockTitle(const Section& section, const std::string& name) {
  if (section.title.empty()) return name;
  if (name.empty()) return section.title;
  return section.title + " \xE2\x80\x94 " + name;  // em dash
}

void WriteTable(std::ostream& out, const Section& section, const Table& table) {
  WriteTextRow(out, {BlockTitle(section, table.title)});
  std::vector<std::string_view> header(table.columns.begin(), table.columns.end());
  WriteTextRow(out, header);
  for (const auto& row : table.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out << ',';
      WriteCell(out, row[i]);
    }
    out << kEol;
  }
  out << kEol;
}

void WriteChart(std::ostream& out, const Section& section, const Chart& chart) {
  WriteTextRow(out, {BlockTitle(section, chart.title)});
  std::vector<std::string_view> header{""};
  for (const auto& s : chart.series) header.push_back(s.name);
  WriteTextRow(out, header);
  for (std::size_t i = 0; i < chart.labels.size(); ++i) {
    WriteCsvField(out, chart.labels[i], true);
    for (const auto& s : chart.series) {
      out << ',';
      if (i < s.values.size() && s.values[i]) out << PlainNumber(*s.values[i]);
    }
    out << kEol;
  }
  out << kEol;
}

void WriteNarrative(std::ostream& out, const Section& section, const Narrative& narrative) {
  WriteTextRow(out, {BlockTitle(section, narrative.heading)});
  for (const auto& paragraph : Paragraphs(narrative.text)) WriteTextRow(out, {paragraph});
  out << kEol;
}

}  // namespace

void RenderCsv(const Document& document, std::ostream& out) {
  out << kBom;
  WriteTextRow(out, {document.title});
  if (!document.subtitle.empty()) WriteTextRow(out, {document.subtitle});
  for (const auto& [label, value] : document.facts) WriteTextRow(out, {label, value});
  out << kEol;
  for (const auto& section : document.sections) {
    for (const auto& table : section.tables) WriteTable(out, section, table);
    for (const auto& chart : section.charts) WriteChart(out, section, chart);
    for (const auto& narrative : section.narrative) WriteNarrative(out, section, narrative);
  }
}

}  // namespace mobilise::reports
