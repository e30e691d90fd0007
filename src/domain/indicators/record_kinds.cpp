#include "domain/indicators/record_kinds.hpp"

namespace mobilise::domain {

namespace {

// What the registry keeps: households, institutions and their memberships (stocks).
std::vector<RecordKind> RegistryKinds() {
  return {
      {"household",
       true,
       {"count", "sum"},
       {"person_count"},
       {},
       {{"band"}, {"poor", true}, {"organised", true}, {"flag"}},
       {"band", "poor"}},
      {"institution",
       true,
       {"count", "sum", "average"},
       {"savings", "member_count"},
       {"savings", "member_count"},
       {{"type"},
        {"tier"},
        {"status"},
        {"sex_composition"},
        {"grade"},
        {"bank", true},
        {"registered", true}},
       {"type", "tier", "status", "sex_composition", "grade"}},
      {"membership",
       true,
       {"count", "distinct_people", "distinct_households"},
       {},
       {},
       {{"type"},
        {"member_kind"},
        {"role"},
        {"sex"},
        {"disability", true},
        {"band"},
        {"poor", true}},
       {"type", "sex", "age_band", "disability", "band", "poor"},
       {"sex", "age_band", "disability"},
       {"band", "poor"}},
  };
}

// What field work records: activities, their participants and trainees, training plans,
// feedback (flows).
std::vector<RecordKind> FieldWorkKinds() {
  return {
      {"activity",
       false,
       {"count", "sum"},
       {"counted_total", "named_total"},
       {},
       {{"type"}, {"topic"}, {"course"}},
       {"type", "topic", "course"}},
      {"participant",
       false,
       {"count", "distinct_people"},
       {},
       {},
       {{"type"}, {"topic"}, {"sex"}, {"age_band"}, {"disability", true}, {"displacement"}},
       {"sex", "age_band", "disability", "displacement", "type", "topic"},
       {"sex", "age_band", "disability", "displacement"}},
      {"trainee",
       false,
       {"count", "distinct_people", "average"},
       {},
       {"normalised_gain", "gain", "pre_score", "post_score"},
       {{"course"}, {"audience"}, {"sex"}, {"disability", true}},
       {"sex", "age_band", "disability", "course"},
       {"sex", "age_band", "disability"}},
      {"training_plan",
       false,
       {"sum"},
       {"planned_events", "planned_participants"},
       {},
       {{"course"}},
       {"course"}},
      {"feedback",
       false,
       {"count"},
       {},
       {},
       {{"category"},
        {"channel"},
        {"sensitive", true},
        {"status"},
        {"closed", true},
        {"closed_on_time", true},
        {"tag"}},
       {"category", "channel", "sex", "status"}},
  };
}

// What custom forms collect: their submissions (flows), dated and placed as submitted; an
// edited submission counts once, at its first submission's date; rejected ones do not count.
RecordKind SubmissionKind() {
  RecordKind k{"submission",
               false,
               {"count", "sum", "distinct"},
               {},
               {},
               {{"form"}, {"review_state"}},
               {"form", "review_state"}};
  k.question_fields = true;
  return k;
}

}  // namespace

const std::vector<RecordKind>& RecordKinds() {
  static const std::vector<RecordKind> kinds = [] {
    auto all = RegistryKinds();
    for (auto& k : FieldWorkKinds()) all.push_back(std::move(k));
    all.push_back(SubmissionKind());
    return all;
  }();
  return kinds;
}

const RecordKind* FindRecordKind(std::string_view code) {
  for (const auto& k : RecordKinds())
    if (k.code == code) return &k;
  return nullptr;
}

}  // namespace mobilise::domain
