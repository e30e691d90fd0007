// Inside the indicator SQL compiler: a record kind as SELECT sources (its FROM, joins, date and
// area columns, and each dimension, filter and field as SQL), shared by the source table
// (indicator_sql_sources.cpp) and the compiler (indicator_sql.cpp). Not for other code.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "domain/indicators/indicator.hpp"
#include "storage/database.hpp"

namespace mobilise::storage::indicator_sql {

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
  // Where fields are a form's questions (RecordKind::question_fields): the column holding a
  // row's answers, a JSON object of question path -> value text (indicator_sql.cpp reads one).
  std::string question_value;
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

// A dimension that is a plain column or expression.
Dim Col(std::string expr, std::string join = "");

// The sources of every record kind, by its code.
const std::map<std::string, std::vector<Source>>& Sources();
// The sources of `record`; throws std::invalid_argument for a kind without any.
const std::vector<Source>& SourcesOf(const std::string& record);

}  // namespace mobilise::storage::indicator_sql
