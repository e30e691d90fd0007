// SqlSupervisionRepository: review meetings, with their attendees (their action points are
// supervision actions, read by meeting_id).
#include "storage/repositories/sql_rows.hpp"
#include "storage/repositories/sql_where.hpp"
#include "storage/repositories/supervision_repository.hpp"

namespace mobilise::storage {
namespace {

constexpr const char* kMeetingSelect =
    "SELECT m.id, m.area_id, m.area_path, a.name AS area_name, m.held_on, m.kind, m.agenda, "
    "m.minutes, m.decisions, u.full_name AS chair_name, m.created_at, m.created_by, m.version, "
    "m.updated_at, m.updated_by FROM review_meeting m JOIN area a ON a.id = m.area_id LEFT JOIN "
    "app_user u ON u.id = m.created_by";

domain::ReviewMeeting ReadMeeting(const ResultSet::Row& r) {
  domain::ReviewMeeting m;
  m.id = r.Str("id");
  m.area_id = r.Str("area_id");
  m.area_path = r.Str("area_path");
  m.area_name = r.Str("area_name");
  m.held_on = r.Str("held_on");
  m.kind = r.Str("kind");
  m.agenda = r.OptText("agenda");
  m.minutes = r.OptText("minutes");
  m.decisions = r.OptText("decisions");
  m.chair_name = r.OptText("chair_name");
  ReadVersioned(r, m);
  return m;
}

std::vector<Param> MeetingValues(const domain::ReviewMeeting& m) {
  return {m.held_on,
          m.kind,
          OptParam(m.agenda),
          OptParam(m.minutes),
          OptParam(m.decisions),
          m.version,
          OptParam(m.updated_at),
          OptParam(m.updated_by)};
}
constexpr const char* kMeetingColumns =
    "held_on, kind, agenda, minutes, decisions, version, updated_at, updated_by";

}  // namespace

domain::Page<domain::ReviewMeeting> SqlSupervisionRepository::Meetings(
    const std::vector<domain::PathRange>& scope, const std::optional<std::string>& from,
    const std::optional<std::string>& to, domain::PageRequest page) {
  SqlWhere w;
  w.AndInScope("m.area_path", scope);
  if (from) w.And("m.held_on >= ?", {*from});
  if (to) w.And("m.held_on <= ?", {*to});
  return ReadPage(conn_, "SELECT COUNT(*) FROM review_meeting m", kMeetingSelect, w,
                  "m.held_on DESC, m.id DESC", page, ReadMeeting);
}

std::optional<domain::ReviewMeeting> SqlSupervisionRepository::GetMeeting(const std::string& id) {
  auto m = FirstOf(
      ReadRows(conn_.Query(std::string(kMeetingSelect) + " WHERE m.id = ?", {id}), ReadMeeting));
  if (!m) return m;
  auto people = conn_.Query(
      "SELECT r.user_id, u.full_name FROM review_meeting_attendee r JOIN app_user u ON u.id = "
      "r.user_id WHERE r.meeting_id = ? ORDER BY u.full_name, r.user_id",
      {id});
  for (std::size_t i = 0; i < people.size(); ++i) {
    m->attendee_ids.push_back(people[i].Str("user_id"));
    m->attendee_names.push_back(people[i].Str("full_name"));
  }
  m->actions = ActionsWhere(" WHERE x.meeting_id = ? ORDER BY x.due_on, x.id", {id});
  return m;
}

void SqlSupervisionRepository::WriteAttendees(const domain::ReviewMeeting& m) {
  conn_.Execute("DELETE FROM review_meeting_attendee WHERE meeting_id = ?", {m.id});
  for (const auto& user : m.attendee_ids)
    InsertRow(conn_, "review_meeting_attendee", "meeting_id, user_id", {m.id, user});
}

void SqlSupervisionRepository::InsertMeeting(const domain::ReviewMeeting& m) {
  auto values = MeetingValues(m);
  values.insert(values.begin(),
                {m.id, m.area_id, m.area_path, m.created_at, OptParam(m.created_by)});
  InsertRow(conn_, "review_meeting",
            std::string("id, area_id, area_path, created_at, created_by, ") + kMeetingColumns,
            values);
  WriteAttendees(m);
}

bool SqlSupervisionRepository::UpdateMeeting(const domain::ReviewMeeting& m,
                                             std::int64_t expected_version) {
  if (!UpdateVersionedRow(conn_, "review_meeting", kMeetingColumns, MeetingValues(m), m.id,
                          expected_version))
    return false;
  WriteAttendees(m);
  return true;
}

}  // namespace mobilise::storage
