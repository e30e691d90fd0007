#include "storage/repositories/indicator_sql.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "domain/access/actor.hpp"
#include "domain/indicators/record_kinds.hpp"
#include "storage/dialect.hpp"
#include "storage/repositories/indicator_sql_source.hpp"

namespace mobilise::storage {
namespace {

using namespace indicator_sql;

std::string StatusSql(const ComputeRequest& r) {
  return r.include_unverified ? "a.status IN ('verified', 'submitted', 'returned')"
                              : "a.status = 'verified'";
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
  const std::string hint = s.sqlite_index.empty() ? "" : IndexedBy(dialect, s.sqlite_index);
  Sql q{" " + Replace(s.from, "{index}", hint), {}};
  for (const auto& alias : frame.joins) {
    auto it = s.joins.find(alias);
    if (it == s.joins.end()) throw std::invalid_argument("no join " + alias);
    q.Add(" " + it->second);
  }
  return q;
}

// A question's value on a row of `s`, its path the next parameter: the text (NULL when missing or
// empty) for a distinct count, else the number (NULL unless the text is a JSON number).
std::string QuestionValue(const Source& s, const std::string& measure, Dialect dialect) {
  const std::string text = JsonTextField(dialect, s.question_value);
  if (measure != "sum") return "NULLIF(" + text + ", '')";
  if (dialect == Dialect::kPostgres)
    return "(SELECT CASE WHEN v ~ '^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?$' THEN "
           "CAST(v AS DOUBLE PRECISION) END FROM (SELECT " +
           text + " AS v) q)";
  return "(SELECT CASE WHEN json_valid(v) THEN CASE WHEN json_type(v) IN ('integer', 'real') "
         "THEN CAST(v AS REAL) END END FROM (SELECT " +
         text + " AS v))";
}

// One measure over the rows that pass its filter and the column's condition. The condition is
// an aggregate's FILTER clause (SQLite and PostgreSQL), so a row outside it costs no aggregate
// step: a province's members by child area, 9 columns over 258k rows, 0.20 -> 0.12 s. A count
// over no rows at all is NULL, as a SUM of 0/1 would be (`grouped`: there is a row).
Sql Aggregate(const Source& s, const domain::MeasureSpec& m, const Sql& filter, const Sql& cond,
              bool grouped, Dialect dialect) {
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
  if (!s.question_value.empty() && (mm == "sum" || mm == "distinct")) {
    if (!m.field) throw std::invalid_argument("no question for " + mm);
    Sql value{mm == "sum" ? "SUM(" : "COUNT(DISTINCT ", {}};
    value.Add(QuestionValue(s, mm, dialect));
    value.params.emplace_back(*m.field);
    return value.Add(")").Add(only);
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

// Counts and sums over records read in area order, by child area and by dimensions whose
// columns follow the area in the index, are grouped by the area and those columns first
// (adjacent in the index, so nothing is sorted), then the few rows that gives by what was asked
// (at a province, 500k household rows sorted by child area: 3x slower; 258k memberships by sex:
// 0.17 -> 0.12 s).
struct Grouping {
  bool by_area_first = false;
  int depth = 0;  // area_then columns the first grouping takes
};

// Where `dim` is in the source's area_then columns; -1 child area, -2 neither.
int ThenAt(const Source& s, const std::string& dim) {
  for (std::size_t j = 0; j < s.area_then.size(); ++j)
    if (s.area_then[j].dim == dim) return static_cast<int>(j);
  return dim == domain::kChildAreaDim ? -1 : -2;
}

Grouping GroupingOf(const Source& s, const ComputeRequest& r) {
  Grouping g;
  g.by_area_first =
      s.area_ordered && !r.by.empty() &&
      std::all_of(r.by.begin(), r.by.end(),
                  [&](const std::string& d) { return ThenAt(s, d) > -2; }) &&
      std::all_of(r.measures.begin(), r.measures.end(), [&s](const domain::MeasureSpec& m) {
        return m.measure == "count" || m.measure == "sum" ||
               (s.unique_members && m.measure != "average");
      });
  for (const auto& d : r.by) g.depth = std::max(g.depth, ThenAt(s, d) + 1);
  return g;
}

// SELECT and the group's key columns.
Sql KeyColumns(const Source& s, const ComputeRequest& r, const Grouping& g, Frame& frame) {
  Sql select{"SELECT ", {}};
  if (g.by_area_first) {
    select.Add(s.area + " AS g");
    for (int j = 0; j < g.depth; ++j)
      select.Add(", " + s.area_then[j].column + " AS k" + std::to_string(j));
    return select;
  }
  for (std::size_t i = 0; i < r.by.size(); ++i) {
    Dim d = DimOf(s, r.by[i]);
    Need(frame, d.join);
    select.Add(i ? ", " : "").Add(d.expr(r));
  }
  return select;
}

// Three columns per measure (period, cumulative, previous) added to `select`; how many.
std::size_t AddMeasureColumns(Sql& select, const Source& s, const ComputeRequest& r,
                              const Grouping& g, Frame& frame, Dialect dialect) {
  const Sql period = PeriodCond(s, r), cumulative = CumulativeCond(s, r);
  const bool has_prev = !r.window.prev_start.empty();
  std::size_t columns = 0;
  auto column = [&](const Sql& aggregate) {
    select.Add(r.by.empty() && columns == 0 ? "" : ", ").Add(aggregate);
    if (g.by_area_first) select.Add(" AS v" + std::to_string(columns));
    ++columns;
  };
  const bool grouped = !r.by.empty();
  for (const auto& m : r.measures) {
    const Sql filter = FilterSql(s, m.filters, r, frame);
    column(Aggregate(s, m, filter, period, grouped, dialect));
    column(Aggregate(s, m, filter, cumulative, grouped, dialect));
    column(has_prev ? Aggregate(s, m, filter, PreviousCond(s, r), grouped, dialect)
                    : Sql{"CAST(NULL AS INTEGER)", {}});  // typed: PostgreSQL sums it in by_area
  }
  return columns;
}

// The statement grouped by area first, regrouped by what was asked.
Sql ByAreaOuter(const Source& s, const ComputeRequest& r, const Sql& inner, std::size_t columns) {
  Sql outer{"SELECT ", {}};
  for (std::size_t i = 0; i < r.by.size(); ++i) {
    outer.Add(i ? ", " : "");
    const int j = ThenAt(s, r.by[i]);
    if (j < 0)
      outer.Add(Sql{"substr(g, 1, ?)", {static_cast<std::int64_t>(r.child_path_length)}});
    else
      outer.Add(Replace(s.area_then[j].value, "{k}", "k" + std::to_string(j)));
  }
  for (std::size_t c = 0; c < columns; ++c) outer.Add(", SUM(v" + std::to_string(c) + ")");
  outer.Add(" FROM (").Add(inner).Add(") by_area GROUP BY ");
  for (std::size_t i = 0; i < r.by.size(); ++i) outer.Add((i ? ", " : "") + std::to_string(i + 1));
  return outer;
}

// The statement of one source: keys, measures, FROM and joins, WHERE, GROUP BY.
Sql CompileSource(const Source& s, const ComputeRequest& r, Dialect dialect) {
  Frame frame;
  const Grouping g = GroupingOf(s, r);
  Sql select = KeyColumns(s, r, g, frame);
  const std::size_t columns = AddMeasureColumns(select, s, r, g, frame, dialect);
  Sql where = WhereSql(s, r, frame);
  // By month: the months of the period only (not every month since the project's start).
  if (std::find(r.by.begin(), r.by.end(), std::string(domain::kMonthDim)) != r.by.end()) {
    where.Add(" AND " + s.date_lo + " >= ?");
    where.params.emplace_back(r.window.start);
  }
  Sql q = select;
  q.Add(FromSql(s, frame, dialect));
  q.Add(where);
  const std::size_t keys = g.by_area_first ? static_cast<std::size_t>(g.depth) + 1 : r.by.size();
  if (keys > 0) {
    q.Add(" GROUP BY ");
    for (std::size_t i = 0; i < keys; ++i) q.Add((i ? ", " : "") + std::to_string(i + 1));
  }
  return g.by_area_first ? ByAreaOuter(s, r, q, columns) : q;
}

}  // namespace

std::vector<CompiledQuery> CompileCompute(const ComputeRequest& r, Dialect dialect) {
  std::vector<CompiledQuery> out;
  for (const Source& s : SourcesOf(r.record))
    for (const Source& part : Split(s, r)) {
      Sql q = CompileSource(part, r, dialect);
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

}  // namespace mobilise::storage
