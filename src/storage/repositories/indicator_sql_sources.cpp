// The SQL of every record kind of domain/indicators/record_kinds.hpp: one Source each (two for
// participants: named and counted), and the check that none of their names lacks SQL.
#include <algorithm>
#include <stdexcept>

#include "domain/demographics.hpp"
#include "domain/indicators/record_kinds.hpp"
#include "domain/periods/period.hpp"
#include "storage/repositories/indicator_sql.hpp"
#include "storage/repositories/indicator_sql_source.hpp"
#include "storage/repositories/sql_where.hpp"

namespace mobilise::storage::indicator_sql {
namespace {

// The activity status condition (verified, or with include_unverified also submitted and
// returned), filled in by the compiler.
const std::string kStatus = "{status}";

Dim Flag(std::string condition, std::string join = "") {
  return Col("CASE WHEN " + condition + " THEN 'true' ELSE 'false' END", std::move(join));
}

// Age band (domain::kAgeBands) at the period's end from a birth date column: the cut-offs are
// the dates each next band's first age before it (5, 12, 18 and 60 years: born after the first,
// under 5).
Dim AgeBand(std::string column, std::string join = "") {
  return {std::move(join), [column](const ComputeRequest& r) {
            const auto& bands = domain::kAgeBands;
            Sql s{"CASE WHEN " + column + " IS NULL THEN '" + std::string(domain::kUnknownAgeBand) +
                      "'",
                  {}};
            for (std::size_t i = 1; i < bands.size(); ++i) {
              s.Add(" WHEN " + column + " > ? THEN '" + std::string(bands[i - 1].code) + "'");
              s.params.emplace_back(domain::AddYears(r.window.end, -bands[i].min_age));
            }
            s.Add(" ELSE '" + std::string(bands.back().code) + "' END");
            return s;
          }};
}

Sql InList(const Sql& expr, const std::vector<std::string>& values) {
  Sql s = expr;
  s.Add(" IN (");
  for (std::size_t i = 0; i < values.size(); ++i) {
    s.Add(i ? ", ?" : "?");
    s.params.emplace_back(values[i]);
  }
  s.Add(")");
  return s;
}

Filter In(std::string expr, std::string join = "") {
  return {std::move(join), [expr](const std::vector<std::string>& v, const ComputeRequest&) {
            return InList(Sql{expr, {}}, v);
          }};
}

// A filter on a dimension's expression (e.g. an age band computed for the period's end).
Filter InDim(Dim dim) {
  return {dim.join, [expr = dim.expr](const std::vector<std::string>& v, const ComputeRequest& r) {
            return InList(expr(r), v);
          }};
}

// A boolean filter: true_sql when the values hold only "true", its negation for only "false".
Filter Bool(std::string true_sql, std::string join = "") {
  return {std::move(join), [true_sql](const std::vector<std::string>& v, const ComputeRequest&) {
            const bool t = std::find(v.begin(), v.end(), "true") != v.end();
            const bool f = std::find(v.begin(), v.end(), "false") != v.end();
            if (t && f) return Sql{"1=1", {}};
            return Sql{t ? "(" + true_sql + ")" : "NOT (" + true_sql + ")", {}};
          }};
}

// Words in a ' a b ' list column.
Filter Words(std::string column) {
  return {"", [column](const std::vector<std::string>& v, const ComputeRequest&) {
            Sql s{"(", {}};
            for (std::size_t i = 0; i < v.size(); ++i) {
              s.Add(i ? " OR " : "").Add(column + " LIKE ?" + kLikeEscape);
              s.params.emplace_back(WordPattern(v[i]));
            }
            return s.Add(")");
          }};
}

Filter Never() {
  return {"", [](const std::vector<std::string>& v, const ComputeRequest&) {
            return Sql{std::find(v.begin(), v.end(), "unknown") != v.end() ? "1=1" : "1=0", {}};
          }};
}

const char* kTopicJoin = "JOIN activity_topic tt ON tt.activity_id = a.id";
// The attendee's person row, joined only when a dimension or filter reads it.
const char* kPersonJoin = "JOIN person p ON p.id = t.person_id";
Filter TopicFilter() {
  return {"", [](const std::vector<std::string>& v, const ComputeRequest&) {
            Sql s{"EXISTS (SELECT 1 FROM activity_topic xt WHERE xt.activity_id = a.id AND ", {}};
            s.Add(InList(Sql{"xt.topic", {}}, v));
            return s.Add(")");
          }};
}

Source HouseholdSource() {
  Source h;
  h.from = "FROM household h";
  h.area = "h.area_path";
  // Registered on the earlier of the poverty survey and the record's creation (households
  // imported from an older register keep their survey date), kept by the repository. Merged
  // households are deleted too. What the shipped indicators read is in the household_area index.
  const std::string registered = "h.registered_on";
  h.date_lo = h.date_hi = registered;
  h.base = "h.deleted_at IS NULL";
  h.area_ordered = true;
  h.stock = true;
  h.dims = {{"band", Col("COALESCE(h.poverty_band, 'none')")}, {"poor", Flag("h.poor = 1")}};
  h.filters = {{"band", In("COALESCE(h.poverty_band, 'none')")},
               {"poor", Bool("h.poor = 1")},
               {"organised", Bool("h.membership_count > 0")},
               {"flag", Words("h.flags")}};
  h.fields = {{"person_count", "h.person_count"}};
  h.household = "h.id";
  h.drill = {"household", "h.id", "h.head_name", registered, ""};
  h.drill_households = h.drill;
  return h;
}

Source InstitutionSource() {
  Source i;
  i.from = "FROM institution i";
  i.joins = {{"it", "JOIN institution_type it ON it.code = i.type_code"}};
  i.area = "i.area_path";
  i.date_lo = i.date_hi = "COALESCE(i.formed_on, substr(i.created_at, 1, 10))";
  i.base = "i.deleted_at IS NULL";
  i.stock = true;
  i.alive = "NOT (i.status IN ('dissolved', 'merged') AND COALESCE(i.status_on, '') <= ?)";
  i.dims = {{"type", Col("i.type_code")},
            {"tier", Col("CAST(it.tier AS TEXT)", "it")},
            {"status", Col("i.status")},
            {"sex_composition", Col("i.sex_composition")},
            {"grade", Col("COALESCE(i.latest_grade, 'none')")}};
  i.filters = {{"type", In("i.type_code")},
               {"tier", In("CAST(it.tier AS TEXT)", "it")},
               {"status", In("i.status")},
               {"sex_composition", In("i.sex_composition")},
               {"grade", In("COALESCE(i.latest_grade, 'none')")},
               {"bank", Bool("i.bank_status = 'opened'")},
               {"registered", Bool("i.registration_status = 'registered'")}};
  i.fields = {{"savings", "i.savings"}, {"member_count", "i.member_count"}};
  i.drill = {"institution", "i.id", "i.name", "COALESCE(i.formed_on, substr(i.created_at, 1, 10))",
             ""};
  return i;
}

Source MembershipSource() {
  Source m;
  m.from = "FROM membership m{index}";
  m.joins = {{"h", "LEFT JOIN household h ON h.id = m.household_id"},
             {"p", "LEFT JOIN person p ON p.id = m.person_id"},
             {"mi", "JOIN institution mi ON mi.id = m.institution_id"}};
  m.area = "m.area_path";
  m.date_lo = m.date_hi = "m.joined_on";
  m.stock = true;
  m.alive = "(m.left_on IS NULL OR m.left_on > ?)";
  m.dims = {{"type", Col("m.type_code")},
            {"sex", Col("COALESCE(m.member_sex, 'unknown')")},
            {"age_band", AgeBand("m.member_birth_date")},
            {"disability", Flag("m.member_disability = 1")},
            {"band", Col("COALESCE(m.member_band, 'none')")},
            {"poor", Flag("m.member_poor = 1")}};
  m.filters = {{"type", In("m.type_code")},
               // The kind of member the institution's type has (every membership row carries its
               // person's household, so the row itself does not say).
               {"member_kind",
                {"",
                 [](const std::vector<std::string>& v, const ComputeRequest&) {
                   Sql s{"m.type_code IN (SELECT code FROM institution_type WHERE ", {}};
                   return s.Add(InList(Sql{"member_kind", {}}, v)).Add(")");
                 }}},
               {"role", In("m.role")},
               {"sex", In("COALESCE(m.member_sex, 'unknown')")},
               {"disability", Bool("m.member_disability = 1")},
               {"band", In("COALESCE(m.member_band, 'none')")},
               {"poor", Bool("m.member_poor = 1")}};
  m.person = "m.person_id";
  m.household = "m.household_id";
  m.area_ordered = true;
  m.area_then = {{"band", "m.member_band", "COALESCE({k}, 'none')"},
                 {"sex", "m.member_sex", "COALESCE({k}, 'unknown')"}};
  m.repeated = "m.member_repeated";
  m.repeated_index = "membership_repeated";
  m.drill = {"institution", "mi.id", "mi.name", "m.joined_on", "mi"};
  m.drill_people = {"person", "p.id", "p.name", "m.joined_on", "p"};
  m.drill_households = {"household", "h.id", "h.head_name", "m.joined_on", "h"};
  return m;
}

// A source of activities or of rows joined to them (`from` reads "activity a{index}"): read
// through activity_area, in the activity's area and on its day, of activities with the status
// asked for, and rows that meet `rows` ("" all).
Source OnActivities(std::string from, const std::string& rows) {
  Source s;
  s.from = std::move(from);
  s.sqlite_index = "activity_area";
  s.area = "a.area_path";
  s.date_lo = s.date_hi = "a.held_on";
  s.base = rows.empty() ? kStatus : rows + " AND " + kStatus;
  return s;
}

// Named attendees (attendance t) counted as people: each once, by their person row's sex, age
// band at the period's end and disability, drilled down to the person.
void AsAttendees(Source& s) {
  s.joins.emplace("p", kPersonJoin);
  s.dims.insert({{"sex", Col("p.sex", "p")},
                 {"age_band", AgeBand("p.birth_date", "p")},
                 {"disability", Flag("p.disability = 1", "p")}});
  s.filters.insert({{"sex", In("p.sex", "p")}, {"disability", Bool("p.disability = 1", "p")}});
  s.person = "t.person_id";
  s.drill = {"person", "p.id", "p.name", "a.held_on", "p"};
  s.drill_people = s.drill;
}

Source ActivitySource() {
  Source a = OnActivities("FROM activity a{index}", "");
  a.joins = {{"tt", kTopicJoin}};
  a.dims = {{"type", Col("a.type")},
            {"topic", Col("tt.topic", "tt")},
            {"course", Col("COALESCE(a.course_id, 'none')")}};
  a.filters = {{"type", In("a.type")}, {"topic", TopicFilter()}, {"course", In("a.course_id")}};
  a.fields = {{"counted_total", "a.counted_total"}, {"named_total", "a.named_total"}};
  a.drill = {"activity", "a.id", "COALESCE(a.title, a.type)", "a.held_on", ""};
  return a;
}

// Named attendees of activities.
Source NamedParticipantSource() {
  Source named = OnActivities("FROM attendance t JOIN activity a{index} ON a.id = t.activity_id",
                              "t.attended = 1");
  named.joins = {{"tt", kTopicJoin}};
  named.dims = {{"displacement", Col("COALESCE(p.displacement, 'none')", "p")},
                {"type", Col("a.type")},
                {"topic", Col("tt.topic", "tt")}};
  named.filters = {{"type", In("a.type")},
                   {"topic", TopicFilter()},
                   {"age_band", InDim(AgeBand("p.birth_date", "p"))},
                   {"displacement", In("COALESCE(p.displacement, 'none')", "p")}};
  AsAttendees(named);
  return named;
}

// The counts of activities (by sex x age band x disability).
Source CountedParticipantSource() {
  Source counted = OnActivities(
      "FROM activity_count c JOIN activity a{index} ON a.id = c.activity_id", "c.count > 0");
  counted.joins = {{"tt", kTopicJoin}};
  counted.dims = {{"sex", Col("c.sex")},
                  {"age_band", Col("c.age_band")},
                  {"disability", Flag("c.disability = 1")},
                  {"displacement", Col("'unknown'")},
                  {"type", Col("a.type")},
                  {"topic", Col("tt.topic", "tt")}};
  counted.filters = {{"type", In("a.type")},
                     {"topic", TopicFilter()},
                     {"sex", In("c.sex")},
                     {"age_band", In("c.age_band")},
                     {"disability", Bool("c.disability = 1")},
                     {"displacement", Never()}};
  // The counts include the activity's named attendees (activities are validated so), who are
  // already counted, de-duplicated, by the named source: a cell adds only its anonymous remainder,
  // its named attendees (same sex x age band at the activity x disability, kept in c.named by the
  // activity repository) taken off.
  counted.count_col = "CASE WHEN c.count > c.named THEN c.count - c.named ELSE 0 END";
  counted.drill = {"activity", "a.id", "COALESCE(a.title, a.type)", "a.held_on", ""};
  counted.drill_people = counted.drill;
  return counted;
}

Source TraineeSource() {
  Source tr = OnActivities(
      "FROM attendance t JOIN activity a{index} ON a.id = t.activity_id JOIN course co ON co.id = "
      "a.course_id",
      "t.attended = 1");
  tr.dims = {{"course", Col("a.course_id")}};
  tr.filters = {{"course", In("a.course_id")}, {"audience", In("co.audience")}};
  tr.fields = {{"normalised_gain",
                "CASE WHEN t.pre_score IS NOT NULL AND t.post_score IS NOT NULL AND co.test_max > "
                "t.pre_score THEN (t.post_score - t.pre_score) / (co.test_max - t.pre_score) END"},
               {"gain", "t.post_score - t.pre_score"},
               {"pre_score", "t.pre_score"},
               {"post_score", "t.post_score"}};
  AsAttendees(tr);
  return tr;
}

Source TrainingPlanSource() {
  Source tp;
  tp.from = "FROM training_plan tp";
  tp.area = "tp.area_path";
  tp.date_lo = "tp.period_start";
  tp.date_hi = "tp.period_end";
  tp.dims = {{"course", Col("tp.course_id")}};
  tp.filters = {{"course", In("tp.course_id")}};
  tp.fields = {{"planned_events", "tp.planned_events"},
               {"planned_participants", "tp.planned_participants"}};
  tp.drill = {"training_plan", "tp.id", "tp.period", "tp.period_start", ""};
  return tp;
}

Source FeedbackSource() {
  Source f;
  f.from = "FROM feedback f";
  f.area = "f.area_path";
  f.date_lo = f.date_hi = "f.received_on";
  f.dims = {{"category", Col("f.category")},
            {"channel", Col("f.channel")},
            {"sex", Col("COALESCE(f.person_sex, 'unknown')")},
            {"status", Col("f.status")}};
  f.filters = {{"category", In("f.category")},
               {"channel", In("f.channel")},
               {"sensitive", Bool("f.sensitive = 1")},
               {"status", In("f.status")},
               {"closed", Bool("f.status = 'closed'")},
               {"closed_on_time", Bool("f.status = 'closed' AND f.closed_on <= f.due_on")},
               {"tag", Words("f.tags")}};
  f.drill = {"feedback", "f.id", "f.category", "f.received_on", ""};
  return f;
}

// A custom form's submissions: the current version of each (an edit counts once), dated and
// placed as first submitted, rejected ones left out; a question's value from its answers.
Source SubmissionSource() {
  Source s;
  s.from =
      "FROM submission s JOIN submission first_s ON first_s.id = s.root_id "
      "JOIN xform x ON x.id = s.form_id";
  s.area = "s.area_path";
  s.date_lo = s.date_hi = "substr(first_s.submitted_at, 1, 10)";
  s.base = "s.current = 1 AND s.review_state <> 'rejected'";
  s.dims = {{"form", Col("x.xml_form_id")}, {"review_state", Col("s.review_state")}};
  s.filters = {{"form", In("x.xml_form_id")}, {"review_state", In("s.review_state")}};
  s.question_value = "s.answers";
  s.drill = {"submission", "s.id", "COALESCE(s.instance_name, s.instance_id)",
             "substr(first_s.submitted_at, 1, 10)", ""};
  return s;
}

std::map<std::string, std::vector<Source>> BuildSources() {
  return {{"household", {HouseholdSource()}},
          {"institution", {InstitutionSource()}},
          {"membership", {MembershipSource()}},
          {"activity", {ActivitySource()}},
          {"participant", {NamedParticipantSource(), CountedParticipantSource()}},
          {"trainee", {TraineeSource()}},
          {"training_plan", {TrainingPlanSource()}},
          {"feedback", {FeedbackSource()}},
          {"submission", {SubmissionSource()}}};
}

}  // namespace

Dim Col(std::string expr, std::string join) {
  return {std::move(join), [expr](const ComputeRequest&) { return Sql{expr, {}}; }};
}

const std::map<std::string, std::vector<Source>>& Sources() {
  static const auto sources = BuildSources();
  return sources;
}

const std::vector<Source>& SourcesOf(const std::string& record) {
  auto it = Sources().find(record);
  if (it == Sources().end()) throw std::invalid_argument("unknown record kind " + record);
  return it->second;
}

}  // namespace mobilise::storage::indicator_sql

namespace mobilise::storage {

using indicator_sql::Source;
using indicator_sql::Sources;

std::vector<std::string> MissingSql() {
  std::vector<std::string> missing;
  for (const auto& kind : domain::RecordKinds()) {
    auto it = Sources().find(kind.code);
    if (it == Sources().end()) {
      missing.push_back(kind.code);
      continue;
    }
    for (const Source& s : it->second) {
      for (const auto& d : kind.dims)
        if (!s.dims.contains(d)) missing.push_back(kind.code + " dim " + d);
      for (const auto& f : kind.filters)
        if (!s.filters.contains(f.name)) missing.push_back(kind.code + " filter " + f.name);
      for (const auto& f : kind.sum_fields)
        if (s.count_col.empty() && !s.fields.contains(f))
          missing.push_back(kind.code + " field " + f);
      for (const auto& f : kind.average_fields)
        if (!s.fields.contains(f)) missing.push_back(kind.code + " field " + f);
      for (const auto& mm : kind.measures) {
        if (!s.count_col.empty()) continue;
        if (mm == "distinct_people" && s.person.empty()) missing.push_back(kind.code + " people");
        if (mm == "distinct_households" && s.household.empty())
          missing.push_back(kind.code + " households");
        if (kind.question_fields && s.question_value.empty())
          missing.push_back(kind.code + " question values");
      }
    }
  }
  return missing;
}

}  // namespace mobilise::storage
