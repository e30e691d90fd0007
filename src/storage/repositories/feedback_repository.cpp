#include "storage/repositories/feedback_repository.hpp"

#include <sstream>

#include "domain/feedback/short_ref.hpp"
#include "storage/repositories/sql_rows.hpp"
#include "storage/repositories/sql_where.hpp"

namespace mobilise::storage {
namespace {

using domain::Feedback;

constexpr const char* kColumns =
    "f.id, f.short_ref, f.area_id, f.area_path, a.name AS area_name, f.cefc_id, f.received_on, "
    "f.channel, "
    "f.category, "
    "f.sensitive, f.anonymous, f.person_name, f.person_contact, f.person_sex, f.person_age_band, "
    "f.description, f.language, f.tags, f.status, f.assigned_to, u.full_name AS assigned_name, "
    "f.referred_to, "
    "f.response, f.responded_on, f.closed_on, f.loop_closed_by, f.satisfaction, f.due_on, "
    "f.version, f.created_at, f.created_by, f.updated_at, f.updated_by";
constexpr const char* kFrom =
    " FROM feedback f JOIN area a ON a.id = f.area_id LEFT JOIN app_user u ON u.id = f.assigned_to";

Feedback Read(const ResultSet::Row& r) {
  Feedback f;
  f.id = r.Str("id");
  f.short_ref = r.OptText("short_ref").value_or("");
  f.area_id = r.Str("area_id");
  f.area_path = r.Str("area_path");
  f.area_name = r.Str("area_name");
  f.cefc_id = r.OptText("cefc_id");
  f.received_on = r.Str("received_on");
  f.channel = r.Str("channel");
  f.category = r.Str("category");
  f.sensitive = r.Bool("sensitive");
  f.anonymous = r.Bool("anonymous");
  f.person_name = r.OptText("person_name");
  f.person_contact = r.OptText("person_contact");
  f.person_sex = r.OptText("person_sex");
  f.person_age_band = r.OptText("person_age_band");
  f.description = r.Str("description");
  f.language = r.OptText("language");
  std::istringstream tags{r.Str("tags")};
  for (std::string t; tags >> t;) f.tags.push_back(t);
  f.status = ReadEnum<domain::FeedbackStatus>(r, "feedback", "status", domain::kFeedbackStatuses);
  f.assigned_to = r.OptText("assigned_to");
  f.assigned_name = r.OptText("assigned_name");
  f.referred_to = r.OptText("referred_to");
  f.response = r.OptText("response");
  f.responded_on = r.OptText("responded_on");
  f.closed_on = r.OptText("closed_on");
  f.loop_closed_by = r.OptText("loop_closed_by");
  f.satisfaction = r.OptText("satisfaction");
  f.due_on = r.Str("due_on");
  f.version = r.Int("version");
  f.created_at = r.Str("created_at");
  f.created_by = r.OptText("created_by");
  f.updated_at = r.Str("updated_at");
  f.updated_by = r.OptText("updated_by");
  return f;
}

std::string TagsText(const std::vector<std::string>& tags) {
  if (tags.empty()) return "";
  std::string s = " ";
  for (const auto& t : tags) s += t + " ";
  return s;
}

// The columns that Insert and Update both write, and their values in that order.
constexpr const char* kWritten =
    "area_id, area_path, cefc_id, received_on, channel, category, sensitive, anonymous, "
    "person_name, person_contact, person_sex, person_age_band, description, language, tags, "
    "status, assigned_to, referred_to, response, responded_on, closed_on, loop_closed_by, "
    "satisfaction, due_on, version";

std::vector<Param> Written(const Feedback& f) {
  return {f.area_id,
          f.area_path,
          OptParam(f.cefc_id),
          f.received_on,
          f.channel,
          f.category,
          std::int64_t{f.sensitive ? 1 : 0},
          std::int64_t{f.anonymous ? 1 : 0},
          OptParam(f.person_name),
          OptParam(f.person_contact),
          OptParam(f.person_sex),
          OptParam(f.person_age_band),
          f.description,
          OptParam(f.language),
          TagsText(f.tags),
          std::string(ToString(f.status)),
          OptParam(f.assigned_to),
          OptParam(f.referred_to),
          OptParam(f.response),
          OptParam(f.responded_on),
          OptParam(f.closed_on),
          OptParam(f.loop_closed_by),
          OptParam(f.satisfaction),
          f.due_on,
          f.version};
}

// The visibility rule and the filters of `q` (status and page excepted) as a WHERE clause.
SqlWhere Where(Dialect dialect, const domain::FeedbackQuery& q, bool with_status) {
  SqlWhere w;
  std::vector<Param> p;
  const std::string ordinary = ScopeSql("f.area_path", q.scope, p);
  const std::string sensitive = ScopeSql("f.area_path", q.sensitive_scope, p);
  w.And("((" + ordinary + ") AND f.sensitive = 0) OR ((" + sensitive + ") AND f.sensitive = 1)", p);
  if (q.category) w.And("f.category = ?", {*q.category});
  if (q.channel) w.And("f.channel = ?", {*q.channel});
  if (with_status && q.status) w.And("f.status = ?", {*q.status});
  if (q.from) w.And("f.received_on >= ?", {*q.from});
  if (q.to) w.And("f.received_on <= ?", {*q.to});
  if (q.overdue_on) w.And("f.status <> 'closed' AND f.due_on < ?", {*q.overdue_on});
  if (q.text) {
    // Free text, or a short reference however it was typed ("k7qm-4xpd"): every case with it.
    const std::string pattern = ContainsPattern(*q.text);
    const std::string ref = domain::NormaliseShortRef(*q.text);
    if (ref.empty())
      w.And(ContainsSql(dialect, "f.description") + " OR " + ContainsSql(dialect, "f.tags"),
            {pattern, pattern});
    else
      w.And("f.short_ref = ? OR " + ContainsSql(dialect, "f.description") + " OR " +
                ContainsSql(dialect, "f.tags"),
            {ref, pattern, pattern});
  }
  return w;
}

}  // namespace

std::vector<domain::FeedbackCategory> SqlFeedbackRepository::Categories() {
  auto rs = conn_.Query(
      "SELECT code, name, name_local, sensitive, due_hours FROM feedback_category ORDER BY "
      "position");
  std::vector<domain::FeedbackCategory> out;
  for (std::size_t i = 0; i < rs.size(); ++i)
    out.push_back({rs[i].Str("code"), rs[i].Str("name"), rs[i].OptText("name_local"),
                   rs[i].Bool("sensitive"), static_cast<int>(rs[i].Int("due_hours"))});
  return out;
}

std::optional<Feedback> SqlFeedbackRepository::Get(const std::string& id) {
  auto rs = conn_.Query(std::string("SELECT ") + kColumns + kFrom + " WHERE f.id = ?", {id});
  if (rs.empty()) return std::nullopt;
  return Read(rs[0]);
}

domain::Page<Feedback> SqlFeedbackRepository::List(const domain::FeedbackQuery& q) {
  auto w = Where(conn_.dialect(), q, true);
  domain::Page<Feedback> page;
  page.total = conn_.Query("SELECT COUNT(*) FROM feedback f" + w.sql, w.params)[0].Int(0);
  auto params = w.params;
  params.emplace_back(std::int64_t{q.page.limit});
  params.emplace_back(q.page.offset);
  // Overdue first by due date; otherwise newest first.
  const std::string order =
      q.overdue_on ? " ORDER BY f.due_on, f.id" : " ORDER BY f.received_on DESC, f.id DESC";
  auto rs = conn_.Query(
      std::string("SELECT ") + kColumns + kFrom + w.sql + order + " LIMIT ? OFFSET ?", params);
  for (std::size_t i = 0; i < rs.size(); ++i) page.items.push_back(Read(rs[i]));
  return page;
}

void SqlFeedbackRepository::Insert(const Feedback& f) {
  // The reference follows from the id alone (whoever made the id: this server or a phone).
  const std::string ref = domain::ShortRef(f.id);
  const auto params =
      Concat(Concat({f.id, ref.empty() ? Param{} : Param{ref}}, Written(f)),
             {f.created_at, OptParam(f.created_by), f.updated_at, OptParam(f.updated_by)});
  conn_.Execute(std::string("INSERT INTO feedback (id, short_ref, ") + kWritten +
                    ", created_at, created_by, updated_at, updated_by) VALUES (" +
                    Placeholders(params.size()) + ")",
                params);
}

bool SqlFeedbackRepository::Update(const Feedback& f, std::int64_t expected_version) {
  return conn_.Execute("UPDATE feedback SET " + Assignments(kWritten) +
                           ", updated_at = ?, updated_by = ? WHERE id = ? AND version = ?",
                       Concat(Written(f),
                              {f.updated_at, OptParam(f.updated_by), f.id, expected_version})) == 1;
}

void SqlFeedbackRepository::AddEvent(const domain::FeedbackEvent& e) {
  conn_.Execute(
      "INSERT INTO feedback_event (id, feedback_id, at, by_user, action, note) VALUES "
      "(?,?,?,?,?,?)",
      {e.id, e.feedback_id, e.at, OptParam(e.by_user), e.action, OptParam(e.note)});
}

std::vector<domain::FeedbackEvent> SqlFeedbackRepository::Events(const std::string& id) {
  auto rs = conn_.Query(
      "SELECT e.id, e.feedback_id, e.at, e.by_user, u.full_name, e.action, e.note FROM "
      "feedback_event e LEFT JOIN app_user u ON u.id = e.by_user WHERE e.feedback_id = ? ORDER BY "
      "e.id",
      {id});
  std::vector<domain::FeedbackEvent> out;
  for (std::size_t i = 0; i < rs.size(); ++i)
    out.push_back({rs[i].Str("id"), rs[i].Str("feedback_id"), rs[i].Str("at"),
                   rs[i].OptText("by_user"), rs[i].OptText("full_name"), rs[i].Str("action"),
                   rs[i].OptText("note")});
  return out;
}

std::vector<domain::FeedbackCount> SqlFeedbackRepository::Counts(const domain::FeedbackQuery& q,
                                                                 const std::string& today) {
  auto w = Where(conn_.dialect(), q, false);
  std::vector<Param> p{today};
  for (auto& x : w.params) p.push_back(x);
  auto rs = conn_.Query(
      "SELECT f.category, f.channel, substr(f.received_on, 1, 7) AS month, COUNT(*) AS n, "
      "SUM(CASE WHEN f.status = 'closed' THEN 1 ELSE 0 END) AS closed, "
      "SUM(CASE WHEN f.status = 'closed' AND f.closed_on <= f.due_on THEN 1 ELSE 0 END) AS "
      "on_time, "
      "SUM(CASE WHEN f.status <> 'closed' AND f.due_on < ? THEN 1 ELSE 0 END) AS overdue "
      "FROM feedback f" +
          w.sql + " GROUP BY f.category, f.channel, month ORDER BY month, f.category, f.channel",
      p);
  std::vector<domain::FeedbackCount> out;
  for (std::size_t i = 0; i < rs.size(); ++i)
    out.push_back({rs[i].Str("category"), rs[i].Str("channel"), rs[i].Str("month"), rs[i].Int("n"),
                   rs[i].Int("closed"), rs[i].Int("on_time"), rs[i].Int("overdue")});
  return out;
}

std::vector<std::string> SqlFeedbackRepository::Tags(const domain::FeedbackQuery& q) {
  auto w = Where(conn_.dialect(), q, true);
  w.And("f.tags <> ''");
  auto rs = conn_.Query("SELECT f.tags FROM feedback f" + w.sql, w.params);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < rs.size(); ++i) out.push_back(rs[i].Str("tags"));
  return out;
}

std::vector<domain::FeedbackHandler> SqlFeedbackRepository::Handlers(
    const std::vector<std::string>& area_paths, const std::vector<std::string>& roles) {
  if (area_paths.empty() || roles.empty()) return {};
  std::vector<Param> p;
  std::string paths, in_roles;
  for (const auto& a : area_paths) p.emplace_back(a), paths += paths.empty() ? "?" : ",?";
  for (const auto& r : roles) p.emplace_back(r), in_roles += in_roles.empty() ? "?" : ",?";
  auto rs = conn_.Query(
      "SELECT DISTINCT u.id, u.full_name, r.role FROM role_assignment r JOIN app_user u ON u.id = "
      "r.user_id JOIN area a ON a.id = r.area_id WHERE a.path IN (" +
          paths + ") AND r.role IN (" + in_roles +
          ") AND u.disabled = 0 ORDER BY u.full_name, r.role",
      p);
  std::vector<domain::FeedbackHandler> out;
  for (std::size_t i = 0; i < rs.size(); ++i)
    out.push_back({rs[i].Str("id"), rs[i].Str("full_name"), rs[i].Str("role")});
  return out;
}

}  // namespace mobilise::storage
