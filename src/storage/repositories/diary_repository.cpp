#include <map>

#include "storage/repositories/sql_rows.hpp"
#include "storage/repositories/sql_where.hpp"
#include "storage/repositories/work_plan_repository.hpp"

namespace mobilise::storage {

using domain::Diary;

namespace {

constexpr const char* kColumns =
    "user_id, day, area_id, area_path, field_day, lat, lon, text, travel_mode, travel_km, "
    "night_halt, night_halt_place, next_day_plan, accepted, review_comment, reviewed_by, "
    "reviewed_at, version, created_at, created_by, updated_at, updated_by";

Diary ReadDiary(const ResultSet::Row& r) {
  Diary d;
  d.id = r.Str("id");
  d.user_id = r.Str("user_id");
  d.user_name = r.Str("user_name");
  d.day = r.Str("day");
  d.area_id = r.Str("area_id");
  d.area_path = r.Str("area_path");
  d.field_day = r.Bool("field_day");
  d.lat = r.OptReal("lat");
  d.lon = r.OptReal("lon");
  d.text = r.Str("text");
  d.travel_mode = r.OptText("travel_mode");
  d.travel_km = r.OptReal("travel_km");
  d.night_halt = r.Bool("night_halt");
  d.night_halt_place = r.OptText("night_halt_place");
  d.next_day_plan = r.Str("next_day_plan");
  d.accepted = r.Bool("accepted");
  d.review_comment = r.OptText("review_comment");
  d.reviewed_by = r.OptText("reviewed_by");
  d.reviewed_at = r.OptText("reviewed_at");
  ReadVersioned(r, d);
  return d;
}

std::vector<Param> DiaryValues(const Diary& d) {
  const auto flag = [](bool b) { return Param{std::int64_t{b ? 1 : 0}}; };
  return {d.user_id,
          d.day,
          d.area_id,
          d.area_path,
          flag(d.field_day),
          OptParam(d.lat),
          OptParam(d.lon),
          d.text,
          OptParam(d.travel_mode),
          OptParam(d.travel_km),
          flag(d.night_halt),
          OptParam(d.night_halt_place),
          d.next_day_plan,
          flag(d.accepted),
          OptParam(d.review_comment),
          OptParam(d.reviewed_by),
          OptParam(d.reviewed_at),
          d.version,
          d.created_at,
          OptParam(d.created_by),
          d.updated_at,
          OptParam(d.updated_by)};
}

}  // namespace

std::vector<Diary> SqlDiaryRepository::Read(const std::string& where_order,
                                            const std::vector<Param>& params) {
  auto diaries = ReadRows(
      conn_.Query("SELECT d.id, (SELECT u.full_name FROM app_user u WHERE u.id = d.user_id) AS "
                  "user_name, " +
                      std::string(kColumns) + " FROM diary d " + where_order,
                  params),
      ReadDiary);
  if (diaries.empty()) return diaries;
  std::map<std::string, std::size_t> index;
  std::vector<Param> ids;
  for (std::size_t i = 0; i < diaries.size(); ++i) {
    index[diaries[i].id] = i;
    ids.emplace_back(diaries[i].id);
  }
  auto areas = conn_.Query(
      "SELECT x.diary_id, x.area_id, a.name, a.path FROM diary_area x JOIN area a ON a.id = "
      "x.area_id WHERE x.diary_id IN (" +
          Placeholders(ids.size()) + ") ORDER BY x.diary_id, x.position",
      ids);
  for (std::size_t i = 0; i < areas.size(); ++i) {
    const auto r = areas[i];
    diaries[index[r.Str("diary_id")]].areas.push_back(
        {r.Str("area_id"), r.Str("name"), r.Str("path")});
  }
  return diaries;
}

std::optional<Diary> SqlDiaryRepository::Get(const std::string& id) {
  return FirstOf(Read("WHERE d.id = ?", {id}));
}

std::optional<Diary> SqlDiaryRepository::Find(const std::string& user_id, const std::string& day) {
  return FirstOf(Read("WHERE d.user_id = ? AND d.day = ?", {user_id, day}));
}

domain::Page<Diary> SqlDiaryRepository::List(const domain::DiaryQuery& q) {
  SqlWhere w;
  w.AndInScope("d.area_path", q.scope);
  if (!q.user_ids.empty()) {
    std::vector<Param> ids(q.user_ids.begin(), q.user_ids.end());
    w.And("d.user_id IN (" + Placeholders(ids.size()) + ")", ids);
  }
  if (q.from) w.And("d.day >= ?", {*q.from});
  if (q.to) w.And("d.day <= ?", {*q.to});
  domain::Page<Diary> page;
  page.total = conn_.Query("SELECT COUNT(*) FROM diary d" + w.sql, w.params)[0].Int(0);
  page.items =
      Read(w.sql + " ORDER BY d.day DESC, d.id LIMIT ? OFFSET ?", WithPage(w.params, q.page));
  return page;
}

void SqlDiaryRepository::InsertAreas(const Diary& d) {
  for (std::size_t n = 0; n < d.areas.size(); ++n)
    InsertRow(conn_, "diary_area", "diary_id, position, area_id",
              {d.id, static_cast<std::int64_t>(n), d.areas[n].area_id});
}

bool SqlDiaryRepository::Insert(const Diary& d) {
  auto values = DiaryValues(d);
  values.insert(values.begin(), d.id);
  if (!InsertUniqueRow(conn_, "diary", std::string("id, ") + kColumns, values, "diary"))
    return false;
  InsertAreas(d);
  return true;
}

bool SqlDiaryRepository::Update(const Diary& d, std::int64_t expected_version) {
  if (!UpdateVersionedRow(conn_, "diary", kColumns, DiaryValues(d), d.id, expected_version))
    return false;
  conn_.Execute("DELETE FROM diary_area WHERE diary_id = ?", {d.id});
  InsertAreas(d);
  return true;
}

std::vector<domain::StaffNorm> SqlDiaryRepository::Norms() {
  return ReadRows(conn_.Query("SELECT role, field_days, night_halts FROM staff_norm ORDER BY role"),
                  [](const ResultSet::Row& r) {
                    return domain::StaffNorm{r.Str("role"), static_cast<int>(r.Int("field_days")),
                                             static_cast<int>(r.Int("night_halts"))};
                  });
}

}  // namespace mobilise::storage
