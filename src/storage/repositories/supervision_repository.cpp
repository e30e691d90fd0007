#include "storage/repositories/supervision_repository.hpp"

#include "storage/repositories/sql_rows.hpp"
#include "storage/repositories/sql_where.hpp"

namespace mobilise::storage {
namespace {

constexpr const char* kVisitSelect =
    "SELECT v.id, v.area_id, v.area_path, a.name AS area_name, v.visited_on, v.supervisor_id, "
    "su.full_name AS supervisor_name, v.staff_id, st.full_name AS staff_name, v.institution_id, "
    "i.name AS institution_name, v.checklist_code, v.score, v.grade, v.observations, "
    "v.strengths, v.feedback, v.created_at, v.created_by, v.version, v.updated_at, v.updated_by "
    "FROM supervision_visit v JOIN area a ON a.id = v.area_id LEFT JOIN app_user su ON su.id = "
    "v.supervisor_id LEFT JOIN app_user st ON st.id = v.staff_id LEFT JOIN institution i ON "
    "i.id = v.institution_id";

domain::SupervisionVisit ReadVisit(const ResultSet::Row& r) {
  domain::SupervisionVisit v;
  v.id = r.Str("id");
  v.area_id = r.Str("area_id");
  v.area_path = r.Str("area_path");
  v.area_name = r.Str("area_name");
  v.visited_on = r.Str("visited_on");
  v.supervisor_id = r.OptText("supervisor_id");
  v.supervisor_name = r.OptText("supervisor_name");
  v.staff_id = r.OptText("staff_id");
  v.staff_name = r.OptText("staff_name");
  v.institution_id = r.OptText("institution_id");
  v.institution_name = r.OptText("institution_name");
  v.checklist = r.OptText("checklist_code");
  v.score = r.OptReal("score");
  v.grade = r.OptText("grade");
  v.observations = r.OptText("observations");
  v.strengths = r.OptText("strengths");
  v.feedback = r.OptText("feedback");
  ReadVersioned(r, v);
  return v;
}

constexpr const char* kActionSelect =
    "SELECT x.id, x.visit_id, x.meeting_id, x.area_path, x.what, x.assignee_id, au.full_name AS "
    "assignee_name, "
    "su.full_name AS supervisor_name, x.due_on, x.status, x.done_on, x.done_note, x.closed_on, "
    "x.reopen_reason, x.reopened, x.created_at, x.created_by, x.version, x.updated_at, "
    "x.updated_by FROM supervision_action x JOIN app_user au ON au.id = x.assignee_id LEFT JOIN "
    "app_user su ON su.id = x.created_by";

domain::SupervisionAction ReadAction(const ResultSet::Row& r) {
  domain::SupervisionAction a;
  a.id = r.Str("id");
  a.visit_id = r.OptText("visit_id");
  a.meeting_id = r.OptText("meeting_id");
  a.area_path = r.Str("area_path");
  a.what = r.Str("what");
  a.assignee_id = r.Str("assignee_id");
  a.assignee_name = r.OptText("assignee_name");
  a.supervisor_name = r.OptText("supervisor_name");
  a.due_on = r.Str("due_on");
  a.status = r.Str("status");
  a.done_on = r.OptText("done_on");
  a.done_note = r.OptText("done_note");
  a.closed_on = r.OptText("closed_on");
  a.reopen_reason = r.OptText("reopen_reason");
  a.reopened = r.Int("reopened");
  ReadVersioned(r, a);
  return a;
}

std::vector<Param> VisitValues(const domain::SupervisionVisit& v) {
  return {v.visited_on,
          OptParam(v.checklist),
          OptParam(v.score),
          OptParam(v.grade),
          OptParam(v.observations),
          OptParam(v.strengths),
          OptParam(v.feedback),
          v.version,
          OptParam(v.updated_at),
          OptParam(v.updated_by)};
}
constexpr const char* kVisitColumns =
    "visited_on, checklist_code, score, grade, observations, strengths, feedback, version, "
    "updated_at, updated_by";

std::vector<Param> ActionValues(const domain::SupervisionAction& a) {
  return {a.what,
          a.assignee_id,
          a.due_on,
          a.status,
          OptParam(a.done_on),
          OptParam(a.done_note),
          OptParam(a.closed_on),
          OptParam(a.reopen_reason),
          a.reopened,
          a.version,
          OptParam(a.updated_at),
          OptParam(a.updated_by)};
}
constexpr const char* kActionColumns =
    "what, assignee_id, due_on, status, done_on, done_note, closed_on, reopen_reason, reopened, "
    "version, updated_at, updated_by";

}  // namespace

domain::Page<domain::SupervisionVisit> SqlSupervisionRepository::Visits(
    const std::vector<domain::PathRange>& scope, const std::optional<std::string>& from,
    const std::optional<std::string>& to, domain::PageRequest page) {
  SqlWhere w;
  w.AndInScope("v.area_path", scope);
  if (from) w.And("v.visited_on >= ?", {*from});
  if (to) w.And("v.visited_on <= ?", {*to});
  return ReadPage(conn_, "SELECT COUNT(*) FROM supervision_visit v", kVisitSelect, w,
                  "v.visited_on DESC, v.id DESC", page, ReadVisit);
}

std::optional<domain::SupervisionVisit> SqlSupervisionRepository::GetVisit(const std::string& id) {
  auto v = FirstOf(
      ReadRows(conn_.Query(std::string(kVisitSelect) + " WHERE v.id = ?", {id}), ReadVisit));
  if (!v) return v;
  auto answers = conn_.Query(
      "SELECT item_code, score FROM supervision_answer WHERE visit_id = ? ORDER BY item_code",
      {id});
  for (std::size_t i = 0; i < answers.size(); ++i)
    v->answers[answers[i].Str("item_code")] = static_cast<int>(answers[i].Int("score"));
  v->actions = ActionsWhere(" WHERE x.visit_id = ? ORDER BY x.due_on, x.id", {id});
  return v;
}

void SqlSupervisionRepository::WriteAnswers(const domain::SupervisionVisit& v) {
  conn_.Execute("DELETE FROM supervision_answer WHERE visit_id = ?", {v.id});
  for (const auto& [item, points] : v.answers)
    InsertRow(conn_, "supervision_answer", "visit_id, item_code, score",
              {v.id, item, std::int64_t{points}});
}

void SqlSupervisionRepository::InsertVisit(const domain::SupervisionVisit& v) {
  auto values = VisitValues(v);
  values.insert(values.begin(),
                {v.id, v.area_id, v.area_path, OptParam(v.supervisor_id), OptParam(v.staff_id),
                 OptParam(v.institution_id), v.created_at, OptParam(v.created_by)});
  InsertRow(conn_, "supervision_visit",
            std::string("id, area_id, area_path, supervisor_id, staff_id, institution_id, "
                        "created_at, created_by, ") +
                kVisitColumns,
            values);
  WriteAnswers(v);
}

bool SqlSupervisionRepository::UpdateVisit(const domain::SupervisionVisit& v,
                                           std::int64_t expected_version) {
  if (!UpdateVersionedRow(conn_, "supervision_visit", kVisitColumns, VisitValues(v), v.id,
                          expected_version))
    return false;
  WriteAnswers(v);
  return true;
}

std::vector<domain::SupervisionAction> SqlSupervisionRepository::ActionsWhere(
    const std::string& where, const std::vector<Param>& params) {
  return ReadRows(conn_.Query(kActionSelect + where, params), ReadAction);
}

domain::Page<domain::SupervisionAction> SqlSupervisionRepository::Actions(
    const std::vector<domain::PathRange>& scope, const domain::ActionFilter& f,
    domain::PageRequest page) {
  SqlWhere w;
  w.AndInScope("x.area_path", scope);
  if (f.visit_id) w.And("x.visit_id = ?", {*f.visit_id});
  if (f.meeting_id) w.And("x.meeting_id = ?", {*f.meeting_id});
  if (f.involving) w.And("(x.assignee_id = ? OR x.created_by = ?)", {*f.involving, *f.involving});
  if (f.status) w.And("x.status = ?", {*f.status});
  if (f.due_before) w.And("x.status = 'open' AND x.due_on < ?", {*f.due_before});
  return ReadPage(conn_, "SELECT COUNT(*) FROM supervision_action x", kActionSelect, w,
                  "x.due_on, x.id", page, ReadAction);
}

std::optional<domain::SupervisionAction> SqlSupervisionRepository::GetAction(
    const std::string& id) {
  return FirstOf(ActionsWhere(" WHERE x.id = ?", {id}));
}

void SqlSupervisionRepository::InsertAction(const domain::SupervisionAction& a) {
  auto values = ActionValues(a);
  values.insert(values.begin(), {a.id, OptParam(a.visit_id), OptParam(a.meeting_id), a.area_path,
                                 a.created_at, OptParam(a.created_by)});
  InsertRow(
      conn_, "supervision_action",
      std::string("id, visit_id, meeting_id, area_path, created_at, created_by, ") + kActionColumns,
      values);
}

bool SqlSupervisionRepository::UpdateAction(const domain::SupervisionAction& a,
                                            std::int64_t expected_version) {
  return UpdateVersionedRow(conn_, "supervision_action", kActionColumns, ActionValues(a), a.id,
                            expected_version);
}

}  // namespace mobilise::storage

namespace mobilise::storage {

domain::SupervisionReport SqlSupervisionRepository::Report(
    const std::vector<domain::PathRange>& scope, const std::string& from, const std::string& to,
    const std::string& today) {
  domain::SupervisionReport r;
  SqlWhere w;
  w.AndInScope("v.area_path", scope);
  w.And("v.visited_on >= ? AND v.visited_on <= ?", {from, to});
  auto people = conn_.Query(
      "SELECT v.staff_id, u.full_name AS staff_name, COUNT(*) AS visits, AVG(v.score) AS "
      "average_score FROM supervision_visit v LEFT JOIN app_user u ON u.id = v.staff_id" +
          w.sql + " GROUP BY v.staff_id, u.full_name ORDER BY u.full_name, v.staff_id",
      w.params);
  for (std::size_t i = 0; i < people.size(); ++i) {
    const auto row = people[i];
    r.people.push_back({row.OptText("staff_id"), row.OptText("staff_name"), row.Int("visits"),
                        row.OptReal("average_score")});
    r.visits += row.Int("visits");
  }
  auto items = conn_.Query(
      "SELECT v.checklist_code, a.item_code, COUNT(*) AS visits, AVG(a.score) AS average FROM "
      "supervision_answer a JOIN supervision_visit v ON v.id = a.visit_id" +
          w.sql + " GROUP BY v.checklist_code, a.item_code",
      w.params);
  for (std::size_t i = 0; i < items.size(); ++i) {
    domain::SupervisionReport::Item item;
    item.checklist = items[i].Str("checklist_code");
    item.item = items[i].Str("item_code");
    item.visits = items[i].Int("visits");
    item.average = items[i].Real("average");
    r.items.push_back(std::move(item));
  }
  auto params = w.params;
  params.insert(params.begin(), {Param(today)});
  auto actions = conn_.Query(
      "SELECT COUNT(*) AS agreed, SUM(CASE WHEN x.status = 'closed' THEN 1 ELSE 0 END) AS "
      "closed, SUM(CASE WHEN x.status = 'closed' AND x.closed_on <= x.due_on THEN 1 ELSE 0 END) "
      "AS on_time, SUM(CASE WHEN x.status = 'open' AND x.due_on < ? THEN 1 ELSE 0 END) AS "
      "overdue, SUM(CASE WHEN x.reopened > 0 THEN 1 ELSE 0 END) AS reopened FROM "
      "supervision_action x JOIN supervision_visit v ON v.id = x.visit_id" +
          w.sql,
      params);
  r.actions_agreed = actions[0].Int("agreed");
  r.actions_closed = actions[0].Int("closed");
  r.actions_closed_on_time = actions[0].Int("on_time");
  r.actions_overdue = actions[0].Int("overdue");
  r.actions_reopened = actions[0].Int("reopened");
  SqlWhere m;
  m.AndInScope("m.area_path", scope);
  m.And("m.held_on >= ? AND m.held_on <= ?", {from, to});
  r.meetings =
      conn_.Query("SELECT COUNT(*) AS n FROM review_meeting m" + m.sql, m.params)[0].Int("n");
  return r;
}

}  // namespace mobilise::storage
