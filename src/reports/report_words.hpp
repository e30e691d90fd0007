// The fixed words of a progress report's document (column headings, fact labels, narrative
// headings) in the languages the reports speak; English for any other.
#pragma once

#include <string>

namespace mobilise::reports {

struct ReportWords {
  const char *period, *cumulative, *target, *achieved, *previous, *indicator, *area, *status,
      *by_area, *narrative, *achievements, *challenges, *lessons, *recommendations, *next_plan,
      *stories, *changed, *unverified, *yes, *no, *generated, *now, *changed_since;
};

const ReportWords& ReportWordsFor(const std::string& lang);

}  // namespace mobilise::reports
