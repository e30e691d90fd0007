// Test-only helpers for the renderers: sample documents in several scripts, generated images,
// temporary paths and running the poppler tools.
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "reports/document.hpp"

namespace mobilise::reports::testing {

// A fresh path in the test's temporary directory, or under $MOBILISE_REPORTS_OUTPUT when set (to
// keep the files and look at them).
inline std::string OutputPath(const std::string& name) {
  static std::atomic<int> counter{0};
  if (const char* dir = std::getenv("MOBILISE_REPORTS_OUTPUT"))
    return std::string(dir) + "/" + name;
  return ::testing::TempDir() + "mobilise_reports_" + std::to_string(getpid()) + "_" +
         std::to_string(counter++) + "_" + name;
}

inline std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Standard output of a shell command (the arguments are our own temporary paths).
inline std::string Shell(const std::string& command) {
  std::string out;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) return out;
  std::array<char, 4096> buffer;
  std::size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0) out.append(buffer.data(), n);
  return out;
}

inline std::string PdfText(const std::string& path, int first = 0, int last = 0) {
  std::string range;
  if (first > 0) range = " -f " + std::to_string(first) + " -l " + std::to_string(last);
  return Shell("pdftotext -layout" + range + " '" + path + "' -");
}

inline int PdfPages(const std::string& path) {
  std::string info = Shell("pdfinfo '" + path + "'");
  auto at = info.find("Pages:");
  return at == std::string::npos ? -1 : std::atoi(info.c_str() + at + 6);
}

// A w x h picture (a colour gradient with a dark diagonal band) encoded as "png" or "jpeg".
inline std::string MakeImage(int w, int h, const char* type, bool alpha = false) {
  GdkPixbuf* pixbuf = gdk_pixbuf_new(GDK_COLORSPACE_RGB, alpha, 8, w, h);
  int stride = gdk_pixbuf_get_rowstride(pixbuf), channels = gdk_pixbuf_get_n_channels(pixbuf);
  guchar* pixels = gdk_pixbuf_get_pixels(pixbuf);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      guchar* p = pixels + y * stride + x * channels;
      bool band = std::abs(x * h / std::max(w, 1) - y) < h / 10;
      p[0] = band ? 30 : static_cast<guchar>(255 * x / w);
      p[1] = band ? 30 : static_cast<guchar>(180 * y / h + 40);
      p[2] = band ? 60 : 160;
      if (alpha) p[3] = static_cast<guchar>(x < w / 2 ? 255 : 0);
    }
  }
  gchar* buffer = nullptr;
  gsize size = 0;
  gdk_pixbuf_save_to_buffer(pixbuf, &buffer, &size, type, nullptr, nullptr);
  std::string bytes(buffer, size);
  g_free(buffer);
  g_object_unref(pixbuf);
  return bytes;
}

inline std::string WriteFile(const std::string& name, const std::string& bytes) {
  std::string path = OutputPath(name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

inline Cell Num(double v, const std::string& text, const std::string& light = "",
                bool percent = false) {
  return Cell{text, v, light, percent};
}
inline Cell Label(const std::string& text) { return Cell{text, std::nullopt, "", false}; }

// A document titled `title` whose one section, `section_title`, holds `table`.
inline Document OneTableDocument(std::string title, std::string section_title, Table table) {
  return Document{
      .title = std::move(title),
      .sections = {Section{.title = std::move(section_title), .tables = {std::move(table)}}}};
}

// A section of one table (a label column, then numbers) and one narrative.
inline Section TableSection(std::string title, std::vector<std::string> columns,
                            std::vector<std::vector<Cell>> rows, Narrative narrative) {
  return Section{.title = std::move(title),
                 .tables = {Table{.columns = std::move(columns), .rows = std::move(rows)}},
                 .narrative = {std::move(narrative)}};
}

// An English monthly report: a table with lights, a bar and a line chart, narrative, photos.
inline Document EnglishDocument(const std::string& photo_png, const std::string& photo_jpeg) {
  Document doc;
  doc.title = "Monthly progress report";
  doc.subtitle = "Peshawar district \xE2\x80\x94 October 2026";
  doc.language = "en";
  doc.facts = {{"Programme", "Community mobilisation for resilient livelihoods"},
               {"Period", "October 2026"},
               {"Area", "Peshawar district (12 union councils)"},
               {"Status", "Approved by the district manager on 2026-11-05"}};
  Section households;
  households.title = "Households and community organisations";
  Table table;
  table.title = "Households reached by union council";
  table.columns = {"Union council", "Households reached", "Target", "% achieved",
                   "Community organisations formed"};
  const char* names[] = {"Badaber", "Mathra", "Chamkani", "Pishtakhara",
                         "Regi (including the "
                         "newly added villages of the western cluster)"};
  double reached[] = {1234, 845, 1510, 320, 978};
  double target[] = {1500, 800, 1500, 1000, 1200};
  for (int i = 0; i < 5; ++i) {
    double pct = 100.0 * reached[i] / target[i];
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", pct);
    std::string light = pct >= 90 ? "green" : pct >= 60 ? "amber" : "red";
    table.rows.push_back({Label(names[i]), Num(reached[i], std::to_string(int(reached[i]))),
                          Num(target[i], std::to_string(int(target[i]))),
                          Num(pct, text, light, true), Num(i * 3 + 2, std::to_string(i * 3 + 2))});
  }
  households.tables.push_back(table);
  Chart bar;
  bar.kind = Chart::Kind::kBar;
  bar.title = "Households reached and target";
  bar.labels = {"Badaber", "Mathra", "Chamkani", "Pishtakhara", "Regi"};
  bar.series = {{"Households reached", {1234, 845, 1510, 320, 978}},
                {"Target", {1500, 800, 1500, 1000, 1200}}};
  households.charts.push_back(bar);
  Chart line;
  line.kind = Chart::Kind::kLine;
  line.title = "Sessions held per month";
  line.labels = {"Nov", "Dec", "Jan", "Feb", "Mar", "Apr",
                 "May", "Jun", "Jul", "Aug", "Sep", "Oct"};
  line.series = {{"Women", {12, 15, 14, 20, 22, std::nullopt, 25, 31, 28, 35, 40, 38}},
                 {"Men", {10, 11, 9, 14, 18, 17, 19, 22, 20, 26, 27, 30}}};
  households.charts.push_back(line);
  households.narrative.push_back(
      {"Achievements",
       "Community organisations were formed in all five union councils. Women's participation "
       "rose for the fourth month in a row, driven by the new female social organisers in "
       "Chamkani and Badaber.\n\nPishtakhara remains behind target: access was restricted for "
       "two weeks and the team was redeployed to Regi."});
  households.photos.push_back({"Community meeting in Badaber (PNG)", photo_png});
  households.photos.push_back({"Savings group in Mathra (JPEG)", photo_jpeg});
  doc.sections.push_back(households);
  return doc;
}

// A Pashto (right-to-left) report.
inline Document PashtoDocument() {
  Document doc{.title = "میاشتنی پرمختګ راپور",
               .subtitle = "پېښور ولسوالۍ — اکتوبر 2026",
               .language = "ps",
               .rtl = true,
               .facts = {{"موده", "اکتوبر 2026"}, {"سیمه", "پېښور ولسوالۍ"}}};
  Section section{.title = "کورنۍ او ټولنیز سازمانونه"};
  Table table{.title = "د سیمې له مخې", .columns = {"سیمه", "دا موده", "هدف", "٪ لاسته راوړنه"}};
  table.rows = {
      {Label("بډه بېر"), Num(1234, "1,234"), Num(1500, "1,500"), Num(82.3, "82.3%", "amber", true)},
      {Label("متره"), Num(845, "845"), Num(800, "800"), Num(105.6, "105.6%", "green", true)},
      {Label("پشتخره"), Num(320, "320"), Num(1000, "1,000"), Num(32, "32.0%", "red", true)}};
  section.tables.push_back(table);
  Chart bar;
  bar.title = "کورنۍ او هدف";
  bar.labels = {"بډه بېر", "متره", "پشتخره"};
  bar.series = {{"دا موده", {1234, 845, 320}}, {"هدف", {1500, 800, 1000}}};
  section.charts.push_back(bar);
  Chart line;
  line.kind = Chart::Kind::kLine;
  line.title = "په میاشت کې غونډې";
  line.labels = {"جولای", "اګست", "سپتمبر", "اکتوبر"};
  line.series = {{"ښځې", {12, 20, std::nullopt, 31}}, {"نارینه", {10, 14, 18, 22}}};
  section.charts.push_back(line);
  section.narrative.push_back({"لاسته راوړنې",
                               "په ټولو پنځو اتحادیه شوراګانو کې ټولنیز سازمانونه جوړ شول. د "
                               "ښځو ګډون د څلورمې میاشتې لپاره زیات شو."});
  doc.sections.push_back(section);
  return doc;
}

// Marathi and Ukrainian sections in one left-to-right document.
inline Document MarathiUkrainianDocument() {
  Document doc{.title = "मासिक प्रगती अहवाल / Щомісячний звіт",
               .subtitle = "पुणे जिल्हा — Київська область",
               .language = "mr"};
  doc.sections.push_back(TableSection("स्वयं सहायता गट", {"गाव", "गट", "सदस्य"},
                                      {{Label("शिरूर"), Num(42, "42"), Num(511, "511")},
                                       {Label("बारामती"), Num(37, "37"), Num(468, "468")}},
                                      {"ठळक मुद्दे", "सर्व गटांनी मासिक बैठक घेतली."}));
  doc.sections.push_back(TableSection("Громади", {"Громада", "Заходи", "Учасники"},
                                      {{Label("Бориспіль"), Num(17, "17"), Num(356, "356")},
                                       {Label("Ірпінь"), Num(23, "23"), Num(489, "489")}},
                                      {"Досягнення", "Усі громади провели щомісячні зустрічі."}));
  return doc;
}

}  // namespace mobilise::reports::testing
