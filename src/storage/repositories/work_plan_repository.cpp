#include "storage/repositories/work_plan_repository.hpp"

#include <map>

#include "storage/repositories/sql_rows.hpp"
#include "storage/repositories/sql_where.hpp"

namespace mobilise::storage {

using domain::WorkPlan;
using domain::WorkPlanItem;

namespace {

constexpr const char* kColumns =
    "owner_id, kind, period, starts_on, ends_on, area_id, area_path, status, revision, "
    "change_reason, review_comment, reviewed_by, reviewed_at, version, created_at, created_by, "
    "updated_at, updated_by";

constexpr const char* kSelect =
    "SELECT p.id, p.owner_id, (SELECT u.full_name FROM app_user u WHERE u.id = p.owner_id) AS "
    "owner_name, p.kind, p.period, p.starts_on, p.ends_on, p.area_id, p.area_path, p.status, "
    "p.revision, p.change_reason, p.review_comment, p.reviewed_by, p.reviewed_at, p.version, "
    "p.created_at, p.created_by, p.updated_at, p.updated_by FROM work_plan p";

WorkPlan ReadPlan(const ResultSet::Row& r) {
  WorkPlan p;
  p.id = r.Str("id");
  p.owner_id = r.Str("owner_id");
  p.owner_name = r.Str("owner_name");
  p.kind = ReadEnum<domain::PlanKind>(r, "work_plan", "kind", domain::kPlanKinds);
  p.period = r.Str("period");
  p.starts_on = r.Str("starts_on");
  p.ends_on = r.Str("ends_on");
  p.area_id = r.Str("area_id");
  p.area_path = r.Str("area_path");
  p.status = ReadEnum<domain::PlanStatus>(r, "work_plan", "status", domain::kPlanStatuses);
  p.revision = static_cast<int>(r.Int("revision"));
  p.change_reason = r.OptText("change_reason");
  p.review_comment = r.OptText("review_comment");
  p.reviewed_by = r.OptText("reviewed_by");
  p.reviewed_at = r.OptText("reviewed_at");
  ReadVersioned(r, p);
  return p;
}

WorkPlanItem ReadItem(const ResultSet::Row& r) {
  WorkPlanItem i;
  i.day = r.OptText("day");
  i.week = r.OptText("week");
  i.starts_on = r.Str("starts_on");
  i.ends_on = r.Str("ends_on");
  i.area_id = r.Str("area_id");
  i.area_path = r.Str("area_path");
  i.area_name = r.Str("area_name");
  i.institution_id = r.OptText("institution_id");
  i.household_id = r.OptText("household_id");
  i.purpose = r.Str("purpose");
  i.note = r.Str("note");
  return i;
}

std::vector<Param> PlanValues(const WorkPlan& p) {
  return {p.owner_id,
          std::string(EnumText(domain::kPlanKinds, p.kind)),
          p.period,
          p.starts_on,
          p.ends_on,
          p.area_id,
          p.area_path,
          std::string(EnumText(domain::kPlanStatuses, p.status)),
          std::int64_t{p.revision},
          OptParam(p.change_reason),
          OptParam(p.review_comment),
          OptParam(p.reviewed_by),
          OptParam(p.reviewed_at),
          p.version,
          p.created_at,
          OptParam(p.created_by),
          p.updated_at,
          OptParam(p.updated_by)};
}

}  // namespace

std::optional<WorkPlan> SqlWorkPlanRepository::ReadOne(const std::string& where,
                                                       const std::vector<Param>& params) {
  auto plan = ReadFirst(conn_.Query(std::string(kSelect) + " WHERE " + where, params), ReadPlan);
  if (!plan) return plan;
  plan->items = ReadRows(
      conn_.Query("SELECT i.day, i.week, i.starts_on, i.ends_on, i.area_id, i.area_path, a.name "
                  "AS area_name, i.institution_id, i.household_id, i.purpose, i.note FROM "
                  "work_plan_item i JOIN area a ON a.id = i.area_id WHERE i.plan_id = ? ORDER BY "
                  "i.position",
                  {plan->id}),
      ReadItem);
  return plan;
}

std::optional<WorkPlan> SqlWorkPlanRepository::Get(const std::string& id) {
  return ReadOne("p.id = ?", {id});
}

std::optional<WorkPlan> SqlWorkPlanRepository::Find(const std::string& owner_id,
                                                    domain::PlanKind kind,
                                                    const std::string& period) {
  return ReadOne("p.owner_id = ? AND p.kind = ? AND p.period = ?",
                 {owner_id, std::string(EnumText(domain::kPlanKinds, kind)), period});
}

domain::Page<WorkPlan> SqlWorkPlanRepository::List(const domain::WorkPlanQuery& q) {
  SqlWhere w;
  w.AndInScope("p.area_path", q.scope);
  if (q.owner_id) w.And("p.owner_id = ?", {*q.owner_id});
  if (q.kind) w.And("p.kind = ?", {std::string(EnumText(domain::kPlanKinds, *q.kind))});
  if (q.status) w.And("p.status = ?", {std::string(EnumText(domain::kPlanStatuses, *q.status))});
  if (q.from) w.And("p.ends_on >= ?", {*q.from});
  if (q.to) w.And("p.starts_on <= ?", {*q.to});
  return ReadPage(conn_, "SELECT COUNT(*) FROM work_plan p", kSelect, w, "p.starts_on DESC, p.id",
                  q.page, ReadPlan);
}

void SqlWorkPlanRepository::InsertItems(const WorkPlan& p) {
  for (std::size_t n = 0; n < p.items.size(); ++n) {
    const auto& i = p.items[n];
    InsertRow(conn_, "work_plan_item",
              "plan_id, position, day, week, starts_on, ends_on, area_id, area_path, "
              "institution_id, household_id, purpose, note",
              {p.id, static_cast<std::int64_t>(n), OptParam(i.day), OptParam(i.week), i.starts_on,
               i.ends_on, i.area_id, i.area_path, OptParam(i.institution_id),
               OptParam(i.household_id), i.purpose, i.note});
  }
}

void SqlWorkPlanRepository::Insert(const WorkPlan& p) {
  auto values = PlanValues(p);
  values.insert(values.begin(), p.id);
  InsertRow(conn_, "work_plan", std::string("id, ") + kColumns, values);
  InsertItems(p);
}

bool SqlWorkPlanRepository::Update(const WorkPlan& p, std::int64_t expected_version) {
  if (!UpdateVersionedRow(conn_, "work_plan", kColumns, PlanValues(p), p.id, expected_version))
    return false;
  conn_.Execute("DELETE FROM work_plan_item WHERE plan_id = ?", {p.id});
  InsertItems(p);
  return true;
}

std::vector<domain::ActualWork> SqlWorkPlanRepository::Actuals(const std::string& user_id,
                                                               const std::string& from,
                                                               const std::string& to) {
  auto rs = conn_.Query(
      "SELECT a.id, a.held_on, a.type, a.area_path, COALESCE(a.title, '') AS title, "
      "ai.institution_id FROM activity a LEFT JOIN activity_institution ai ON ai.activity_id = "
      "a.id WHERE a.held_on >= ? AND a.held_on <= ? AND (a.author_id = ? OR a.id IN (SELECT "
      "f.activity_id FROM activity_facilitator f WHERE f.user_id = ?)) ORDER BY a.held_on, a.id",
      {from, to, user_id, user_id});
  std::vector<domain::ActualWork> out;
  for (std::size_t n = 0; n < rs.size(); ++n) {
    const auto r = rs[n];
    if (out.empty() || out.back().id != r.Text("id"))
      out.push_back(
          {r.Str("id"), r.Str("held_on"), r.Str("type"), r.Str("area_path"), r.Str("title"), {}});
    if (auto inst = r.OptText("institution_id")) out.back().institution_ids.push_back(*inst);
  }
  return out;
}

}  // namespace mobilise::storage
