// Indicators: a measure over one kind of record (with filters and the disaggregations it allows),
// or the ratio of two indicators; the queries that compute them; targets; and their storage.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/access/actor.hpp"
#include "domain/page.hpp"
#include "domain/translations.hpp"

namespace mobilise::domain {

struct IndicatorFilter {
  std::string field;
  std::vector<std::string> values;  // any of; booleans "true" / "false"
  bool operator==(const IndicatorFilter&) const = default;
};

struct Indicator {
  std::string code, name, description;
  Translations names;                 // of the name
  std::optional<std::string> record;  // none for a ratio
  // count | distinct_people | distinct_households | sum | average | distinct (a form question's
  // distinct values) | ratio
  std::string measure;
  std::optional<std::string> field;  // sum / average; a question's path for a form's distinct
  std::optional<std::string> numerator, denominator;  // ratio
  double scale = 1;                                   // ratio x scale (100: a percentage)
  std::vector<IndicatorFilter> filters;
  std::vector<std::string> dims;  // disaggregations allowed
  bool builtin = false;
  int position = 0;
  std::int64_t version = 1;
  std::string created_at, updated_at;
  std::optional<std::string> created_by, updated_by;
};

// What one query computes: for the records of `record` in the subtree of `scope_path`, grouped
// by `by`, each measure's value for the period, cumulatively to its end, and for the previous
// period (see indicator_semantics in docs/reports.md for what each record kind counts).
struct Window {
  std::string from;                  // the project's start: cumulative flows count from here
  std::string start, end;            // the period
  std::string prev_start, prev_end;  // the previous period (empty: none)
  bool operator==(const Window&) const = default;
};

struct MeasureSpec {
  std::string measure;  // as Indicator::measure (never ratio)
  std::optional<std::string> field;
  std::vector<IndicatorFilter> filters;
  bool operator==(const MeasureSpec&) const = default;
};

struct ComputeRequest {
  std::string record;
  std::string scope_path;
  std::size_t child_path_length = 0;  // for the child_area dimension: length of a child's path
  Window window;
  bool include_unverified = false;  // count submitted and returned activities too
  bool hide_sensitive = false;      // drill-down: leave out sensitive feedback records
  std::vector<std::string> by;      // dimensions (record dims, "child_area", "month")
  std::vector<MeasureSpec> measures;
  // Drill-down: only records in this group (dim -> value) and this column.
  std::vector<std::pair<std::string, std::string>> where_group;
  bool operator==(const ComputeRequest&) const = default;
};

struct Triple {
  std::optional<double> period, cumulative, previous;
};

struct ComputedGroup {
  std::vector<std::string> keys;  // one per `by` dimension ("" for none)
  std::vector<Triple> values;     // one per measure
};

// A record behind a number (drill-down).
struct RecordRef {
  std::string record, id, label, date, area_path;
};

class IndicatorRepository {
 public:
  virtual ~IndicatorRepository() = default;
  virtual std::vector<Indicator> List() = 0;
  virtual std::optional<Indicator> Get(const std::string& code) = 0;
  virtual void Insert(const Indicator& indicator) = 0;
  virtual bool Update(const Indicator& indicator, std::int64_t expected_version) = 0;
  virtual bool UsedInTemplates(const std::string& code) = 0;
  virtual void Delete(const std::string& code) = 0;
  virtual std::vector<ComputedGroup> Compute(const ComputeRequest& request) = 0;
  // The records counted in `column` ("period" | "cumulative") of the request's only measure.
  virtual std::vector<RecordRef> Records(const ComputeRequest& request, const std::string& column,
                                         int limit, int offset) = 0;
  virtual std::vector<std::pair<std::string, std::string>> Settings() = 0;
  virtual void SaveSetting(const std::string& key, const std::string& value) = 0;
};

struct Target {
  std::string id, indicator_code, area_id, area_path, period, period_start, period_end;
  std::string disaggregation;  // "" total; "sex=f" or "age_band=18-59;sex=f" (sorted by dim)
  double value = 0;
  std::int64_t version = 1;
  std::string created_at, updated_at;
  std::optional<std::string> created_by, updated_by;
  std::string area_name;  // reads
};

class TargetRepository {
 public:
  virtual ~TargetRepository() = default;
  // Targets of `code` on areas in the subtree of `path` for periods ending within [start, end]
  // (one may begin before `start`).
  virtual std::vector<Target> Within(const std::string& code, const std::string& path,
                                     const std::string& start, const std::string& end) = 0;
  virtual Page<Target> List(const std::vector<PathRange>& scope,
                            const std::optional<std::string>& code,
                            const std::optional<std::string>& period, PageRequest page) = 0;
  virtual std::optional<Target> Find(const std::string& code, const std::string& area_id,
                                     const std::string& period,
                                     const std::string& disaggregation) = 0;
  virtual std::optional<Target> Get(const std::string& id) = 0;
  virtual void Insert(const Target& target) = 0;
  virtual bool Update(const Target& target, std::int64_t expected_version) = 0;
  virtual void Delete(const std::string& id) = 0;
};

}  // namespace mobilise::domain
