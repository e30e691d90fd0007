#include "storage/dialect.hpp"
#include "storage/repositories/registry_repositories.hpp"
#include "storage/repositories/sql_rows.hpp"
#include "storage/repositories/sql_where.hpp"

namespace mobilise::storage {
namespace {

using domain::Institution;
using domain::Membership;

constexpr const char* kColumns =
    "i.id, i.type_code, t.tier, i.area_id, i.area_path, a.name AS area_name, i.parent_id, "
    "p.name AS parent_name, i.code, "
    "i.name, i.name_local, i.formed_on, i.sex_composition, i.status, i.status_on, "
    "i.status_reason, i.merged_into_id, i.meeting_frequency, i.registration_status, "
    "i.registration_authority, i.registration_number, i.registration_date, i.bank_status, "
    "i.bank_name, i.bank_opened_on, i.savings, i.notes, i.member_count, "
    "(SELECT COUNT(*) FROM institution c WHERE c.parent_id = i.id AND c.deleted_at IS NULL) AS "
    "child_count, "
    "i.latest_grade, i.latest_assessed_on, i.version, i.created_at, i.created_by, i.updated_at, "
    "i.updated_by";

constexpr const char* kFrom =
    " FROM institution i JOIN institution_type t ON t.code = i.type_code JOIN area a ON a.id = "
    "i.area_id LEFT JOIN institution p ON p.id = i.parent_id";

Institution Read(const ResultSet::Row& r) {
  Institution i;
  i.id = r.Str("id");
  i.type = r.Str("type_code");
  i.tier = static_cast<int>(r.Int("tier"));
  i.area_id = r.Str("area_id");
  i.area_path = r.Str("area_path");
  i.area_name = r.Str("area_name");
  i.parent_id = r.OptText("parent_id");
  i.parent_name = r.OptText("parent_name");
  i.code = r.OptText("code");
  i.name = r.Str("name");
  i.name_local = r.OptText("name_local");
  i.formed_on = r.OptText("formed_on");
  i.sex_composition = r.Str("sex_composition");
  i.status =
      ReadEnum<domain::InstitutionStatus>(r, "institution", "status", domain::kInstitutionStatuses);
  i.status_on = r.OptText("status_on");
  i.status_reason = r.OptText("status_reason");
  i.merged_into_id = r.OptText("merged_into_id");
  i.meeting_frequency = r.OptText("meeting_frequency");
  i.registration_status = r.Str("registration_status");
  i.registration_authority = r.OptText("registration_authority");
  i.registration_number = r.OptText("registration_number");
  i.registration_date = r.OptText("registration_date");
  i.bank_status = r.Str("bank_status");
  i.bank_name = r.OptText("bank_name");
  i.bank_opened_on = r.OptText("bank_opened_on");
  i.savings = r.Real("savings");
  i.notes = r.OptText("notes");
  i.member_count = r.Int("member_count");
  i.child_count = r.Int("child_count");
  i.latest_grade = r.OptText("latest_grade");
  i.latest_assessed_on = r.OptText("latest_assessed_on");
  ReadVersioned(r, i);
  return i;
}

std::optional<Institution> One(Connection& conn, const std::string& where, const std::string& v) {
  return ReadFirst(conn.Query(std::string("SELECT ") + kColumns + kFrom + " WHERE " + where +
                                  " AND i.deleted_at IS NULL",
                              {Param(v)}),
                   Read);
}

// The columns that Insert and Update both write, and their values in that order.
constexpr const char* kWritten =
    "area_id, area_path, parent_id, code, name, name_local, formed_on, sex_composition, status, "
    "status_on, status_reason, merged_into_id, meeting_frequency, registration_status, "
    "registration_authority, registration_number, registration_date, bank_status, bank_name, "
    "bank_opened_on, savings, notes";

std::vector<Param> Written(const Institution& i) {
  return {i.area_id,
          i.area_path,
          OptParam(i.parent_id),
          OptParam(i.code),
          i.name,
          OptParam(i.name_local),
          OptParam(i.formed_on),
          i.sex_composition,
          std::string(ToString(i.status)),
          OptParam(i.status_on),
          OptParam(i.status_reason),
          OptParam(i.merged_into_id),
          OptParam(i.meeting_frequency),
          i.registration_status,
          OptParam(i.registration_authority),
          OptParam(i.registration_number),
          OptParam(i.registration_date),
          i.bank_status,
          OptParam(i.bank_name),
          OptParam(i.bank_opened_on),
          i.savings,
          OptParam(i.notes)};
}

constexpr const char* kMemberColumns =
    "m.id, m.institution_id, m.type_code, m.area_path, m.household_id, m.person_id, "
    "m.member_institution_id, m.role, m.joined_on, m.left_on, m.left_reason, m.version, "
    "m.created_at, m.created_by, m.updated_at, m.updated_by, h.head_name, p.name AS person_name, "
    "p.sex AS person_sex, mi.name AS member_institution_name, i.name AS institution_name";

constexpr const char* kMemberFrom =
    " FROM membership m JOIN institution i ON i.id = m.institution_id LEFT JOIN household h ON "
    "h.id = m.household_id LEFT JOIN person p ON p.id = m.person_id LEFT JOIN institution mi ON "
    "mi.id = m.member_institution_id";

Membership ReadMember(const ResultSet::Row& r) {
  Membership m;
  m.id = r.Str("id");
  m.institution_id = r.Str("institution_id");
  m.type = r.Str("type_code");
  m.area_path = r.Str("area_path");
  m.household_id = r.OptText("household_id");
  m.person_id = r.OptText("person_id");
  m.member_institution_id = r.OptText("member_institution_id");
  m.role = r.Str("role");
  m.joined_on = r.Str("joined_on");
  m.left_on = r.OptText("left_on");
  m.left_reason = r.OptText("left_reason");
  ReadVersioned(r, m);
  m.household_name = r.OptText("head_name");
  m.person_name = r.OptText("person_name");
  m.person_sex = r.OptText("person_sex");
  m.member_institution_name = r.OptText("member_institution_name");
  m.institution_name = r.OptText("institution_name");
  return m;
}

domain::Assessment ReadAssessment(const ResultSet::Row& r) {
  domain::Assessment a;
  a.id = r.Str("id");
  a.institution_id = r.Str("institution_id");
  a.area_path = r.Str("area_path");
  a.checklist = r.Str("checklist_code");
  a.assessed_on = r.Str("assessed_on");
  a.score = r.Real("score");
  a.grade = r.Str("grade");
  a.notes = r.OptText("notes");
  a.created_at = r.Str("created_at");
  a.created_by = r.OptText("created_by");
  return a;
}

}  // namespace

std::optional<Institution> SqlInstitutionRepository::Get(const std::string& id) {
  return One(conn_, "i.id = ?", id);
}

std::optional<Institution> SqlInstitutionRepository::GetByCode(const std::string& code) {
  return One(conn_, "i.code = ?", code);
}

domain::Page<Institution> SqlInstitutionRepository::List(const domain::InstitutionQuery& q) {
  SqlWhere w;
  w.AndInScope("i.area_path", q.scope);
  w.And("i.deleted_at IS NULL");
  if (q.type) w.And("i.type_code = ?", {*q.type});
  if (q.status) w.And("i.status = ?", {*q.status});
  if (q.parent_id) w.And("i.parent_id = ?", {*q.parent_id});
  if (q.tier) w.And("t.tier = ?", {std::int64_t{*q.tier}});
  if (q.text) w.AndAnyContains(conn_.dialect(), {"i.name", "i.name_local", "i.code"}, *q.text);
  return ReadPage(conn_,
                  "SELECT COUNT(*) FROM institution i JOIN institution_type t ON t.code = "
                  "i.type_code",
                  std::string("SELECT ") + kColumns + kFrom, w, "i.area_path, i.name, i.id", q.page,
                  Read);
}

Status SqlInstitutionRepository::Insert(const Institution& i) {
  return InsertUniqueRow(
      conn_, "institution",
      std::string("id, type_code, ") + kWritten +
          ", member_count, version, created_at, created_by, updated_at, updated_by",
      Concat(Concat({i.id, i.type}, Written(i)),
             {i.member_count, i.version, i.created_at, OptParam(i.created_by), i.updated_at,
              OptParam(i.updated_by)}),
      "an institution with this code already exists");
}

bool SqlInstitutionRepository::Update(const Institution& i, std::int64_t expected_version) {
  return UpdateVersionedRow(conn_, "institution",
                            std::string(kWritten) + ", version, updated_at, updated_by",
                            Concat(Written(i), {i.version, i.updated_at, OptParam(i.updated_by)}),
                            i.id, expected_version);
}

void SqlInstitutionRepository::Delete(const std::string& id) {
  conn_.Execute("DELETE FROM institution_status_change WHERE institution_id = ?", {id});
  conn_.Execute("DELETE FROM institution WHERE id = ?", {id});
}

std::int64_t SqlInstitutionRepository::CountReferences(const std::string& id) {
  return conn_
      .Query(
          "SELECT (SELECT COUNT(*) FROM membership WHERE institution_id = ?) + "
          "(SELECT COUNT(*) FROM membership WHERE member_institution_id = ?) + "
          "(SELECT COUNT(*) FROM institution WHERE parent_id = ? OR merged_into_id = ?) + "
          "(SELECT COUNT(*) FROM assessment WHERE institution_id = ?)",
          {id, id, id, id, id})[0]
      .Int(0);
}

void SqlInstitutionRepository::AddStatusChange(const domain::StatusChange& c) {
  InsertRow(conn_, "institution_status_change",
            "id, institution_id, status, status_on, reason, at, by_user",
            {c.id, c.institution_id, c.status, c.status_on, OptParam(c.reason), c.at,
             OptParam(c.by_user)});
}

std::vector<domain::StatusChange> SqlInstitutionRepository::StatusHistory(const std::string& id) {
  auto rs = conn_.Query(
      "SELECT id, institution_id, status, status_on, reason, at, by_user FROM "
      "institution_status_change WHERE institution_id = ? ORDER BY id",
      {id});
  return ReadRows(rs, [](const ResultSet::Row& r) {
    return domain::StatusChange{r.Str("id"),         r.Str("institution_id"), r.Str("status"),
                                r.Str("status_on"),  r.OptText("reason"),     r.Str("at"),
                                r.OptText("by_user")};
  });
}

std::vector<Membership> SqlInstitutionRepository::MembershipsWhere(const std::string& where,
                                                                   std::vector<Param> params) {
  auto rs = conn_.Query(std::string("SELECT ") + kMemberColumns + kMemberFrom + " WHERE " + where +
                            " ORDER BY m.left_on IS NOT NULL, m.joined_on, m.id",
                        params);
  return ReadRows(rs, ReadMember);
}

std::optional<Membership> SqlInstitutionRepository::GetMembership(const std::string& id) {
  return FirstOf(MembershipsWhere("m.id = ?", {id}));
}

std::vector<Membership> SqlInstitutionRepository::Members(const std::string& institution_id,
                                                          bool current_only) {
  return MembershipsWhere(
      current_only ? "m.institution_id = ? AND m.left_on IS NULL" : "m.institution_id = ?",
      {institution_id});
}

std::vector<Membership> SqlInstitutionRepository::MembershipsOfHousehold(
    const std::string& household_id) {
  return MembershipsWhere("m.household_id = ?", {household_id});
}

std::vector<Membership> SqlInstitutionRepository::ActiveOfSameType(const std::string& type,
                                                                   domain::MemberKind kind,
                                                                   const Membership& c,
                                                                   const std::string& on) {
  const std::optional<std::string>& key = kind == domain::MemberKind::kHousehold ? c.household_id
                                          : kind == domain::MemberKind::kPerson
                                              ? c.person_id
                                              : c.member_institution_id;
  const char* column = kind == domain::MemberKind::kHousehold ? "m.household_id"
                       : kind == domain::MemberKind::kPerson  ? "m.person_id"
                                                              : "m.member_institution_id";
  if (!key) return {};
  return MembershipsWhere(std::string(column) +
                              " = ? AND m.type_code = ? AND m.id <> ? AND (m.left_on IS NULL OR "
                              "m.left_on > ?)",
                          {*key, type, c.id, on});
}

void SqlInstitutionRepository::InsertMembership(const Membership& m) {
  // The member person's sex, birth date and disability, and a household member's poverty band,
  // are copied for the roll-ups and indicators.
  const Param person = OptParam(m.person_id), household = OptParam(m.household_id);
  conn_.Execute(
      "INSERT INTO membership (id, institution_id, type_code, area_path, household_id, "
      "person_id, member_institution_id, role, joined_on, left_on, left_reason, version, "
      "created_at, created_by, updated_at, updated_by, member_sex, member_birth_date, "
      "member_disability, member_band, member_poor) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?, "
      "(SELECT sex FROM person WHERE id = ?), (SELECT birth_date FROM person WHERE id = ?), "
      "COALESCE((SELECT disability FROM person WHERE id = ?), 0), "
      "(SELECT poverty_band FROM household WHERE id = ?), "
      "COALESCE((SELECT poor FROM household WHERE id = ?), 0))",
      {m.id,
       m.institution_id,
       m.type,
       m.area_path,
       OptParam(m.household_id),
       OptParam(m.person_id),
       OptParam(m.member_institution_id),
       m.role,
       m.joined_on,
       OptParam(m.left_on),
       OptParam(m.left_reason),
       m.version,
       m.created_at,
       OptParam(m.created_by),
       m.updated_at,
       OptParam(m.updated_by),
       person,
       person,
       person,
       household,
       household});
  if (m.household_id) MarkRepeatedMembers(conn_, "household_id", *m.household_id);
  if (m.person_id) MarkRepeatedMembers(conn_, "person_id", *m.person_id);
}

void MarkRepeatedMembers(Connection& conn, const std::string& column, const std::string& id) {
  // On PostgreSQL two writers adding rows for one member would each count only their own and
  // leave both unmarked: the member's household (person) row is locked first (households before
  // people, always), so the second waits for the first to commit and then counts its row too.
  const Param member[] = {id};
  LockForUpdate(conn,
                std::string("SELECT id FROM ") +
                    (column == "household_id" ? "household" : "person") + " WHERE id = ?",
                member);
  conn.Execute("UPDATE membership SET member_repeated = 1 WHERE " + column +
                   " = ? AND member_repeated = 0 AND (SELECT COUNT(*) FROM membership o WHERE o." +
                   column + " = ?) > 1",
               {id, id});
}

bool SqlInstitutionRepository::UpdateMembership(const Membership& m,
                                                std::int64_t expected_version) {
  return UpdateVersionedRow(conn_, "membership",
                            "role, left_on, left_reason, version, updated_at, updated_by",
                            {m.role, OptParam(m.left_on), OptParam(m.left_reason), m.version,
                             m.updated_at, OptParam(m.updated_by)},
                            m.id, expected_version);
}

void SqlInstitutionRepository::RefreshMemberCount(const std::string& id) {
  conn_.Execute(
      "UPDATE institution SET member_count = (SELECT COUNT(*) FROM membership m WHERE "
      "m.institution_id = ? AND m.left_on IS NULL) WHERE id = ?",
      {id, id});
}

std::vector<domain::Assessment> SqlInstitutionRepository::Assessments(const std::string& id) {
  auto rs = conn_.Query(
      "SELECT id, institution_id, area_path, checklist_code, assessed_on, score, grade, notes, "
      "created_at, created_by FROM assessment WHERE institution_id = ? ORDER BY assessed_on DESC, "
      "id DESC",
      {id});
  auto out = ReadRows(rs, ReadAssessment);
  if (out.empty()) return out;
  auto answers = conn_.Query(
      "SELECT x.assessment_id, x.item_code, x.score FROM assessment_answer x JOIN assessment a ON "
      "a.id = x.assessment_id WHERE a.institution_id = ?",
      {id});
  for (std::size_t i = 0; i < answers.size(); ++i)
    for (auto& a : out)
      if (a.id == answers[i].Text("assessment_id"))
        a.answers[answers[i].Str("item_code")] = static_cast<int>(answers[i].Int("score"));
  return out;
}

void SqlInstitutionRepository::InsertAssessment(const domain::Assessment& a) {
  InsertRow(conn_, "assessment",
            "id, institution_id, area_path, checklist_code, assessed_on, score, grade, notes, "
            "created_at, created_by",
            {a.id, a.institution_id, a.area_path, a.checklist, a.assessed_on, a.score, a.grade,
             OptParam(a.notes), a.created_at, OptParam(a.created_by)});
  for (const auto& [item, score] : a.answers)
    InsertRow(conn_, "assessment_answer", "assessment_id, item_code, score",
              {a.id, item, std::int64_t{score}});
}

void SqlInstitutionRepository::RefreshLatestGrade(const std::string& id) {
  auto rs = conn_.Query(
      "SELECT grade, assessed_on FROM assessment WHERE institution_id = ? ORDER BY assessed_on "
      "DESC, id DESC LIMIT 1",
      {id});
  if (rs.empty()) return;
  conn_.Execute("UPDATE institution SET latest_grade = ?, latest_assessed_on = ? WHERE id = ?",
                {rs[0].Str("grade"), rs[0].Str("assessed_on"), id});
}

}  // namespace mobilise::storage
