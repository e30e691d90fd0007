#include "storage/repositories/activity_repository.hpp"

#include <cstdio>

#include "domain/validation.hpp"
#include "storage/dialect.hpp"
#include "storage/repositories/activity_month_plan.hpp"
#include "storage/repositories/activity_rollup.hpp"
#include "storage/repositories/demographics_sql.hpp"
#include "storage/repositories/sql_rows.hpp"
#include "storage/repositories/sql_where.hpp"

namespace mobilise::storage {
namespace {

using domain::Activity;

constexpr const char* kColumns =
    "x.id, x.type, x.title, x.held_on, x.start_time, x.end_time, x.area_id, x.area_path, "
    "a.name AS area_name, x.place, x.status, x.author_id, u.full_name AS author_name, "
    "x.submitted_at, x.verified_by, x.verified_at, "
    "x.return_comment, x.decisions, x.follow_up, x.notes, x.counted_total, x.named_total, "
    "(SELECT COUNT(*) FROM file f WHERE f.record = 'activity' AND f.record_id = x.id) AS "
    "file_count, x.version, x.created_at, x.created_by, x.updated_at, x.updated_by, x.course_id, "
    "v.full_name AS verified_by_name";
// Lists of more matching records than this are read in held_on order from an index (see List).
constexpr std::int64_t kSortLimit = 2000;

constexpr const char* kJoins =
    " JOIN area a ON a.id = x.area_id LEFT JOIN app_user u ON u.id = x.author_id LEFT JOIN "
    "app_user v ON v.id = x.verified_by";
// FROM with the table's index hint (IndexedBy) or "".
std::string From(const std::string& hint = "") { return " FROM activity x" + hint + kJoins; }

// The columns that Insert and Update both write, and their values in that order: the first
// ones, then (after author_id, which only Insert writes) the others.
constexpr const char* kWrittenFirst =
    "type, title, held_on, start_time, end_time, area_id, area_path, place, status";
constexpr const char* kWrittenThen =
    "submitted_at, verified_by, verified_at, return_comment, decisions, follow_up, notes, "
    "counted_total, named_total, participants_f, participants_m, participants_x, version";

std::vector<Param> WrittenFirst(const Activity& x) {
  return {x.type,
          OptParam(x.title),
          x.held_on,
          OptParam(x.start_time),
          OptParam(x.end_time),
          x.area_id,
          x.area_path,
          OptParam(x.place),
          std::string(ToString(x.status))};
}

std::vector<Param> WrittenThen(const Activity& x, const SexTotals& sexes) {
  return {OptParam(x.submitted_at),
          OptParam(x.verified_by),
          OptParam(x.verified_at),
          OptParam(x.return_comment),
          OptParam(x.decisions),
          OptParam(x.follow_up),
          OptParam(x.notes),
          x.counted_total,
          x.named_total,
          sexes.f,
          sexes.m,
          sexes.x,
          x.version};
}

Activity Read(const ResultSet::Row& r) {
  Activity x;
  x.id = r.Str("id");
  x.type = r.Str("type");
  x.title = r.OptText("title");
  x.held_on = r.Str("held_on");
  x.start_time = r.OptText("start_time");
  x.end_time = r.OptText("end_time");
  x.area_id = r.Str("area_id");
  x.area_path = r.Str("area_path");
  x.area_name = r.Str("area_name");
  x.place = r.OptText("place");
  x.status = ReadEnum<domain::ActivityStatus>(r, "activity", "status", domain::kActivityStatuses);
  x.author_id = r.OptText("author_id");
  x.author_name = r.OptText("author_name");
  x.submitted_at = r.OptText("submitted_at");
  x.verified_by = r.OptText("verified_by");
  x.verified_at = r.OptText("verified_at");
  x.return_comment = r.OptText("return_comment");
  x.decisions = r.OptText("decisions");
  x.follow_up = r.OptText("follow_up");
  x.notes = r.OptText("notes");
  x.counted_total = r.Int("counted_total");
  x.named_total = r.Int("named_total");
  x.file_count = r.Int("file_count");
  ReadVersioned(r, x);
  x.course_id = r.OptText("course_id");
  x.verified_by_name = r.OptText("verified_by_name");
  return x;
}

domain::StoredFile ReadFile(const ResultSet::Row& r) {
  return {r.Str("id"),         r.Str("sha256"), r.Str("mime"),
          r.Str("name"),       r.Str("record"), r.Str("record_id"),
          r.Str("created_at"), r.Int("size"),   r.OptText("created_by")};
}

constexpr const char* kFileColumns =
    "id, sha256, mime, name, record, record_id, created_at, size, created_by";

}  // namespace

std::optional<Activity> SqlActivityRepository::Get(const std::string& id) {
  auto found = ReadFirst(
      conn_.Query(std::string("SELECT ") + kColumns + From() + " WHERE x.id = ?", {id}), Read);
  if (!found) return std::nullopt;
  Activity& x = *found;
  auto topics =
      conn_.Query("SELECT topic FROM activity_topic WHERE activity_id = ? ORDER BY topic", {id});
  for (std::size_t i = 0; i < topics.size(); ++i) x.topics.push_back(topics[i].Str("topic"));
  auto inst =
      conn_.Query("SELECT institution_id FROM activity_institution WHERE activity_id = ?", {id});
  for (std::size_t i = 0; i < inst.size(); ++i)
    x.institution_ids.push_back(inst[i].Str("institution_id"));
  auto fac = conn_.Query(
      "SELECT f.user_id, COALESCE(u.full_name, f.name) AS name FROM activity_facilitator f LEFT "
      "JOIN "
      "app_user u ON u.id = f.user_id WHERE f.activity_id = ? ORDER BY f.position",
      {id});
  for (std::size_t i = 0; i < fac.size(); ++i)
    x.facilitators.push_back({fac[i].OptText("user_id"), fac[i].OptText("name")});
  auto counts = conn_.Query(
      "SELECT sex, age_band, disability, count FROM activity_count WHERE activity_id = ? ORDER BY "
      "sex, age_band, disability",
      {id});
  for (std::size_t i = 0; i < counts.size(); ++i)
    x.counts.push_back({counts[i].Str("sex"), counts[i].Str("age_band"),
                        counts[i].Bool("disability"), counts[i].Int("count")});
  auto att = conn_.Query(
      "SELECT t.person_id, t.attended, t.pre_score, t.post_score, p.name AS person_name, "
      "p.sex AS person_sex FROM attendance t "
      "JOIN person p ON p.id = t.person_id WHERE t.activity_id = ? ORDER BY p.name",
      {id});
  for (std::size_t i = 0; i < att.size(); ++i) {
    domain::Attendance t;
    t.person_id = att[i].Str("person_id");
    t.attended = att[i].Bool("attended");
    if (!att[i].IsNull("pre_score")) t.pre_score = att[i].Real("pre_score");
    if (!att[i].IsNull("post_score")) t.post_score = att[i].Real("post_score");
    t.person_name = att[i].Str("person_name");
    t.person_sex = att[i].Str("person_sex");
    x.attendance.push_back(std::move(t));
  }
  return found;
}

domain::Page<Activity> SqlActivityRepository::List(const domain::ActivityQuery& q) {
  SqlWhere w;
  w.AndInScope("x.area_path", q.scope);
  if (q.status) w.And("x.status = ?", {*q.status});
  if (q.type) w.And("x.type = ?", {*q.type});
  if (q.topic)
    w.And("x.id IN (SELECT activity_id FROM activity_topic WHERE topic = ?)", {*q.topic});
  if (q.from) w.And("x.held_on >= ?", {*q.from});
  if (q.to) w.And("x.held_on <= ?", {*q.to});
  if (q.author_id) w.And("x.author_id = ?", {*q.author_id});
  if (q.not_author_id) w.And("x.author_id IS NULL OR x.author_id <> ?", {*q.not_author_id});
  // By status and area only (the verification queue): the total from activity_queue (status,
  // area_path, author_id) alone.
  const bool by_status = q.status && !q.type && !q.topic && !q.from && !q.to && !q.author_id;
  domain::Page<Activity> page;
  page.total =
      conn_
          .Query(std::string("SELECT COUNT(*) FROM activity x") +
                     (by_status ? IndexedBy(conn_.dialect(), "activity_queue") : "") + w.sql,
                 w.params)[0]
          .Int(0);
  if (page.total <= q.page.offset) return page;
  // Many of them: walk activity_status_held (status, held_on, id, area_path, author_id) newest
  // first and stop at the page, rather than sort every one of the area's records (SQLite would
  // pick the area index and sort them all; PostgreSQL decides from its statistics).
  const bool walk = by_status && page.total > kSortLimit;
  auto rs = conn_.Query(std::string("SELECT ") + kColumns +
                            From(walk ? IndexedBy(conn_.dialect(), "activity_status_held") : "") +
                            w.sql + " ORDER BY x.held_on DESC, x.id DESC LIMIT ? OFFSET ?",
                        WithPage(w.params, q.page));
  page.items = ReadRows(rs, Read);
  return page;
}

void SqlActivityRepository::WriteParts(const Activity& x) {
  for (const char* table : {"activity_topic", "activity_institution", "activity_facilitator",
                            "activity_count", "attendance"})
    conn_.Execute(std::string("DELETE FROM ") + table + " WHERE activity_id = ?", {x.id});
  for (const auto& t : x.topics)
    InsertRow(conn_, "activity_topic", "activity_id, topic", {x.id, t});
  for (const auto& i : x.institution_ids)
    InsertRow(conn_, "activity_institution", "activity_id, institution_id", {x.id, i});
  for (std::size_t i = 0; i < x.facilitators.size(); ++i)
    InsertRow(conn_, "activity_facilitator", "activity_id, position, user_id, name",
              {x.id, static_cast<std::int64_t>(i), OptParam(x.facilitators[i].user_id),
               x.facilitators[i].user_id ? Param() : OptParam(x.facilitators[i].name)});
  for (const auto& c : x.counts)
    InsertRow(conn_, "activity_count", "activity_id, sex, age_band, disability, count",
              {x.id, c.sex, c.age_band, std::int64_t{c.disability ? 1 : 0}, c.count});
  for (const auto& t : x.attendance)
    InsertRow(conn_, "attendance", "activity_id, person_id, attended, pre_score, post_score",
              {x.id, t.person_id, std::int64_t{t.attended ? 1 : 0}, OptParam(t.pre_score),
               OptParam(t.post_score)});
  if (!x.counts.empty() && !x.attendance.empty()) RefreshNamedInCounts(conn_, "?", {x.id});
}

void SqlActivityRepository::Insert(const Activity& x) {
  const SexTotals sexes = ComputeSexTotals(conn_, x);
  const auto params =
      Concat(Concat(Concat(Concat({x.id}, WrittenFirst(x)), {OptParam(x.author_id)}),
                    WrittenThen(x, sexes)),
             {x.created_at, OptParam(x.created_by), x.updated_at, OptParam(x.updated_by),
              OptParam(x.course_id)});
  InsertRow(conn_, "activity",
            std::string("id, ") + kWrittenFirst + ", author_id, " + kWrittenThen +
                ", created_at, created_by, updated_at, updated_by, course_id",
            params);
  WriteParts(x);
  ApplyActivityRollup(conn_, std::nullopt, TallyOf(x, sexes));
}

bool SqlActivityRepository::Update(const Activity& x, std::int64_t expected_version) {
  const auto before = ReadTally(conn_, x.id);  // and its lock
  const SexTotals sexes = ComputeSexTotals(conn_, x);
  const bool ok = UpdateVersionedRow(
      conn_, "activity",
      std::string(kWrittenFirst) + ", " + kWrittenThen + ", updated_at, updated_by, course_id",
      Concat(Concat(WrittenFirst(x), WrittenThen(x, sexes)),
             {x.updated_at, OptParam(x.updated_by), OptParam(x.course_id)}),
      x.id, expected_version);
  if (!ok) return false;
  WriteParts(x);
  ApplyActivityRollup(conn_, before, TallyOf(x, sexes));
  return true;
}

void SqlActivityRepository::Delete(const std::string& id) {
  const auto before = ReadTally(conn_, id);  // and its lock
  for (const char* table : {"activity_topic", "activity_institution", "activity_facilitator",
                            "activity_count", "attendance"})
    conn_.Execute(std::string("DELETE FROM ") + table + " WHERE activity_id = ?", {id});
  conn_.Execute("DELETE FROM activity WHERE id = ?", {id});
  ApplyActivityRollup(conn_, before, std::nullopt);
}

std::vector<domain::StoredFile> SqlActivityRepository::Files(const std::string& record,
                                                             const std::string& record_id) {
  auto rs = conn_.Query(std::string("SELECT ") + kFileColumns +
                            " FROM file WHERE record = ? AND record_id = ? ORDER BY id",
                        {record, record_id});
  return ReadRows(rs, ReadFile);
}

std::optional<domain::StoredFile> SqlActivityRepository::GetFile(const std::string& id) {
  return ReadFirst(
      conn_.Query(std::string("SELECT ") + kFileColumns + " FROM file WHERE id = ?", {id}),
      ReadFile);
}

void SqlActivityRepository::InsertFile(const domain::StoredFile& f) {
  InsertRow(conn_, "file",
            "id, sha256, mime, size, name, record, record_id, created_at, created_by",
            {f.id, f.sha256, f.mime, f.size, f.name, f.record, f.record_id, f.created_at,
             OptParam(f.created_by)});
}

namespace {

// The roll-up rows of the scope's own areas (its roots) for the plan's whole months.
std::string RollupPartSql(const std::vector<domain::PathRange>& scope,
                          const std::vector<std::string>& statuses, const MonthReadPlan& plan,
                          std::vector<Param>& p) {
  std::string roots;
  for (const auto& r : scope) {
    if (r.lo == "/") {  // every root area
      roots += roots.empty() ? "parent_id IS NULL" : " OR parent_id IS NULL";
      continue;
    }
    roots += roots.empty() ? "path = ?" : " OR path = ?";
    p.emplace_back(r.lo);
  }
  for (const auto& s : statuses) p.emplace_back(s);
  p.emplace_back(plan.rollup_from);
  p.emplace_back(plan.rollup_to);
  return "SELECT r.month, r.type, r.topic, r.sex, r.activities, r.participants FROM "
         "activity_rollup r WHERE r.area_id IN (SELECT id FROM area WHERE " +
         roots + ") AND r.status IN (" + Placeholders(statuses.size()) +
         ") AND r.month >= ? AND r.month <= ?";
}

// The activity rows of the days `d` in scope, one row per sex with participants (x outermost).
std::string DaysPartSql(const std::vector<domain::PathRange>& scope,
                        const std::vector<std::string>& statuses, const DayRange& d,
                        std::vector<Param>& p) {
  for (const auto& s : statuses) p.emplace_back(s);
  p.emplace_back(d.lo);
  p.emplace_back(d.hi);
  const std::string where = ScopeSql("x.area_path", scope, p);
  const std::string sign = d.sign < 0 ? "-" : "";
  const std::string participants = ParticipantsOfSexSql("s.sex", "x");
  return "SELECT substr(x.held_on, 1, 7), x.type, COALESCE(t.topic, ''), s.sex, " + sign + "1, " +
         sign + participants +
         " FROM activity x LEFT JOIN activity_topic t ON t.activity_id = x.id CROSS JOIN " +
         SexRowsSql() + " s WHERE x.status IN (" + Placeholders(statuses.size()) +
         ") AND x.held_on >= ? AND x.held_on <= ? AND (" + where + ") AND " + participants + " > 0";
}

}  // namespace

// Whole months from activity_rollup (a district's year is a few thousand rows, however many
// activities it holds), partial months from the activity rows through activity_status_held
// (status, days, area, the participants by sex): see PlanMonthRead.
std::vector<domain::ActivityMonthCount> SqlActivityRepository::MonthlyCounts(
    const std::vector<domain::PathRange>& scope, const std::string& from, const std::string& to,
    const std::vector<std::string>& statuses, const std::string& today) {
  if (scope.empty() || statuses.empty() || from > to) return {};
  const MonthReadPlan plan = PlanMonthRead(from, to, today);
  // One statement, so one snapshot: the roll-up's months and the rows' days agree.
  std::vector<Param> p;
  std::vector<std::string> parts;
  if (plan.rollup_from <= plan.rollup_to) parts.push_back(RollupPartSql(scope, statuses, plan, p));
  for (const auto& d : plan.days) parts.push_back(DaysPartSql(scope, statuses, d, p));
  if (parts.empty()) return {};
  std::string all;
  for (const auto& part : parts) all += (all.empty() ? "" : " UNION ALL ") + part;
  auto rs = conn_.Query("WITH u (month, type, topic, sex, activities, participants) AS (" + all +
                            ") SELECT month, type, topic, sex, SUM(activities) AS activities, "
                            "SUM(participants) AS participants FROM u GROUP BY month, type, topic, "
                            "sex HAVING SUM(activities) > 0 ORDER BY month, type, topic, sex",
                        p);
  std::vector<domain::ActivityMonthCount> out;
  out.reserve(rs.size());
  for (std::size_t i = 0; i < rs.size(); ++i) {
    auto topic = rs[i].OptText("topic");
    if (topic && topic->empty()) topic.reset();
    out.push_back({rs[i].Str("month"), rs[i].Str("type"), std::move(topic), rs[i].Str("sex"),
                   rs[i].Int("activities"), rs[i].Int("participants")});
  }
  return out;
}

}  // namespace mobilise::storage
