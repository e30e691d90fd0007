#include "storage/repositories/indicator_sql.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <stdexcept>

#include "domain/access/actor.hpp"
#include "domain/indicators/record_kinds.hpp"
#include "domain/periods/period.hpp"

namespace mobilise::storage {
namespace {

using domain::ComputeRequest;

// SQL text with the parameters of its ?s, in order.
struct Sql {
  std::string text;
  std::vector<Param> params;

  Sql& Add(const std::string& s) {
    text += s;
    return *this;
  }
  Sql& Add(const Sql& s) {
    text += s.text;
    params.insert(params.end(), s.params.begin(), s.params.end());
    return *this;
  }
};

using ExprFn = std::function<Sql(const ComputeRequest&)>;
using CondFn = std::function<Sql(const std::vector<std::string>&, const ComputeRequest&)>;

struct Dim {
  std::string join;  // alias of a join it needs ("" none)
  ExprFn expr;
};

struct Filter {
  std::string join;
  CondFn cond;
};

// What the rows of a source are, for the drill-down.
struct Drill {
  std::string record, id, label, date, join;
};

struct Source {
  std::string from;          // "{index}" after the table an index is named for
  std::string sqlite_index;  // the index SQLite reads that table through ("" none: its planner's)
  std::map<std::string, std::string> joins;  // alias -> JOIN clause
  std::string area, date_lo, date_hi;
  std::string base;  // "" or conditions; "{status}" stands for the activity status condition
  bool stock = false;
  std::string alive;  // stock: exists at the end (one ? for the end date); "" always
  std::map<std::string, Dim> dims;
  std::map<std::string, Filter> filters;
  std::map<std::string, std::string> fields;
  std::string person, household;  // columns for the distinct measures
  std::string count_col;          // rows are counts of this column (participants counted)
  bool area_ordered = false;      // its index leads with the area (read in area order)
  // Dimensions whose columns follow the area in that index, in index order: the column, and the
  // dimension's value from it ({k}).
  struct AreaThen {
    std::string dim, column, value;
  };
  std::vector<AreaThen> area_then;
  // 0/1 column: the row's household or person is in another row of the source too. Computed as
  // two statements: the rows whose members are in no other row, where a distinct count is a
  // count, and the repeated ones (read through `repeated_index` on SQLite).
  std::string repeated, repeated_index;
  bool unique_members = false;  // (set on the first of those two) each member in one row only
  Drill drill, drill_people, drill_households;
};

Dim Col(std::string expr, std::string join = "") {
  return {std::move(join), [expr](const ComputeRequest&) { return Sql{expr, {}}; }};
}

Dim Flag(std::string condition, std::string join = "") {
  return Col("CASE WHEN " + condition + " THEN 'true' ELSE 'false' END", std::move(join));
}

// Age band at the period's end from a birth date column: the cut-offs are the dates 5, 12, 18
// and 60 years before it (born after the first: under 5).
Dim AgeBand(std::string column, std::string join = "") {
  return {std::move(join), [column](const ComputeRequest& r) {
            Sql s{"CASE WHEN " + column + " IS NULL THEN 'unknown'", {}};
            const std::pair<int, const char*> bands[] = {
                {5, "0-4"}, {12, "5-11"}, {18, "12-17"}, {60, "18-59"}};
            for (const auto& [years, band] : bands) {
              s.Add(" WHEN " + column + " > ? THEN '" + band + "'");
              s.params.emplace_back(domain::AddYears(r.window.end, -years));
            }
            s.Add(" ELSE '60+' END");
            return s;
          }};
}

std::string StatusSql(const ComputeRequest& r) {
  return r.include_unverified ? "a.status IN ('verified', 'submitted', 'returned')"
                              : "a.status = 'verified'";
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
              s.Add(i ? " OR " : "").Add(column + " LIKE ?");
              s.params.emplace_back("% " + v[i] + " %");
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

std::map<std::string, std::vector<Source>> BuildSources() {
  std::map<std::string, std::vector<Source>> all;

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
  all["household"] = {h};

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
  all["institution"] = {i};

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
  all["membership"] = {m};

  const std::string status = "{status}";
  Source a;
  a.from = "FROM activity a{index}";
  a.sqlite_index = "activity_area";
  a.joins = {{"tt", kTopicJoin}};
  a.area = "a.area_path";
  a.date_lo = a.date_hi = "a.held_on";
  a.base = status;
  a.dims = {{"type", Col("a.type")},
            {"topic", Col("tt.topic", "tt")},
            {"course", Col("COALESCE(a.course_id, 'none')")}};
  a.filters = {{"type", In("a.type")}, {"topic", TopicFilter()}, {"course", In("a.course_id")}};
  a.fields = {{"counted_total", "a.counted_total"}, {"named_total", "a.named_total"}};
  a.drill = {"activity", "a.id", "COALESCE(a.title, a.type)", "a.held_on", ""};
  all["activity"] = {a};

  Source named;
  named.from = "FROM attendance t JOIN activity a{index} ON a.id = t.activity_id";
  named.sqlite_index = "activity_area";
  named.joins = {{"tt", kTopicJoin}, {"p", kPersonJoin}};
  named.area = "a.area_path";
  named.date_lo = named.date_hi = "a.held_on";
  named.base = "t.attended = 1 AND " + status;
  named.dims = {{"sex", Col("p.sex", "p")},
                {"age_band", AgeBand("p.birth_date", "p")},
                {"disability", Flag("p.disability = 1", "p")},
                {"displacement", Col("COALESCE(p.displacement, 'none')", "p")},
                {"type", Col("a.type")},
                {"topic", Col("tt.topic", "tt")}};
  named.filters = {{"type", In("a.type")},
                   {"topic", TopicFilter()},
                   {"sex", In("p.sex", "p")},
                   {"age_band", InDim(AgeBand("p.birth_date", "p"))},
                   {"disability", Bool("p.disability = 1", "p")},
                   {"displacement", In("COALESCE(p.displacement, 'none')", "p")}};
  named.person = "t.person_id";
  named.drill = {"person", "p.id", "p.name", "a.held_on", "p"};
  named.drill_people = named.drill;

  Source counted;
  counted.from = "FROM activity_count c JOIN activity a{index} ON a.id = c.activity_id";
  counted.sqlite_index = "activity_area";
  counted.joins = {{"tt", kTopicJoin}};
  counted.area = "a.area_path";
  counted.date_lo = counted.date_hi = "a.held_on";
  counted.base = "c.count > 0 AND " + status;
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
  all["participant"] = {named, counted};

  Source tr;
  tr.from =
      "FROM attendance t JOIN activity a{index} ON a.id = t.activity_id JOIN course co ON co.id = "
      "a.course_id";
  tr.sqlite_index = "activity_area";
  tr.joins = {{"p", kPersonJoin}};
  tr.area = "a.area_path";
  tr.date_lo = tr.date_hi = "a.held_on";
  tr.base = "t.attended = 1 AND " + status;
  tr.dims = {{"sex", Col("p.sex", "p")},
             {"age_band", AgeBand("p.birth_date", "p")},
             {"disability", Flag("p.disability = 1", "p")},
             {"course", Col("a.course_id")}};
  tr.filters = {{"course", In("a.course_id")},
                {"audience", In("co.audience")},
                {"sex", In("p.sex", "p")},
                {"disability", Bool("p.disability = 1", "p")}};
  tr.fields = {{"normalised_gain",
                "CASE WHEN t.pre_score IS NOT NULL AND t.post_score IS NOT NULL AND co.test_max > "
                "t.pre_score THEN (t.post_score - t.pre_score) / (co.test_max - t.pre_score) END"},
               {"gain", "t.post_score - t.pre_score"},
               {"pre_score", "t.pre_score"},
               {"post_score", "t.post_score"}};
  tr.person = "t.person_id";
  tr.drill = {"person", "p.id", "p.name", "a.held_on", "p"};
  tr.drill_people = tr.drill;
  all["trainee"] = {tr};

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
  all["training_plan"] = {tp};

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
  all["feedback"] = {f};
  return all;
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

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

// The dimension expression of `name` on a source (child_area and month are on every source).
Dim DimOf(const Source& s, const std::string& name) {
  if (name == domain::kChildAreaDim)
    return {"", [area = s.area](const ComputeRequest& r) {
              Sql q{"substr(" + area + ", 1, ?)", {}};
              q.params.emplace_back(static_cast<std::int64_t>(r.child_path_length));
              return q;
            }};
  if (name == domain::kMonthDim) return Col("substr(" + s.date_lo + ", 1, 7)");
  auto it = s.dims.find(name);
  if (it == s.dims.end()) throw std::invalid_argument("no dimension " + name);
  return it->second;
}

// What every statement of a request shares: FROM, joins, and the WHERE clause (scope, base
// conditions, the window's outer bounds, drill-down group).
struct Frame {
  Sql from;   // FROM ... joins
  Sql where;  // " WHERE ..."
  std::set<std::string> joins;
};

void Need(Frame& f, const std::string& join) {
  if (!join.empty()) f.joins.insert(join);
}

Sql FilterSql(const Source& s, const std::vector<domain::IndicatorFilter>& filters,
              const ComputeRequest& r, Frame& frame) {
  Sql out{"1=1", {}};
  for (const auto& f : filters) {
    auto it = s.filters.find(f.field);
    if (it == s.filters.end()) throw std::invalid_argument("no filter " + f.field);
    Need(frame, it->second.join);
    out.Add(" AND ").Add(it->second.cond(f.values, r));
  }
  return out;
}

Sql PeriodCond(const Source& s, const ComputeRequest& r) {
  Sql q{s.date_lo + " >= ?", {}};
  q.params.emplace_back(r.window.start);
  return q;
}

Sql PreviousCond(const Source& s, const ComputeRequest& r) {
  Sql q{"(" + s.date_lo + " >= ? AND " + s.date_hi + " <= ?)", {}};
  q.params.emplace_back(r.window.prev_start);
  q.params.emplace_back(r.window.prev_end);
  return q;
}

Sql CumulativeCond(const Source& s, const ComputeRequest& r) {
  if (!s.stock || s.alive.empty()) return {"1=1", {}};
  Sql q{s.alive, {}};
  q.params.emplace_back(r.window.end);
  return q;
}

Sql WhereSql(const Source& s, const ComputeRequest& r, Frame& frame) {
  const auto range = domain::SubtreeRange(r.scope_path);
  Sql w{" WHERE " + s.area + " >= ? AND " + s.area + " < ?", {range.lo, range.hi}};
  if (!s.base.empty()) w.Add(" AND " + Replace(s.base, "{status}", StatusSql(r)));
  if (s.stock) {
    w.Add(" AND " + s.date_lo + " <= ?");
    w.params.emplace_back(r.window.end);
  } else {
    w.Add(" AND " + s.date_lo + " >= ? AND " + s.date_hi + " <= ?");
    w.params.emplace_back(r.window.from);
    w.params.emplace_back(r.window.end);
  }
  for (const auto& [dim, value] : r.where_group) {
    Dim d = DimOf(s, dim);
    Need(frame, d.join);
    w.Add(" AND ").Add(d.expr(r)).Add(" = ?");
    w.params.emplace_back(value);
  }
  return w;
}

// `{index}` in a source's FROM: on SQLite, the index its table is read through. Activities are
// read through their area index: a report reads every activity of its area since the project's
// start, and without statistics SQLite would take activity_status_held (status and a day range)
// and walk the whole programme's activities. PostgreSQL plans from its statistics.
Sql FromSql(const Source& s, const Frame& frame, Dialect dialect) {
  const bool hint = dialect == Dialect::kSqlite && !s.sqlite_index.empty();
  Sql q{" " + Replace(s.from, "{index}", hint ? " INDEXED BY " + s.sqlite_index : ""), {}};
  for (const auto& alias : frame.joins) {
    auto it = s.joins.find(alias);
    if (it == s.joins.end()) throw std::invalid_argument("no join " + alias);
    q.Add(" " + it->second);
  }
  return q;
}

// One measure over the rows that pass its filter and the column's condition. The condition is
// an aggregate's FILTER clause (SQLite and PostgreSQL), so a row outside it costs no aggregate
// step: a province's members by child area, 9 columns over 258k rows, 0.20 -> 0.12 s. A count
// over no rows at all is NULL, as a SUM of 0/1 would be (`grouped`: there is a row).
Sql Aggregate(const Source& s, const domain::MeasureSpec& m, const Sql& filter, const Sql& cond,
              bool grouped) {
  Sql only{" FILTER (WHERE ", {}};
  only.Add(filter).Add(" AND ").Add(cond).Add(")");
  auto filtered = [&](const std::string& aggregate) { return Sql{aggregate, {}}.Add(only); };
  auto nonempty = [&](const Sql& q) {
    return grouped ? q : Sql{"CASE WHEN COUNT(*) > 0 THEN ", {}}.Add(q).Add(" END");
  };
  const std::string& mm = m.measure;
  if (!s.count_col.empty()) {  // rows are counts: every person-counting measure sums them
    if (mm != "count" && mm != "distinct_people") return {"NULL", {}};
    return nonempty(Sql{"COALESCE(", {}}.Add(filtered("SUM(" + s.count_col + ")")).Add(", 0)"));
  }
  if (mm == "count") return nonempty(filtered("COUNT(*)"));
  if (mm == "distinct_people" || mm == "distinct_households") {
    const std::string& col = mm == "distinct_people" ? s.person : s.household;
    if (col.empty()) throw std::invalid_argument("no " + mm + " on this record kind");
    if (s.unique_members) return nonempty(filtered("COUNT(" + col + ")"));
    return filtered("COUNT(DISTINCT " + col + ")");
  }
  if (mm == "sum" || mm == "average") {
    auto it = m.field ? s.fields.find(*m.field) : s.fields.end();
    if (it == s.fields.end()) throw std::invalid_argument("no field for " + mm);
    return filtered((mm == "sum" ? "SUM(" : "AVG(") + it->second + ")");
  }
  throw std::invalid_argument("unknown measure " + mm);
}

// The statements a source is computed as: itself, or (a source with a `repeated` column, for
// counts) the rows of members in no other row, where a distinct count is a plain count (and so
// adds up area by area), and the repeated rows, counted distinct (a member's rows are all on one
// side, so the two add up). At a province: 0.96 s -> ~0.35 s for the members' statements.
std::vector<Source> Split(const Source& s, const ComputeRequest& r) {
  const bool counts =
      std::all_of(r.measures.begin(), r.measures.end(), [](const domain::MeasureSpec& m) {
        return m.measure == "count" || m.measure == "distinct_people" ||
               m.measure == "distinct_households";
      });
  if (s.repeated.empty() || !counts) return {s};
  auto with = [&](const std::string& cond) {
    Source part = s;
    part.base = (s.base.empty() ? "" : s.base + " AND ") + s.repeated + cond;
    return part;
  };
  Source once = with(" = 0"), repeated = with(" = 1");
  once.unique_members = true;
  repeated.sqlite_index = s.repeated_index;
  return {once, repeated};
}

}  // namespace

std::vector<CompiledQuery> CompileCompute(const ComputeRequest& r, Dialect dialect) {
  std::vector<CompiledQuery> out;
  std::vector<Source> sources;
  for (const Source& s : SourcesOf(r.record))
    for (Source& part : Split(s, r)) sources.push_back(std::move(part));
  for (const Source& s : sources) {
    Frame frame;
    // Counts and sums over records read in area order, by child area and by dimensions whose
    // columns follow the area in the index: grouped by the area and those columns first (adjacent
    // in the index, so nothing is sorted), then the few rows that gives by what was asked (at a
    // province, 500k household rows sorted by child area: 3x slower; 258k memberships by sex:
    // 0.17 -> 0.12 s).
    const auto then_at = [&s](const std::string& dim) {
      for (std::size_t j = 0; j < s.area_then.size(); ++j)
        if (s.area_then[j].dim == dim) return static_cast<int>(j);
      return dim == domain::kChildAreaDim ? -1 : -2;
    };
    const bool by_area_first =
        s.area_ordered && !r.by.empty() &&
        std::all_of(r.by.begin(), r.by.end(),
                    [&](const std::string& d) { return then_at(d) > -2; }) &&
        std::all_of(r.measures.begin(), r.measures.end(), [&s](const domain::MeasureSpec& m) {
          return m.measure == "count" || m.measure == "sum" ||
                 (s.unique_members && m.measure != "average");
        });
    int depth = 0;  // area_then columns the first grouping takes
    for (const auto& d : r.by) depth = std::max(depth, then_at(d) + 1);
    Sql select{"SELECT ", {}};
    if (by_area_first) {
      select.Add(s.area + " AS g");
      for (int j = 0; j < depth; ++j)
        select.Add(", " + s.area_then[j].column + " AS k" + std::to_string(j));
    }
    for (std::size_t i = 0; i < r.by.size() && !by_area_first; ++i) {
      Dim d = DimOf(s, r.by[i]);
      Need(frame, d.join);
      select.Add(i ? ", " : "").Add(d.expr(r));
    }
    const Sql period = PeriodCond(s, r), cumulative = CumulativeCond(s, r);
    const bool has_prev = !r.window.prev_start.empty();
    std::size_t columns = 0;
    auto column = [&](const Sql& aggregate) {
      select.Add(r.by.empty() && columns == 0 ? "" : ", ").Add(aggregate);
      if (by_area_first) select.Add(" AS v" + std::to_string(columns));
      ++columns;
    };
    const bool grouped = !r.by.empty();
    for (std::size_t i = 0; i < r.measures.size(); ++i) {
      const Sql filter = FilterSql(s, r.measures[i].filters, r, frame);
      column(Aggregate(s, r.measures[i], filter, period, grouped));
      column(Aggregate(s, r.measures[i], filter, cumulative, grouped));
      column(has_prev ? Aggregate(s, r.measures[i], filter, PreviousCond(s, r), grouped)
                      : Sql{"CAST(NULL AS INTEGER)", {}});  // typed: PostgreSQL sums it in by_area
    }
    Sql where = WhereSql(s, r, frame);
    // By month: the months of the period only (not every month since the project's start).
    if (std::find(r.by.begin(), r.by.end(), std::string(domain::kMonthDim)) != r.by.end()) {
      where.Add(" AND " + s.date_lo + " >= ?");
      where.params.emplace_back(r.window.start);
    }
    Sql q = select;
    q.Add(FromSql(s, frame, dialect));
    q.Add(where);
    const std::size_t keys = by_area_first ? static_cast<std::size_t>(depth) + 1 : r.by.size();
    if (keys > 0) {
      q.Add(" GROUP BY ");
      for (std::size_t i = 0; i < keys; ++i) q.Add((i ? ", " : "") + std::to_string(i + 1));
    }
    if (by_area_first) {
      Sql outer{"SELECT ", {}};
      for (std::size_t i = 0; i < r.by.size(); ++i) {
        outer.Add(i ? ", " : "");
        const int j = then_at(r.by[i]);
        if (j < 0)
          outer.Add(Sql{"substr(g, 1, ?)", {static_cast<std::int64_t>(r.child_path_length)}});
        else
          outer.Add(Replace(s.area_then[j].value, "{k}", "k" + std::to_string(j)));
      }
      for (std::size_t c = 0; c < columns; ++c) outer.Add(", SUM(v" + std::to_string(c) + ")");
      outer.Add(" FROM (").Add(q).Add(") by_area GROUP BY ");
      for (std::size_t i = 0; i < r.by.size(); ++i)
        outer.Add((i ? ", " : "") + std::to_string(i + 1));
      q = outer;
    }
    out.push_back({std::move(q.text), std::move(q.params)});
  }
  return out;
}

CompiledQuery CompileRecords(const ComputeRequest& r, const std::string& column, Dialect dialect) {
  if (r.measures.empty()) throw std::invalid_argument("no measure");
  const auto& m = r.measures.front();
  std::vector<Sql> parts;
  for (const Source& s : SourcesOf(r.record)) {
    Frame frame;
    const Drill& d = m.measure == "distinct_people" && !s.drill_people.id.empty() ? s.drill_people
                     : m.measure == "distinct_households" && !s.drill_households.id.empty()
                         ? s.drill_households
                         : s.drill;
    Need(frame, d.join);
    const Sql filter = FilterSql(s, m.filters, r, frame);
    Sql where = WhereSql(s, r, frame);
    where.Add(" AND ").Add(filter).Add(" AND ");
    where.Add(column == "cumulative" ? CumulativeCond(s, r) : PeriodCond(s, r));
    if (r.hide_sensitive && r.record == "feedback") where.Add(" AND f.sensitive = 0");
    Sql q{"SELECT '" + d.record + "' AS record, " + d.id + " AS id, " + d.label +
              " AS label, MAX(" + d.date + ") AS day, MIN(" + s.area + ") AS area_path",
          {}};
    parts.push_back(q.Add(FromSql(s, frame, dialect)).Add(where).Add(" GROUP BY 2, 3"));
  }
  // Several sources (named people and counted activities) are one list, paged as one.
  Sql q = parts.front();
  if (parts.size() > 1) {
    q = Sql{"SELECT * FROM (", {}};
    for (std::size_t i = 0; i < parts.size(); ++i) q.Add(i ? " UNION ALL " : "").Add(parts[i]);
    q.Add(") records");
  }
  q.Add(" ORDER BY 4 DESC, 2");
  return {std::move(q.text), std::move(q.params)};
}

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
      }
    }
  }
  return missing;
}

}  // namespace mobilise::storage
