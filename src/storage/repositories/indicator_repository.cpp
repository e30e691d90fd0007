#include "storage/repositories/indicator_repository.hpp"

#include <map>

#include "storage/repositories/indicator_sql.hpp"
#include "storage/repositories/sql_rows.hpp"
#include "storage/repositories/sql_where.hpp"

namespace mobilise::storage {
namespace {

domain::Indicator ReadIndicator(const ResultSet::Row& r) {
  domain::Indicator d;
  d.code = r.Str("code");
  d.name = r.Str("name");
  d.description = r.Str("description");
  d.record = r.OptText("record");
  d.measure = r.Str("measure");
  d.field = r.OptText("field");
  d.numerator = r.OptText("numerator");
  d.denominator = r.OptText("denominator");
  d.scale = r.Real("scale");
  d.dims = SplitWords(r.Text("dims"));
  d.builtin = r.Bool("builtin");
  d.position = static_cast<int>(r.Int("position"));
  ReadVersioned(r, d);
  return d;
}

domain::Target ReadTarget(const ResultSet::Row& r) {
  domain::Target t;
  t.id = r.Str("id");
  t.indicator_code = r.Str("indicator_code");
  t.area_id = r.Str("area_id");
  t.area_path = r.Str("area_path");
  t.period = r.Str("period");
  t.period_start = r.Str("period_start");
  t.period_end = r.Str("period_end");
  t.disaggregation = r.Str("disaggregation");
  t.value = r.Real("value");
  ReadVersioned(r, t);
  t.area_name = r.Str("area_name");
  return t;
}

}  // namespace

std::vector<domain::Indicator> SqlIndicatorRepository::Where(const std::string& where,
                                                             std::vector<Param> params) {
  auto rs = conn_.Query(
      "SELECT code, name, description, record, measure, field, numerator, denominator, scale, "
      "dims, "
      "builtin, position, version, created_at, created_by, updated_at, updated_by FROM indicator" +
          where + " ORDER BY position, code",
      params);
  auto out = ReadRows(rs, ReadIndicator);
  if (out.empty()) return out;
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < out.size(); ++i) at[out[i].code] = i;
  // Filters and names of all of them in two statements.
  const std::string in = out.size() == 1 ? " WHERE indicator_code = ?" : "";
  std::vector<Param> p;
  if (out.size() == 1) p.emplace_back(out[0].code);
  auto fs = conn_.Query("SELECT indicator_code, field, vals FROM indicator_filter" + in +
                            " ORDER BY indicator_code, field",
                        p);
  for (std::size_t i = 0; i < fs.size(); ++i)
    if (auto it = at.find(fs[i].Str("indicator_code")); it != at.end())
      out[it->second].filters.push_back({fs[i].Str("field"), SplitWords(fs[i].Text("vals"))});
  auto ns = conn_.Query("SELECT indicator_code, lang, name FROM indicator_name" + in +
                            " ORDER BY indicator_code, lang",
                        p);
  for (std::size_t i = 0; i < ns.size(); ++i)
    if (auto it = at.find(ns[i].Str("indicator_code")); it != at.end())
      out[it->second].names.emplace_back(ns[i].Str("lang"), ns[i].Str("name"));
  return out;
}

std::vector<domain::Indicator> SqlIndicatorRepository::List() { return Where("", {}); }

std::optional<domain::Indicator> SqlIndicatorRepository::Get(const std::string& code) {
  return FirstOf(Where(" WHERE code = ?", {code}));
}

void SqlIndicatorRepository::SaveChildren(const domain::Indicator& d) {
  conn_.Execute("DELETE FROM indicator_filter WHERE indicator_code = ?", {{d.code}});
  conn_.Execute("DELETE FROM indicator_name WHERE indicator_code = ?", {{d.code}});
  for (const auto& f : d.filters)
    InsertRow(conn_, "indicator_filter", "indicator_code, field, vals",
              {d.code, f.field, JoinWords(f.values)});
  for (const auto& [lang, name] : d.names)
    InsertRow(conn_, "indicator_name", "indicator_code, lang, name", {d.code, lang, name});
}

void SqlIndicatorRepository::Insert(const domain::Indicator& d) {
  InsertRow(conn_, "indicator",
            "code, name, description, record, measure, field, numerator, denominator, scale, dims, "
            "builtin, position, version, created_at, created_by, updated_at, updated_by",
            {d.code, d.name, d.description, OptParam(d.record), d.measure, OptParam(d.field),
             OptParam(d.numerator), OptParam(d.denominator), d.scale, JoinWords(d.dims),
             std::int64_t{d.builtin ? 1 : 0}, std::int64_t{d.position}, d.version, d.created_at,
             OptParam(d.created_by), d.updated_at, OptParam(d.updated_by)});
  SaveChildren(d);
}

bool SqlIndicatorRepository::Update(const domain::Indicator& d, std::int64_t expected_version) {
  const auto n = conn_.Execute(
      "UPDATE indicator SET name = ?, description = ?, record = ?, measure = ?, field = ?, "
      "numerator = ?, denominator = ?, scale = ?, dims = ?, version = ?, updated_at = ?, "
      "updated_by = ? WHERE code = ? AND version = ?",
      {d.name, d.description, OptParam(d.record), d.measure, OptParam(d.field),
       OptParam(d.numerator), OptParam(d.denominator), d.scale, JoinWords(d.dims), d.version,
       d.updated_at, OptParam(d.updated_by), d.code, expected_version});
  if (n != 1) return false;
  SaveChildren(d);
  return true;
}

bool SqlIndicatorRepository::UsedInTemplates(const std::string& code) {
  return !conn_
              .Query(
                  "SELECT 1 FROM report_template_item WHERE indicator_code = ? UNION ALL "
                  "SELECT 1 FROM indicator WHERE numerator = ? OR denominator = ? UNION ALL "
                  "SELECT 1 FROM target WHERE indicator_code = ? LIMIT 1",
                  {code, code, code, code})
              .empty();
}

void SqlIndicatorRepository::Delete(const std::string& code) {
  conn_.Execute("DELETE FROM dhis2_mapping WHERE indicator_code = ?", {{code}});
  conn_.Execute("DELETE FROM indicator_filter WHERE indicator_code = ?", {{code}});
  conn_.Execute("DELETE FROM indicator_name WHERE indicator_code = ?", {{code}});
  conn_.Execute("DELETE FROM indicator WHERE code = ?", {{code}});
}

std::vector<domain::ComputedGroup> SqlIndicatorRepository::Compute(
    const domain::ComputeRequest& r) {
  // Several sources (named and counted participants) add up group by group.
  std::map<std::vector<std::string>, std::size_t> at;
  std::vector<domain::ComputedGroup> out;
  const std::size_t k = r.by.size(), n = r.measures.size();
  // Cells by position: the compiler's statements have a generated layout (the group keys, then
  // three values per measure), not named columns.
  for (const auto& q : CompileCompute(r, conn_.dialect())) {
    auto rs = conn_.Query(q.sql, q.params);
    for (std::size_t i = 0; i < rs.size(); ++i) {
      std::vector<std::string> keys;
      for (std::size_t c = 0; c < k; ++c) keys.push_back(rs[i].Str(c));
      auto [it, fresh] = at.try_emplace(keys, out.size());
      if (fresh) out.push_back({keys, std::vector<domain::Triple>(n)});
      auto& values = out[it->second].values;
      for (std::size_t m = 0; m < n; ++m) {
        const std::size_t c = k + 3 * m;
        auto add = [](std::optional<double>& into, std::optional<double> v) {
          if (v) into = into.value_or(0) + *v;
        };
        add(values[m].period, rs[i].OptReal(c));
        add(values[m].cumulative, rs[i].OptReal(c + 1));
        add(values[m].previous, rs[i].OptReal(c + 2));
      }
    }
  }
  return out;
}

std::vector<domain::RecordRef> SqlIndicatorRepository::Records(const domain::ComputeRequest& r,
                                                               const std::string& column, int limit,
                                                               int offset) {
  std::vector<domain::RecordRef> out;
  auto q = CompileRecords(r, column, conn_.dialect());
  q.params.emplace_back(std::int64_t{limit});
  q.params.emplace_back(std::int64_t{offset});
  auto rs = conn_.Query(q.sql + " LIMIT ? OFFSET ?", q.params);
  // By position, as CompileRecords lays the columns out (indicator_sql.hpp).
  for (std::size_t i = 0; i < rs.size(); ++i)
    out.push_back({rs[i].Str(0), rs[i].Str(1), rs[i].Str(2), rs[i].Str(3), rs[i].Str(4)});
  return out;
}

std::vector<std::pair<std::string, std::string>> SqlIndicatorRepository::Settings() {
  return ReadPairs(conn_.Query("SELECT key, value FROM programme_setting ORDER BY key"), "key",
                   "value");
}

void SqlIndicatorRepository::SaveSetting(const std::string& key, const std::string& value) {
  conn_.Execute(
      "INSERT INTO programme_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
      "value = excluded.value",
      {key, value});
}

// Targets.

std::vector<domain::Target> SqlTargetRepository::Where(const std::string& where,
                                                       std::vector<Param> params,
                                                       const std::string& tail) {
  auto rs = conn_.Query(
      "SELECT t.id, t.indicator_code, t.area_id, t.area_path, t.period, t.period_start, "
      "t.period_end, t.disaggregation, t.value, t.version, t.created_at, t.created_by, "
      "t.updated_at, t.updated_by, a.name AS area_name FROM target t JOIN area a ON a.id = "
      "t.area_id" +
          where + tail,
      params);
  return ReadRows(rs, ReadTarget);
}

std::vector<domain::Target> SqlTargetRepository::Within(const std::string& code,
                                                        const std::string& path,
                                                        const std::string& start,
                                                        const std::string& end) {
  const auto range = domain::SubtreeRange(path);
  // By their last day: project to date begins mid-period (a March target when the project began
  // on 15 March counts); RollUpTarget keeps of these the ones the period takes.
  return Where(
      " WHERE t.indicator_code = ? AND t.area_path >= ? AND t.area_path < ? AND t.period_end >= ? "
      "AND t.period_end <= ?",
      {code, range.lo, range.hi, start, end}, " ORDER BY t.area_path, t.period_start");
}

domain::Page<domain::Target> SqlTargetRepository::List(const std::vector<domain::PathRange>& scope,
                                                       const std::optional<std::string>& code,
                                                       const std::optional<std::string>& period,
                                                       domain::PageRequest page) {
  SqlWhere w;
  w.AndInScope("t.area_path", scope);
  if (code) w.And("t.indicator_code = ?", {*code});
  if (period) w.And("t.period = ?", {*period});
  domain::Page<domain::Target> out;
  out.total = conn_.Query("SELECT COUNT(*) FROM target t" + w.sql, w.params)[0].Int(0);
  out.items = Where(w.sql, WithPage(w.params, page),
                    " ORDER BY t.indicator_code, t.period_start, a.name, t.disaggregation LIMIT ? "
                    "OFFSET ?");
  return out;
}

std::optional<domain::Target> SqlTargetRepository::Find(const std::string& code,
                                                        const std::string& area_id,
                                                        const std::string& period,
                                                        const std::string& disaggregation) {
  return FirstOf(Where(
      " WHERE t.indicator_code = ? AND t.area_id = ? AND t.period = ? AND t.disaggregation = ?",
      {code, area_id, period, disaggregation}));
}

std::optional<domain::Target> SqlTargetRepository::Get(const std::string& id) {
  return FirstOf(Where(" WHERE t.id = ?", {id}));
}

void SqlTargetRepository::Insert(const domain::Target& t) {
  InsertRow(conn_, "target",
            "id, indicator_code, area_id, area_path, period, period_start, period_end, "
            "disaggregation, value, version, created_at, created_by, updated_at, updated_by",
            {t.id, t.indicator_code, t.area_id, t.area_path, t.period, t.period_start, t.period_end,
             t.disaggregation, t.value, t.version, t.created_at, OptParam(t.created_by),
             t.updated_at, OptParam(t.updated_by)});
}

bool SqlTargetRepository::Update(const domain::Target& t, std::int64_t expected_version) {
  return UpdateVersionedRow(conn_, "target", "value, version, updated_at, updated_by",
                            {t.value, t.version, t.updated_at, OptParam(t.updated_by)}, t.id,
                            expected_version);
}

void SqlTargetRepository::Delete(const std::string& id) {
  conn_.Execute("DELETE FROM target WHERE id = ?", {{id}});
}

}  // namespace mobilise::storage
