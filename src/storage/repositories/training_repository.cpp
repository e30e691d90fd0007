#include "storage/repositories/training_repository.hpp"

#include "domain/areas/area_path.hpp"
#include "storage/repositories/sql_rows.hpp"
#include "storage/repositories/sql_where.hpp"

namespace mobilise::storage {
namespace {

domain::Course ReadCourse(const ResultSet::Row& r) {
  domain::Course c;
  c.id = r.Str("id");
  c.code = r.Str("code");
  c.title = r.Str("title");
  c.title_local = r.OptText("title_local");
  c.audience = r.Str("audience");
  c.topics = SplitWords(r.Text("topics"));
  c.duration_hours = r.Real("duration_hours");
  c.test_max = r.OptReal("test_max");
  ReadVersioned(r, c);
  return c;
}

constexpr const char* kNeedSelect =
    "SELECT n.id, n.area_id, n.area_path, n.user_id, n.institution_id, n.course_id, "
    "COALESCE(u.full_name, i.name) AS subject_name, n.need, n.priority, n.assessed_on, "
    "n.created_at, n.created_by, n.version, n.updated_at, n.updated_by, a.name AS area_name "
    "FROM training_need n JOIN area a ON a.id = n.area_id LEFT JOIN app_user u ON u.id = "
    "n.user_id LEFT JOIN institution i ON "
    "i.id = n.institution_id";

domain::TrainingNeed ReadNeed(const ResultSet::Row& r) {
  domain::TrainingNeed n{r.Str("id"),
                         r.Str("area_id"),
                         r.Str("area_path"),
                         r.OptText("user_id"),
                         r.OptText("institution_id"),
                         r.OptText("course_id"),
                         r.OptText("subject_name"),
                         r.Str("need"),
                         r.Str("priority"),
                         r.Str("assessed_on"),
                         r.Str("created_at"),
                         r.OptText("created_by"),
                         r.Int("version"),
                         r.OptText("updated_at"),
                         r.OptText("updated_by")};
  n.area_name = r.Str("area_name");
  return n;
}

constexpr const char* kPlanSelect =
    "SELECT t.id, t.course_id, c.title, t.area_id, t.area_path, a.name AS area_name, t.period, "
    "t.period_start, t.period_end, t.created_at, t.planned_events, t.planned_participants, "
    "t.created_by, t.version, t.updated_at, t.updated_by FROM training_plan t JOIN course c ON "
    "c.id = t.course_id JOIN area a ON a.id = t.area_id";

domain::TrainingPlan ReadPlan(const ResultSet::Row& r) {
  return {r.Str("id"),
          r.Str("course_id"),
          r.Str("title"),
          r.Str("area_id"),
          r.Str("area_path"),
          r.Str("area_name"),
          r.Str("period"),
          r.Str("period_start"),
          r.Str("period_end"),
          r.Str("created_at"),
          r.Int("planned_events"),
          r.Int("planned_participants"),
          r.OptText("created_by"),
          r.Int("version"),
          r.OptText("updated_at"),
          r.OptText("updated_by")};
}

domain::TrainingFollowup ReadFollowup(const ResultSet::Row& r) {
  return {r.Str("id"),          r.Str("activity_id"),    r.Str("person_id"),
          r.Str("person_name"), r.Str("followed_on"),    r.Str("applies"),
          r.Str("created_at"),  r.OptText("notes"),      r.OptText("created_by"),
          r.Int("version"),     r.OptText("updated_at"), r.OptText("updated_by")};
}

}  // namespace

std::vector<domain::Course> SqlTrainingRepository::CoursesWhere(const std::string& where,
                                                                std::vector<Param> params) {
  auto rs = conn_.Query(
      "SELECT id, code, title, title_local, audience, topics, duration_hours, test_max, version, "
      "created_at, created_by, updated_at, updated_by FROM course" +
          where + " ORDER BY title",
      params);
  return ReadRows(rs, ReadCourse);
}

std::vector<domain::Course> SqlTrainingRepository::Courses() { return CoursesWhere("", {}); }

std::optional<domain::Course> SqlTrainingRepository::GetCourse(const std::string& id) {
  return FirstOf(CoursesWhere(" WHERE id = ?", {id}));
}

std::optional<domain::Course> SqlTrainingRepository::GetCourseByCode(const std::string& code) {
  return FirstOf(CoursesWhere(" WHERE code = ?", {code}));
}

void SqlTrainingRepository::InsertCourse(const domain::Course& c) {
  InsertRow(conn_, "course",
            "id, code, title, title_local, audience, topics, duration_hours, test_max, version, "
            "created_at, created_by, updated_at, updated_by",
            {c.id, c.code, c.title, OptParam(c.title_local), c.audience, JoinWords(c.topics),
             c.duration_hours, OptParam(c.test_max), c.version, c.created_at,
             OptParam(c.created_by), c.updated_at, OptParam(c.updated_by)});
}

bool SqlTrainingRepository::UpdateCourse(const domain::Course& c, std::int64_t expected_version) {
  return UpdateVersionedRow(
      conn_, "course",
      "code, title, title_local, audience, topics, duration_hours, test_max, version, updated_at, "
      "updated_by",
      {c.code, c.title, OptParam(c.title_local), c.audience, JoinWords(c.topics), c.duration_hours,
       OptParam(c.test_max), c.version, c.updated_at, OptParam(c.updated_by)},
      c.id, expected_version);
}

void SqlTrainingRepository::DeleteCourse(const std::string& id) {
  conn_.Execute("DELETE FROM course WHERE id = ?", {id});
}

domain::CourseUse SqlTrainingRepository::UseOfCourse(const std::string& id) {
  auto rs = conn_.Query(
      "SELECT (SELECT COUNT(*) FROM activity WHERE course_id = ?) AS activities, (SELECT COUNT(*) "
      "FROM training_plan WHERE course_id = ?) AS plans, (SELECT COUNT(*) FROM training_need WHERE "
      "course_id = ?) AS needs",
      {id, id, id});
  return {rs[0].Int("activities"), rs[0].Int("plans"), rs[0].Int("needs")};
}

std::optional<double> SqlTrainingRepository::HighestScore(const std::string& course_id) {
  auto rs = conn_.Query(
      "SELECT MAX(CASE WHEN t.post_score IS NULL OR t.pre_score > t.post_score THEN t.pre_score "
      "ELSE t.post_score END) AS highest FROM activity a JOIN attendance t ON t.activity_id = a.id "
      "WHERE "
      "a.course_id = ?",
      {course_id});
  if (rs.empty() || rs[0].IsNull("highest")) return std::nullopt;
  return rs[0].Real("highest");
}

std::vector<domain::TrainingNeed> SqlTrainingRepository::NeedsWhere(
    const std::string& where, const std::vector<Param>& params) {
  return ReadRows(conn_.Query(kNeedSelect + where, params), ReadNeed);
}

domain::Page<domain::TrainingNeed> SqlTrainingRepository::Needs(
    const std::vector<domain::PathRange>& scope, domain::PageRequest page) {
  SqlWhere w;
  w.AndInScope("n.area_path", scope);
  return ReadPage(conn_, "SELECT COUNT(*) FROM training_need n", kNeedSelect, w,
                  "n.assessed_on DESC, n.id DESC", page, ReadNeed);
}

std::optional<domain::TrainingNeed> SqlTrainingRepository::GetNeed(const std::string& id) {
  return FirstOf(NeedsWhere(" WHERE n.id = ?", {id}));
}

void SqlTrainingRepository::InsertNeed(const domain::TrainingNeed& n) {
  InsertRow(conn_, "training_need",
            "id, area_id, area_path, user_id, institution_id, course_id, need, priority, "
            "assessed_on, created_at, created_by, version",
            {n.id, n.area_id, n.area_path, OptParam(n.user_id), OptParam(n.institution_id),
             OptParam(n.course_id), n.need, n.priority, n.assessed_on, n.created_at,
             OptParam(n.created_by), n.version});
}

bool SqlTrainingRepository::UpdateNeed(const domain::TrainingNeed& n,
                                       std::int64_t expected_version) {
  return UpdateVersionedRow(
      conn_, "training_need",
      "area_id, area_path, user_id, institution_id, course_id, need, priority, assessed_on, "
      "version, updated_at, updated_by",
      {n.area_id, n.area_path, OptParam(n.user_id), OptParam(n.institution_id),
       OptParam(n.course_id), n.need, n.priority, n.assessed_on, n.version, OptParam(n.updated_at),
       OptParam(n.updated_by)},
      n.id, expected_version);
}

void SqlTrainingRepository::DeleteNeed(const std::string& id) {
  conn_.Execute("DELETE FROM training_need WHERE id = ?", {id});
}

domain::Page<domain::TrainingPlan> SqlTrainingRepository::Plans(
    const std::vector<domain::PathRange>& scope, const std::optional<std::string>& start,
    const std::optional<std::string>& end, domain::PageRequest page) {
  SqlWhere w;
  w.AndInScope("t.area_path", scope);
  // Plans whose period lies inside the asked period.
  if (start) w.And("t.period_start >= ?", {*start});
  if (end) w.And("t.period_end <= ?", {*end});
  return ReadPage(conn_, "SELECT COUNT(*) FROM training_plan t", kPlanSelect, w,
                  "t.period_start, a.name, c.title", page, ReadPlan);
}

std::vector<domain::TrainingPlan> SqlTrainingRepository::PlansWhere(
    const std::string& where, const std::vector<Param>& params) {
  return ReadRows(conn_.Query(kPlanSelect + where, params), ReadPlan);
}

void SqlTrainingRepository::UpsertPlan(const domain::TrainingPlan& t) {
  conn_.Execute(
      "INSERT INTO training_plan (id, course_id, area_id, area_path, period, period_start, "
      "period_end, planned_events, planned_participants, created_at, created_by, version) VALUES "
      "(?,?,?,?,?,?,?,?,?,?,?,1) ON CONFLICT (course_id, area_id, period) DO UPDATE SET "
      "planned_events = excluded.planned_events, planned_participants = "
      "excluded.planned_participants, version = training_plan.version + 1, updated_at = "
      "excluded.created_at, updated_by = excluded.created_by",
      {t.id, t.course_id, t.area_id, t.area_path, t.period, t.period_start, t.period_end,
       t.planned_events, t.planned_participants, t.created_at, OptParam(t.created_by)});
}

std::optional<domain::TrainingPlan> SqlTrainingRepository::GetPlan(const std::string& id) {
  return FirstOf(PlansWhere(" WHERE t.id = ?", {id}));
}

std::optional<domain::TrainingPlan> SqlTrainingRepository::FindPlan(const std::string& course_id,
                                                                    const std::string& area_id,
                                                                    const std::string& period) {
  return FirstOf(PlansWhere(" WHERE t.course_id = ? AND t.area_id = ? AND t.period = ?",
                            {course_id, area_id, period}));
}

bool SqlTrainingRepository::UpdatePlan(const domain::TrainingPlan& t,
                                       std::int64_t expected_version) {
  return UpdateVersionedRow(conn_, "training_plan",
                            "course_id, area_id, area_path, period, period_start, period_end, "
                            "planned_events, planned_participants, version, updated_at, updated_by",
                            {t.course_id, t.area_id, t.area_path, t.period, t.period_start,
                             t.period_end, t.planned_events, t.planned_participants, t.version,
                             OptParam(t.updated_at), OptParam(t.updated_by)},
                            t.id, expected_version);
}

void SqlTrainingRepository::DeletePlan(const std::string& id) {
  conn_.Execute("DELETE FROM training_plan WHERE id = ?", {id});
}

std::vector<domain::PlanAchievement> SqlTrainingRepository::Achievement(
    const std::vector<domain::TrainingPlan>& plans) {
  std::vector<domain::PlanAchievement> out;
  for (const auto& plan : plans) {
    const auto range = domain::SubtreeRange(plan.area_path);
    auto rs = conn_.Query(
        "SELECT COUNT(*) AS events, COALESCE(SUM(named_total), 0) AS participants FROM activity "
        "WHERE type = 'training' AND "
        "status = 'verified' AND course_id = ? AND area_path >= ? AND area_path < ? AND "
        "held_on >= ? AND held_on <= ?",
        {plan.course_id, range.lo, range.hi, plan.period_start, plan.period_end});
    out.push_back({plan, rs[0].Int("events"), rs[0].Int("participants")});
  }
  return out;
}

std::vector<domain::TrainingFollowup> SqlTrainingRepository::FollowupsWhere(
    const std::string& where, const std::vector<Param>& params) {
  auto rs = conn_.Query(
      "SELECT f.id, f.activity_id, f.person_id, p.name AS person_name, f.followed_on, f.applies, "
      "f.created_at, "
      "f.notes, f.created_by, f.version, f.updated_at, f.updated_by FROM training_followup f "
      "JOIN person p ON p.id = f.person_id" +
          where,
      params);
  return ReadRows(rs, ReadFollowup);
}

std::vector<domain::TrainingFollowup> SqlTrainingRepository::Followups(const std::string& id) {
  return FollowupsWhere(" WHERE f.activity_id = ? ORDER BY f.followed_on, f.id", {id});
}

std::optional<domain::TrainingFollowup> SqlTrainingRepository::GetFollowup(const std::string& id) {
  return FirstOf(FollowupsWhere(" WHERE f.id = ?", {id}));
}

void SqlTrainingRepository::InsertFollowup(const domain::TrainingFollowup& f) {
  InsertRow(
      conn_, "training_followup",
      "id, activity_id, person_id, followed_on, applies, notes, created_at, created_by, version",
      {f.id, f.activity_id, f.person_id, f.followed_on, f.applies, OptParam(f.notes), f.created_at,
       OptParam(f.created_by), f.version});
}

bool SqlTrainingRepository::UpdateFollowup(const domain::TrainingFollowup& f,
                                           std::int64_t expected_version) {
  return UpdateVersionedRow(conn_, "training_followup",
                            "followed_on, applies, notes, version, updated_at, updated_by",
                            {f.followed_on, f.applies, OptParam(f.notes), f.version,
                             OptParam(f.updated_at), OptParam(f.updated_by)},
                            f.id, expected_version);
}

void SqlTrainingRepository::DeleteFollowup(const std::string& id) {
  conn_.Execute("DELETE FROM training_followup WHERE id = ?", {id});
}

domain::Page<domain::StaffMember> SqlTrainingRepository::Staff(
    const std::vector<domain::PathRange>& scope, const std::optional<std::string>& area_path,
    const std::optional<std::string>& text, domain::PageRequest page) {
  // A grant counts when it lies in the scope and, for an area, in its subtree or on one of the
  // areas above it (each a prefix of its path: "/k1/", "/k1/k2/", ...).
  auto grant_sql = [&](std::vector<Param>& params) {
    std::string sql = "(" + ScopeSql("a.path", scope, params) + ")";
    if (area_path) {
      const auto range = domain::SubtreeRange(*area_path);
      sql += " AND (a.path >= ? AND a.path < ?";
      params.emplace_back(range.lo);
      params.emplace_back(range.hi);
      for (auto& above : domain::PathAndAncestors(*area_path)) {
        sql += " OR a.path = ?";
        params.emplace_back(std::move(above));
      }
      sql += ")";
    }
    return sql;
  };
  SqlWhere w;
  std::vector<Param> sp;
  const std::string in_scope = grant_sql(sp);
  w.And("u.disabled = 0", {});
  w.And(
      "EXISTS (SELECT 1 FROM role_assignment r JOIN area a ON a.id = r.area_id WHERE r.user_id "
      "= u.id AND " +
          in_scope + ")",
      sp);
  if (text) w.AndAnyContains(conn_.dialect(), {"u.full_name"}, *text);
  auto out =
      ReadPage(conn_, "SELECT COUNT(*) FROM app_user u", "SELECT u.id, u.full_name FROM app_user u",
               w, "u.full_name, u.id", page, [](const ResultSet::Row& r) {
                 return domain::StaffMember{r.Str("id"), r.Str("full_name"), {}};
               });
  if (out.items.empty()) return out;
  // The page's grants within the scope, in one query.
  std::vector<Param> gp;
  for (const auto& m : out.items) gp.emplace_back(m.id);
  const std::string ids = Placeholders(gp.size());
  const std::string grant_scope = grant_sql(gp);
  auto gs = conn_.Query(
      "SELECT r.user_id, r.role, a.id AS area_id, a.name AS area_name FROM role_assignment r JOIN "
      "area a ON a.id = "
      "r.area_id WHERE r.user_id IN (" +
          ids + ") AND " + grant_scope + " ORDER BY a.path, r.role",
      gp);
  for (std::size_t i = 0; i < gs.size(); ++i)
    for (auto& m : out.items)
      if (m.id == gs[i].Str("user_id"))
        m.roles.push_back({gs[i].Str("role"), gs[i].Str("area_id"), gs[i].Str("area_name")});
  return out;
}

}  // namespace mobilise::storage
