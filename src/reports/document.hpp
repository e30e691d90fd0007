// A report as the renderers see it: sections of tables, charts, narrative and photos, already
// computed and labelled in the reader's language. The renderers (CSV, XLSX, PDF) know nothing of
// indicators; the report builder fills this from the indicator values.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace mobilise::reports {

struct Cell {
  std::string text;              // what is shown ("1,234", "87.5%", "—", a label)
  std::optional<double> number;  // the value behind it, for XLSX numbers and charts
  std::string light;             // "" | "green" | "amber" | "red" (traffic light of % achieved)
  bool percent = false;          // number is a percentage (87.5 means 87.5 %)
};

struct Table {
  std::string title;
  std::vector<std::string> columns;     // header row
  std::vector<std::vector<Cell>> rows;  // each as wide as columns
  int label_columns = 1;                // leading columns that are labels, not numbers
};

struct Series {
  std::string name;
  std::vector<std::optional<double>> values;  // one per label; nullopt = no value
};

struct Chart {
  enum class Kind { kBar, kLine };
  Kind kind = Kind::kBar;
  std::string title;
  std::vector<std::string> labels;  // categories (child areas) or periods (months)
  std::vector<Series> series;
};

struct Narrative {
  std::string heading;
  std::string text;  // plain text, paragraphs separated by blank lines
};

struct Photo {
  std::string caption;
  std::string path;  // an image file on disk (JPEG or PNG)
};

struct Section {
  std::string title;
  std::vector<Table> tables;
  std::vector<Chart> charts;
  std::vector<Narrative> narrative;
  std::vector<Photo> photos;
};

struct Document {
  std::string title;     // "Monthly progress report"
  std::string subtitle;  // "Peshawar district — October 2026"
  std::string language;  // "en", "ps", "uk", "mr", ...
  bool rtl = false;      // right-to-left reading order (ps, fa, ur)
  std::vector<std::pair<std::string, std::string>> facts;  // cover page: label, value
  std::vector<Section> sections;
};

}  // namespace mobilise::reports
