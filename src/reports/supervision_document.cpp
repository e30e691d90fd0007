#include "reports/supervision_document.hpp"

#include "reports/plain_number.hpp"

namespace mobilise::reports {
namespace {

Cell Count(std::int64_t n) { return {std::to_string(n), static_cast<double>(n)}; }

Cell Percent(std::optional<double> p) {
  if (!p) return {"—", std::nullopt};
  return {PlainNumber(*p) + "%", *p, "", true};
}

Table Figures(const domain::SupervisionReport& r) {
  Table t{"Visits and actions", {"Figure", "Count"}, {}, 1};
  for (auto [label, n] :
       {std::pair{"Visits made", r.visits}, std::pair{"Review meetings held", r.meetings},
        std::pair{"Actions agreed", r.actions_agreed},
        std::pair{"Actions closed", r.actions_closed},
        std::pair{"Closed on time", r.actions_closed_on_time},
        std::pair{"Overdue now", r.actions_overdue}, std::pair{"Reopened", r.actions_reopened}})
    t.rows.push_back({{label}, Count(n)});
  return t;
}

Table People(const domain::SupervisionReport& r) {
  Table t{"Scores by person", {"Staff member", "Visits", "Average score"}, {}, 1};
  for (const auto& p : r.people)
    t.rows.push_back({{p.staff_name.value_or("(no one in particular)")},
                      Count(p.visits),
                      Percent(p.average_score)});
  return t;
}

Table Items(const domain::SupervisionReport& r) {
  Table t{"Scores by checklist item",
          {"Section", "Item", "Visits", "Average points", "Maximum", "Average score"},
          {},
          2};
  for (const auto& i : r.items)
    t.rows.push_back({{i.section.value_or("")},
                      {i.name},
                      Count(i.visits),
                      {PlainNumber(i.average), i.average},
                      Count(i.max_score),
                      Percent(i.average_percent)});
  return t;
}

}  // namespace

Exportable SupervisionExport(const domain::SupervisionReport& r) {
  Exportable what;
  what.name = "supervision-" + r.from + "-" + r.to;
  what.formats = {ExportFormat::kCsv, ExportFormat::kXlsx, ExportFormat::kPdf};
  what.document = [r](const PhotoPaths&) {
    Document d;
    d.title = "Supervision report";
    d.subtitle = (r.area_name.empty() ? std::string("All my areas") : r.area_name) + " — " +
                 r.from + " to " + r.to;
    d.language = "en";
    d.facts = {{"Area", r.area_name.empty() ? "All my areas" : r.area_name},
               {"Period", r.from + " to " + r.to}};
    d.sections.push_back({"Supervision", {Figures(r), People(r), Items(r)}, {}, {}, {}});
    return d;
  };
  return what;
}

}  // namespace mobilise::reports
