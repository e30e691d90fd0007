#include "storage/repositories/activity_rollup.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "domain/areas/area_path.hpp"
#include "storage/dialect.hpp"
#include "storage/repositories/demographics_sql.hpp"
#include "storage/repositories/sql_rows.hpp"
#include "storage/repositories/sql_where.hpp"

namespace mobilise::storage {
namespace {

bool Counted(domain::ActivityStatus status) {
  return status == domain::ActivityStatus::kSubmitted ||
         status == domain::ActivityStatus::kVerified;
}

// area path -> the ids of the areas whose paths are its prefixes (itself and its ancestors).
std::vector<std::string> AncestorIds(Connection& conn, const std::string& path) {
  std::vector<Param> params;
  for (auto& p : domain::PathAndAncestors(path)) params.emplace_back(std::move(p));
  if (params.empty()) return {};
  auto rs =
      conn.Query("SELECT id FROM area WHERE path IN (" + Placeholders(params.size()) + ")", params);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < rs.size(); ++i) out.push_back(rs[i].Str("id"));
  return out;
}

constexpr const char* kUpsertHead =
    "INSERT INTO activity_rollup (area_id, status, month, type, topic, sex, activities, "
    "participants) ";
constexpr const char* kUpsertTail =
    " ON CONFLICT (area_id, status, month, type, topic, sex) DO UPDATE SET activities = "
    "activity_rollup.activities + excluded.activities, participants = "
    "activity_rollup.participants + excluded.participants";

// (status, month, type, topic, sex)
using Key = std::tuple<std::string, std::string, std::string, std::string, std::string>;

}  // namespace

SexTotals ComputeSexTotals(Connection& conn, const domain::Activity& a) {
  SexTotals s;
  auto add = [&s](std::string_view sex, std::int64_t n) {
    (sex == "f" ? s.f : sex == "m" ? s.m : s.x) += n;
  };
  std::int64_t counted = 0;
  for (const auto& c : a.counts) counted += c.count;
  if (counted > 0) {
    for (const auto& c : a.counts) add(c.sex, c.count);
    return s;
  }
  std::vector<Param> ids;
  for (const auto& t : a.attendance)
    if (t.attended) ids.emplace_back(t.person_id);
  if (ids.empty()) return s;
  auto rs = conn.Query("SELECT sex, COUNT(*) AS n FROM person WHERE id IN (" +
                           Placeholders(ids.size()) + ") GROUP BY sex",
                       ids);
  for (std::size_t i = 0; i < rs.size(); ++i) add(rs[i].Text("sex"), rs[i].Int("n"));
  return s;
}

ActivityTally TallyOf(const domain::Activity& a, const SexTotals& participants) {
  return {a.area_path, a.status, a.held_on, a.type, a.topics, participants};
}

std::optional<ActivityTally> ReadTally(Connection& conn, const std::string& id) {
  auto rs = conn.Query(
      std::string("SELECT area_path, status, held_on, type, participants_f, participants_m, "
                  "participants_x FROM activity WHERE id = ?") +
          ForUpdate(conn.dialect()),
      {id});
  if (rs.empty()) return std::nullopt;
  const auto r = rs[0];
  ActivityTally t{
      r.Str("area_path"),
      ReadEnum<domain::ActivityStatus>(r, "activity", "status", domain::kActivityStatuses),
      r.Str("held_on"),
      r.Str("type"),
      {},
      {r.Int("participants_f"), r.Int("participants_m"), r.Int("participants_x")}};
  if (!Counted(t.status)) return t;  // its topics do not matter
  auto topics = conn.Query("SELECT topic FROM activity_topic WHERE activity_id = ?", {id});
  for (std::size_t i = 0; i < topics.size(); ++i) t.topics.push_back(topics[i].Str("topic"));
  return t;
}

void ApplyActivityRollup(Connection& conn, const std::optional<ActivityTally>& before,
                         const std::optional<ActivityTally>& after) {
  // area path -> key -> (activities, participants) to add
  std::map<std::string, std::map<Key, std::pair<std::int64_t, std::int64_t>>> delta;
  auto add = [&](const std::optional<ActivityTally>& t, std::int64_t sign) {
    if (!t || !Counted(t->status)) return;
    std::vector<std::string> topics = t->topics;
    if (topics.empty()) topics.emplace_back();
    std::sort(topics.begin(), topics.end());
    topics.erase(std::unique(topics.begin(), topics.end()), topics.end());
    const std::string month = t->held_on.substr(0, 7);
    for (const auto& topic : topics)
      for (const auto& [sex, n] :
           {std::pair{"f", t->participants.f}, std::pair{"m", t->participants.m},
            std::pair{"x", t->participants.x}}) {
        if (n <= 0) continue;
        auto& d =
            delta[t->area_path][Key{std::string(ToString(t->status)), month, t->type, topic, sex}];
        d.first += sign;
        d.second += sign * n;
      }
  };
  add(before, -1);
  add(after, +1);
  // Rows keyed by (area id, key), in one order for every writer (no lock-order deadlocks on
  // PostgreSQL when two transactions touch the same district's rows).
  std::map<std::pair<std::string, Key>, std::pair<std::int64_t, std::int64_t>> rows;
  for (const auto& [path, changes] : delta) {
    bool any = false;
    for (const auto& [key, d] : changes) any = any || d.first != 0 || d.second != 0;
    if (!any) continue;
    for (const auto& area_id : AncestorIds(conn, path))
      for (const auto& [key, d] : changes) {
        auto& r = rows[{area_id, key}];
        r.first += d.first;
        r.second += d.second;
      }
  }
  std::erase_if(rows, [](const auto& r) { return r.second.first == 0 && r.second.second == 0; });
  if (rows.empty()) return;
  std::string sql = kUpsertHead;
  sql += "VALUES ";
  std::vector<Param> params;
  std::string shrunk;  // the keys of the rows that lose activities
  std::vector<Param> shrunk_params;
  for (const auto& [k, d] : rows) {
    sql += params.empty() ? "(?,?,?,?,?,?,?,?)" : ",(?,?,?,?,?,?,?,?)";
    const auto& [status, month, type, topic, sex] = k.second;
    for (const auto* s : {&k.first, &status, &month, &type, &topic, &sex}) params.emplace_back(*s);
    params.emplace_back(d.first);
    params.emplace_back(d.second);
    if (d.first < 0) {
      shrunk += shrunk.empty() ? "" : " OR ";
      shrunk += "(area_id = ? AND status = ? AND month = ? AND type = ? AND topic = ? AND sex = ?)";
      shrunk_params.insert(shrunk_params.end(), params.end() - 8, params.end() - 2);
    }
  }
  sql += kUpsertTail;
  conn.Execute(sql, params);
  // Rows that reached zero go (the roll-up holds only what is counted): one statement, each key
  // looked up by the primary key.
  if (!shrunk.empty())
    conn.Execute("DELETE FROM activity_rollup WHERE activities <= 0 AND (" + shrunk + ")",
                 shrunk_params);
}

void MoveActivityRollup(Connection& conn, const std::string& old_path,
                        const std::string& new_path) {
  auto moved = conn.Query("SELECT id FROM area WHERE path IN (?, ?)", {old_path, new_path});
  if (moved.empty()) return;
  const std::string moved_id = moved[0].Str("id");
  // Strict ancestors before and after; the ones in both keep their totals.
  auto old_anc = domain::PathAndAncestors(old_path), new_anc = domain::PathAndAncestors(new_path);
  old_anc.pop_back();
  new_anc.pop_back();
  std::vector<std::string> left, joined;
  for (const auto& p : old_anc)
    if (std::find(new_anc.begin(), new_anc.end(), p) == new_anc.end()) left.push_back(p);
  for (const auto& p : new_anc)
    if (std::find(old_anc.begin(), old_anc.end(), p) == old_anc.end()) joined.push_back(p);
  for (const auto& [paths, sign] : {std::pair{&left, "-"}, std::pair{&joined, ""}}) {
    if (paths->empty()) continue;
    std::vector<Param> params{moved_id};
    for (const auto& p : *paths) params.emplace_back(p);
    // The moved area's own rows are its whole subtree's totals.
    conn.Execute(std::string(kUpsertHead) +
                     "SELECT a.id, r.status, r.month, r.type, r.topic, r.sex, " + sign +
                     "r.activities, " + sign +
                     "r.participants FROM activity_rollup r, area a "
                     "WHERE r.area_id = ? AND a.path IN (" +
                     Placeholders(paths->size()) + ")" + kUpsertTail,
                 params);
    if (*sign == '-')
      conn.Execute(
          "DELETE FROM activity_rollup WHERE activities <= 0 AND area_id IN (SELECT id FROM "
          "area WHERE path IN (" +
              Placeholders(paths->size()) + "))",
          std::span<const Param>(params.data() + 1, paths->size()));
  }
}

void RefreshActivitiesOfPerson(Connection& conn, const std::string& person_id) {
  // Only activities without counts count their named participants by sex: of those the person
  // attended, the ones whose stored totals are no longer their attendees' sexes, found in one
  // statement (nothing more is read when the sex did not change). On PostgreSQL their rows are
  // locked first, so that no writer changes them between this read and the write.
  const std::string from = " FROM attendance me JOIN activity x ON x.id = me.activity_id";
  const std::string where = " WHERE me.person_id = ? AND me.attended = 1 AND x.counted_total = 0";
  const Param person[] = {person_id};
  LockForUpdate(conn, "SELECT x.id" + from + where, person, "x");
  auto rs = conn.Query(
      "SELECT id, f, m, o FROM (SELECT x.id, x.participants_f AS was_f, x.participants_m AS was_m, "
      "x.participants_x AS was_x, SUM(CASE p.sex WHEN 'f' THEN 1 ELSE 0 END) AS f, SUM(CASE p.sex "
      "WHEN 'm' THEN 1 ELSE 0 END) AS m, SUM(CASE WHEN p.sex IN ('f', 'm') THEN 0 ELSE 1 END) AS "
      "o" +
          from +
          " JOIN attendance t ON t.activity_id = x.id AND t.attended = 1 JOIN person p ON "
          "p.id = t.person_id" +
          where +
          " GROUP BY x.id, x.participants_f, x.participants_m, "
          "x.participants_x) c WHERE f <> was_f OR m <> was_m OR o <> was_x",
      {person_id});
  for (std::size_t i = 0; i < rs.size(); ++i) {
    const std::string id = rs[i].Str("id");
    auto before = ReadTally(conn, id);
    if (!before) continue;
    const SexTotals now{rs[i].Int("f"), rs[i].Int("m"), rs[i].Int("o")};
    conn.Execute(
        "UPDATE activity SET participants_f = ?, participants_m = ?, participants_x = ? WHERE id = "
        "?",
        {now.f, now.m, now.x, id});
    auto after = before;
    after->participants = now;
    ApplyActivityRollup(conn, before, after);
  }
}

void RefreshNamedInCounts(Connection& conn, const std::string& activities_sql,
                          const std::vector<Param>& params) {
  // As in migrations/*/0014_report_speed.sql. The age band on the activity's date from ISO date
  // text: born after the day N years before it is younger than N.
  auto before = [](int years) {
    return "(CAST(substr(a.held_on, 1, 4) AS INTEGER) - " + std::to_string(years) +
           ") || substr(a.held_on, 5)";
  };
  conn.Execute(
      "UPDATE activity_count SET named = (SELECT COUNT(*) FROM attendance t JOIN person p ON p.id "
      "= "
      "t.person_id JOIN activity a ON a.id = t.activity_id WHERE t.activity_id = "
      "activity_count.activity_id "
      "AND t.attended = 1 AND p.sex = activity_count.sex AND p.disability = "
      "activity_count.disability AND " +
          AgeBandCaseSql("p.birth_date", before) +
          " = activity_count.age_band) WHERE activity_id IN (" + activities_sql + ")",
      params);
}

void RebuildActivityRollup(Connection& conn) {
  conn.Execute("DELETE FROM activity_rollup");
  // As in migrations/*/0012_activity_summary.sql: each activity's rows grouped by its own area,
  // then added to the area and each of its ancestors (a recursive walk up parent_id).
  conn.Execute(
      "INSERT INTO activity_rollup (area_id, status, month, type, topic, sex, activities, "
      "participants) "
      "WITH RECURSIVE up(area_id, ancestor_id) AS ("
      "  SELECT id, id FROM area"
      "  UNION ALL"
      "  SELECT up.area_id, a.parent_id FROM up JOIN area a ON a.id = up.ancestor_id WHERE "
      "a.parent_id IS NOT NULL"
      "), own AS ("
      "  SELECT x.area_id, x.status, substr(x.held_on, 1, 7) AS month, x.type, COALESCE(t.topic, "
      "'') AS topic,"
      "         s.sex, COUNT(*) AS activities,"
      "         SUM(" +
      ParticipantsOfSexSql("s.sex", "x") +
      ") AS participants"
      "  FROM activity x LEFT JOIN activity_topic t ON t.activity_id = x.id"
      "  JOIN " +
      SexRowsSql() + " s    ON " + ParticipantsOfSexSql("s.sex", "x") +
      " > 0"
      "  WHERE x.status IN ('submitted', 'verified')"
      "  GROUP BY x.area_id, x.status, substr(x.held_on, 1, 7), x.type, COALESCE(t.topic, ''), "
      "s.sex"
      ") "
      "SELECT up.ancestor_id, own.status, own.month, own.type, own.topic, own.sex, "
      "SUM(own.activities),"
      "       SUM(own.participants) "
      "FROM own JOIN up ON up.area_id = own.area_id "
      "GROUP BY up.ancestor_id, own.status, own.month, own.type, own.topic, own.sex");
}

}  // namespace mobilise::storage
