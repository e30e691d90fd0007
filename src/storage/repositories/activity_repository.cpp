#include "storage/repositories/activity_repository.hpp"

#include "storage/repositories/sql_where.hpp"

namespace mobilise::storage {
namespace {

using domain::Activity;

constexpr const char* kColumns =
    "x.id, x.type, x.title, x.held_on, x.start_time, x.end_time, x.area_id, x.area_path, a.name, "
    "x.place, x.status, x.author_id, u.full_name, x.submitted_at, x.verified_by, x.verified_at, "
    "x.return_comment, x.decisions, x.follow_up, x.notes, x.counted_total, x.named_total, "
    "(SELECT COUNT(*) FROM file f WHERE f.record = 'activity' AND f.record_id = x.id), "
    "x.version, x.created_at, x.created_by, x.updated_at, x.updated_by, x.course_id, v.full_name";
constexpr const char* kFrom =
    " FROM activity x JOIN area a ON a.id = x.area_id LEFT JOIN app_user u ON u.id = x.author_id "
    "LEFT JOIN app_user v ON v.id = x.verified_by";

Activity Read(const ResultSet::Row& r) {
  Activity x;
  x.id = r.Str(0);
  x.type = r.Str(1);
  x.title = r.OptText(2);
  x.held_on = r.Str(3);
  x.start_time = r.OptText(4);
  x.end_time = r.OptText(5);
  x.area_id = r.Str(6);
  x.area_path = r.Str(7);
  x.area_name = r.Str(8);
  x.place = r.OptText(9);
  x.status = r.Str(10);
  x.author_id = r.OptText(11);
  x.author_name = r.OptText(12);
  x.submitted_at = r.OptText(13);
  x.verified_by = r.OptText(14);
  x.verified_at = r.OptText(15);
  x.return_comment = r.OptText(16);
  x.decisions = r.OptText(17);
  x.follow_up = r.OptText(18);
  x.notes = r.OptText(19);
  x.counted_total = r.Int(20);
  x.named_total = r.Int(21);
  x.file_count = r.Int(22);
  x.version = r.Int(23);
  x.created_at = r.Str(24);
  x.created_by = r.OptText(25);
  x.updated_at = r.Str(26);
  x.updated_by = r.OptText(27);
  x.course_id = r.OptText(28);
  x.verified_by_name = r.OptText(29);
  return x;
}

Param OptReal(const std::optional<double>& v) { return v ? Param(*v) : Param(); }

domain::StoredFile ReadFile(const ResultSet::Row& r) {
  return {r.Str(0), r.Str(1), r.Str(2), r.Str(3), r.Str(4), r.Str(5), r.Str(6), r.Int(7), r.OptText(8)};
}

constexpr const char* kFileColumns =
    "id, sha256, mime, name, record, record_id, created_at, size, created_by";

}  // namespace

std::optional<Activity> SqlActivityRepository::Get(const std::string& id) {
  auto rs = conn_.Query(std::string("SELECT ") + kColumns + kFrom + " WHERE x.id = ?", {id});
  if (rs.empty()) return std::nullopt;
  Activity x = Read(rs[0]);
  auto topics = conn_.Query("SELECT topic FROM activity_topic WHERE activity_id = ? ORDER BY topic", {id});
  for (std::size_t i = 0; i < topics.size(); ++i) x.topics.push_back(topics[i].Str(0));
  auto inst = conn_.Query("SELECT institution_id FROM activity_institution WHERE activity_id = ?", {id});
  for (std::size_t i = 0; i < inst.size(); ++i) x.institution_ids.push_back(inst[i].Str(0));
  auto fac = conn_.Query(
      "SELECT f.user_id, COALESCE(u.full_name, f.name) FROM activity_facilitator f LEFT JOIN "
      "app_user u ON u.id = f.user_id WHERE f.activity_id = ? ORDER BY f.position",
      {id});
  for (std::size_t i = 0; i < fac.size(); ++i) x.facilitators.push_back({fac[i].OptText(0), fac[i].OptText(1)});
  auto counts = conn_.Query(
      "SELECT sex, age_band, disability, count FROM activity_count WHERE activity_id = ? ORDER BY "
      "sex, age_band, disability",
      {id});
  for (std::size_t i = 0; i < counts.size(); ++i)
    x.counts.push_back({counts[i].Str(0), counts[i].Str(1), counts[i].Int(2) != 0, counts[i].Int(3)});
  auto att = conn_.Query(
      "SELECT t.person_id, t.attended, t.pre_score, t.post_score, p.name, p.sex FROM attendance t "
      "JOIN person p ON p.id = t.person_id WHERE t.activity_id = ? ORDER BY p.name",
      {id});
  for (std::size_t i = 0; i < att.size(); ++i) {
    domain::Attendance t;
    t.person_id = att[i].Str(0);
    t.attended = att[i].Int(1) != 0;
    if (!att[i].IsNull(2)) t.pre_score = att[i].Real(2);
    if (!att[i].IsNull(3)) t.post_score = att[i].Real(3);
    t.person_name = att[i].Str(4);
    t.person_sex = att[i].Str(5);
    x.attendance.push_back(std::move(t));
  }
  return x;
}

domain::Page<Activity> SqlActivityRepository::List(const domain::ActivityQuery& q) {
  SqlWhere w;
  std::vector<Param> p;
  const std::string scope = ScopeSql("x.area_path", q.scope, p);
  w.And(scope, p);
  if (q.status) w.And("x.status = ?", {*q.status});
  if (q.type) w.And("x.type = ?", {*q.type});
  if (q.topic) w.And("x.id IN (SELECT activity_id FROM activity_topic WHERE topic = ?)", {*q.topic});
  if (q.from) w.And("x.held_on >= ?", {*q.from});
  if (q.to) w.And("x.held_on <= ?", {*q.to});
  if (q.author_id) w.And("x.author_id = ?", {*q.author_id});
  domain::Page<Activity> page;
  page.total = conn_.Query("SELECT COUNT(*) FROM activity x" + w.sql, w.params)[0].Int(0);
  auto params = w.params;
  params.emplace_back(std::int64_t{q.page.limit});
  params.emplace_back(q.page.offset);
  auto rs = conn_.Query(std::string("SELECT ") + kColumns + kFrom + w.sql +
                            " ORDER BY x.held_on DESC, x.id DESC LIMIT ? OFFSET ?",
                        params);
  for (std::size_t i = 0; i < rs.size(); ++i) page.items.push_back(Read(rs[i]));
  return page;
}

void SqlActivityRepository::WriteParts(const Activity& x) {
  for (const char* table : {"activity_topic", "activity_institution", "activity_facilitator",
                            "activity_count", "attendance"})
    conn_.Execute(std::string("DELETE FROM ") + table + " WHERE activity_id = ?", {x.id});
  for (const auto& t : x.topics)
    conn_.Execute("INSERT INTO activity_topic (activity_id, topic) VALUES (?,?)", {x.id, t});
  for (const auto& i : x.institution_ids)
    conn_.Execute("INSERT INTO activity_institution (activity_id, institution_id) VALUES (?,?)", {x.id, i});
  for (std::size_t i = 0; i < x.facilitators.size(); ++i)
    conn_.Execute(
        "INSERT INTO activity_facilitator (activity_id, position, user_id, name) VALUES (?,?,?,?)",
        {x.id, static_cast<std::int64_t>(i), OptParam(x.facilitators[i].user_id),
         x.facilitators[i].user_id ? Param() : OptParam(x.facilitators[i].name)});
  for (const auto& c : x.counts)
    conn_.Execute(
        "INSERT INTO activity_count (activity_id, sex, age_band, disability, count) VALUES (?,?,?,?,?)",
        {x.id, c.sex, c.age_band, std::int64_t{c.disability ? 1 : 0}, c.count});
  for (const auto& t : x.attendance)
    conn_.Execute(
        "INSERT INTO attendance (activity_id, person_id, attended, pre_score, post_score) VALUES (?,?,?,?,?)",
        {x.id, t.person_id, std::int64_t{t.attended ? 1 : 0}, OptReal(t.pre_score), OptReal(t.post_score)});
}

void SqlActivityRepository::Insert(const Activity& x) {
  conn_.Execute(
      "INSERT INTO activity (id, type, title, held_on, start_time, end_time, area_id, area_path, "
      "place, status, author_id, submitted_at, verified_by, verified_at, return_comment, "
      "decisions, follow_up, notes, counted_total, named_total, version, created_at, created_by, "
      "updated_at, updated_by, course_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
      {x.id, x.type, OptParam(x.title), x.held_on, OptParam(x.start_time), OptParam(x.end_time),
       x.area_id, x.area_path, OptParam(x.place), x.status, OptParam(x.author_id),
       OptParam(x.submitted_at), OptParam(x.verified_by), OptParam(x.verified_at),
       OptParam(x.return_comment), OptParam(x.decisions), OptParam(x.follow_up),
       OptParam(x.notes), x.counted_total, x.named_total, x.version, x.created_at,
       OptParam(x.created_by), x.updated_at, OptParam(x.updated_by), OptParam(x.course_id)});
  WriteParts(x);
}

bool SqlActivityRepository::Update(const Activity& x, std::int64_t expected_version) {
  const bool ok =
      conn_.Execute(
          "UPDATE activity SET type = ?, title = ?, held_on = ?, start_time = ?, end_time = ?, "
          "area_id = ?, area_path = ?, place = ?, status = ?, submitted_at = ?, verified_by = ?, "
          "verified_at = ?, return_comment = ?, decisions = ?, follow_up = ?, notes = ?, "
          "counted_total = ?, named_total = ?, version = ?, updated_at = ?, updated_by = ?, "
          "course_id = ? WHERE id = ? AND version = ?",
          {x.type, OptParam(x.title), x.held_on, OptParam(x.start_time), OptParam(x.end_time),
           x.area_id, x.area_path, OptParam(x.place), x.status, OptParam(x.submitted_at),
           OptParam(x.verified_by), OptParam(x.verified_at), OptParam(x.return_comment),
           OptParam(x.decisions), OptParam(x.follow_up), OptParam(x.notes), x.counted_total,
           x.named_total, x.version, x.updated_at, OptParam(x.updated_by), OptParam(x.course_id),
           x.id, expected_version}) == 1;
  if (ok) WriteParts(x);
  return ok;
}

void SqlActivityRepository::Delete(const std::string& id) {
  for (const char* table : {"activity_topic", "activity_institution", "activity_facilitator",
                            "activity_count", "attendance"})
    conn_.Execute(std::string("DELETE FROM ") + table + " WHERE activity_id = ?", {id});
  conn_.Execute("DELETE FROM activity WHERE id = ?", {id});
}

std::vector<domain::StoredFile> SqlActivityRepository::Files(const std::string& record,
                                                             const std::string& record_id) {
  auto rs = conn_.Query(std::string("SELECT ") + kFileColumns +
                            " FROM file WHERE record = ? AND record_id = ? ORDER BY id",
                        {record, record_id});
  std::vector<domain::StoredFile> out;
  for (std::size_t i = 0; i < rs.size(); ++i) out.push_back(ReadFile(rs[i]));
  return out;
}

std::optional<domain::StoredFile> SqlActivityRepository::GetFile(const std::string& id) {
  auto rs = conn_.Query(std::string("SELECT ") + kFileColumns + " FROM file WHERE id = ?", {id});
  if (rs.empty()) return std::nullopt;
  return ReadFile(rs[0]);
}

void SqlActivityRepository::InsertFile(const domain::StoredFile& f) {
  conn_.Execute(
      "INSERT INTO file (id, sha256, mime, size, name, record, record_id, created_at, created_by) "
      "VALUES (?,?,?,?,?,?,?,?,?)",
      {f.id, f.sha256, f.mime, f.size, f.name, f.record, f.record_id, f.created_at,
       OptParam(f.created_by)});
}

std::vector<domain::ActivityMonthCount> SqlActivityRepository::MonthlyCounts(
    const std::vector<domain::PathRange>& scope, const std::string& from, const std::string& to,
    const std::vector<std::string>& statuses) {
  std::vector<Param> p;
  const std::string where = ScopeSql("x.area_path", scope, p);
  p.emplace_back(from);
  p.emplace_back(to);
  std::string in;
  for (const auto& s : statuses) {
    p.emplace_back(s);
    in += in.empty() ? "?" : ",?";
  }
  auto rs = conn_.Query(
      "SELECT substr(x.held_on, 1, 7) AS month, x.type, t.topic, c.sex, COUNT(DISTINCT x.id), "
      "SUM(c.count) FROM activity x JOIN activity_topic t ON t.activity_id = x.id JOIN "
      "activity_count c ON c.activity_id = x.id WHERE (" + where + ") AND x.held_on >= ? AND "
      "x.held_on <= ? AND x.status IN (" + in + ") GROUP BY month, x.type, t.topic, c.sex "
      "ORDER BY month, x.type, t.topic, c.sex",
      p);
  std::vector<domain::ActivityMonthCount> out;
  for (std::size_t i = 0; i < rs.size(); ++i)
    out.push_back({rs[i].Str(0), rs[i].Str(1), rs[i].Str(2), rs[i].Str(3), rs[i].Int(4), rs[i].Int(5)});
  return out;
}

}  // namespace mobilise::storage
