#include "storage/repositories/book_repository.hpp"

#include <map>

#include "storage/dialect.hpp"
#include "storage/repositories/sql_rows.hpp"
#include "storage/repositories/sql_where.hpp"

namespace mobilise::storage {
namespace {

using namespace domain;

constexpr const char* kGroup =
    "SELECT id, name, type_code, area_path, status FROM institution WHERE id = ? AND "
    "deleted_at IS NULL";

BookGroup ReadGroup(const ResultSet::Row& r) {
  return {r.Str("id"), r.Str("name"), r.Str("type_code"), r.Str("area_path"), r.Str("status")};
}

constexpr const char* kMemberName = "COALESCE(p.name, h.head_name, mi.name, '')";
constexpr const char* kMemberJoins =
    " LEFT JOIN household h ON h.id = m.household_id LEFT JOIN person p ON p.id = m.person_id "
    "LEFT JOIN institution mi ON mi.id = m.member_institution_id";

BookRules ReadRules(const ResultSet::Row& r) {
  BookRules x;
  x.id = r.Str("id");
  x.institution_id = r.Str("institution_id");
  x.area_path = r.Str("area_path");
  x.effective_from = r.Str("effective_from");
  x.saving_amount = r.Int("saving_amount");
  x.saving_frequency = r.Str("saving_frequency");
  x.interest_rule = ParseInterestRule(r.Str("interest_rule")).value_or(InterestRule::kDeclining);
  x.interest_bp = static_cast<int>(r.Int("interest_bp"));
  x.penalty_absence = r.Int("penalty_absence");
  x.penalty_late = r.Int("penalty_late");
  x.created_at = r.Str("created_at");
  x.created_by = r.OptText("created_by");
  return x;
}

constexpr const char* kMeetingColumns =
    "id, institution_id, area_path, held_on, opening_cash, closing_cash, members, present, "
    "created_at, created_by";

BookMeeting ReadMeeting(const ResultSet::Row& r) {
  BookMeeting m;
  m.id = r.Str("id");
  m.institution_id = r.Str("institution_id");
  m.area_path = r.Str("area_path");
  m.held_on = r.Str("held_on");
  m.opening_cash = r.Int("opening_cash");
  m.closing_cash = r.Int("closing_cash");
  m.members = static_cast<int>(r.Int("members"));
  m.present = static_cast<int>(r.Int("present"));
  m.created_at = r.Str("created_at");
  m.created_by = r.OptText("created_by");
  return m;
}

constexpr const char* kEntryColumns =
    "e.id, e.institution_id, e.area_path, e.entry_on, e.kind, e.amount, e.membership_id, "
    "e.loan_id, e.meeting_id, e.reverses_id, e.reason, e.created_at, e.created_by, "
    "COALESCE(u.full_name, u.username, '') AS created_by_name";
constexpr const char* kEntryFrom =
    " FROM ledger_entry e LEFT JOIN app_user u ON u.id = e.created_by";

LedgerEntry ReadEntry(const ResultSet::Row& r) {
  LedgerEntry e;
  e.id = r.Str("id");
  e.institution_id = r.Str("institution_id");
  e.area_path = r.Str("area_path");
  e.entry_on = r.Str("entry_on");
  const auto kind = ParseEntryKind(r.Str("kind"));
  if (!kind)
    throw DatabaseError("ledger_entry.kind holds an unknown value '" + r.Str("kind") + "'");
  e.kind = *kind;
  e.amount = r.Int("amount");
  e.membership_id = r.OptText("membership_id");
  e.loan_id = r.OptText("loan_id");
  e.meeting_id = r.OptText("meeting_id");
  e.reverses_id = r.OptText("reverses_id");
  e.reason = r.OptText("reason");
  e.created_at = r.Str("created_at");
  e.created_by = r.OptText("created_by");
  e.created_by_name = r.Str("created_by_name");
  return e;
}

MemberLoan ReadLoan(const ResultSet::Row& r) {
  MemberLoan l;
  l.id = r.Str("id");
  l.institution_id = r.Str("institution_id");
  l.area_path = r.Str("area_path");
  l.membership_id = r.Str("membership_id");
  l.meeting_id = r.Str("meeting_id");
  l.member_name = r.Str("member_name");
  l.purpose = r.Str("purpose");
  l.principal = r.Int("principal");
  l.interest_rule = ParseInterestRule(r.Str("interest_rule")).value_or(InterestRule::kDeclining);
  l.interest_bp = static_cast<int>(r.Int("interest_bp"));
  l.instalments = static_cast<int>(r.Int("instalments"));
  l.disbursed_on = r.Str("disbursed_on");
  l.status = r.Str("status") == "written_off" ? LoanStatus::kWrittenOff : LoanStatus::kActive;
  l.status_reason = r.OptText("status_reason");
  l.reschedules = static_cast<int>(r.Int("reschedules"));
  ReadVersioned(r, l);
  return l;
}

// The instalments of the loans `ids` (all of `where` when given), by loan.
std::map<std::string, std::vector<Instalment>> ReadInstalments(Connection& conn,
                                                               const std::string& sql,
                                                               const std::vector<Param>& params) {
  std::map<std::string, std::vector<Instalment>> out;
  const auto rs = conn.Query(sql, params);
  for (std::size_t i = 0; i < rs.size(); ++i) {
    const auto& r = rs[i];
    out[r.Str("loan_id")].push_back({static_cast<int>(r.Int("number")), r.Str("due_on"),
                                     r.Int("principal"), r.Int("interest")});
  }
  return out;
}

void InsertSchedule(Connection& conn, const MemberLoan& loan) {
  for (const auto& in : loan.schedule)
    conn.Execute(
        "INSERT INTO loan_instalment (loan_id, number, due_on, principal, interest) VALUES "
        "(?, ?, ?, ?, ?)",
        {loan.id, static_cast<std::int64_t>(in.number), in.due_on, in.principal, in.interest});
}

}  // namespace

std::optional<BookGroup> SqlBookRepository::LockGroup(const std::string& institution_id) {
  return ReadFirst(conn_.Query(kGroup + ForUpdate(conn_.dialect()), {institution_id}), ReadGroup);
}

std::optional<BookGroup> SqlBookRepository::Group(const std::string& institution_id) {
  return ReadFirst(conn_.Query(kGroup, {institution_id}), ReadGroup);
}

std::vector<BookMember> SqlBookRepository::CurrentMembers(const std::string& institution_id) {
  return ReadRows(conn_.Query(std::string("SELECT m.id, ") + kMemberName +
                                  " AS name FROM membership m" + kMemberJoins +
                                  " WHERE m.institution_id = ? AND m.left_on IS NULL ORDER BY "
                                  "name, m.id",
                              {institution_id}),
                  [](const ResultSet::Row& r) {
                    return BookMember{r.Str("id"), r.Str("name")};
                  });
}

std::string SqlBookRepository::Setting(const std::string& key, const std::string& fallback) {
  const auto rs = conn_.Query("SELECT value FROM programme_setting WHERE key = ?", {key});
  return rs.empty() ? fallback : rs[0].Str("value");
}

std::vector<std::string> SqlBookRepository::LoanPurposes() {
  return ReadRows(
      conn_.Query("SELECT code FROM registry_option WHERE list = 'loan_purpose' ORDER BY position"),
      [](const ResultSet::Row& r) { return r.Str("code"); });
}

std::vector<BookRules> SqlBookRepository::Rules(const std::string& institution_id) {
  return ReadRows(conn_.Query("SELECT * FROM book_rule WHERE institution_id = ? ORDER BY "
                              "effective_from DESC",
                              {institution_id}),
                  ReadRules);
}

void SqlBookRepository::InsertRules(const BookRules& x) {
  conn_.Execute(
      "INSERT INTO book_rule (id, institution_id, area_path, effective_from, saving_amount, "
      "saving_frequency, interest_rule, interest_bp, penalty_absence, penalty_late, created_at, "
      "created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {x.id, x.institution_id, x.area_path, x.effective_from, x.saving_amount, x.saving_frequency,
       std::string(InterestRuleId(x.interest_rule)), static_cast<std::int64_t>(x.interest_bp),
       x.penalty_absence, x.penalty_late, x.created_at, OptParam(x.created_by)});
}

std::optional<BookMeeting> SqlBookRepository::GetMeeting(const std::string& id) {
  auto m = ReadFirst(
      conn_.Query(std::string("SELECT ") + kMeetingColumns + " FROM book_meeting WHERE id = ?",
                  {id}),
      ReadMeeting);
  if (!m) return m;
  m->attendance = ReadRows(
      conn_.Query(std::string("SELECT a.membership_id, a.present, ") + kMemberName +
                      " AS name FROM book_attendance a JOIN membership m ON m.id = "
                      "a.membership_id" +
                      kMemberJoins + " WHERE a.meeting_id = ? ORDER BY name, a.membership_id",
                  {id}),
      [](const ResultSet::Row& r) {
        return AttendanceMark{r.Str("membership_id"), r.Bool("present"), r.Str("name")};
      });
  return m;
}

std::vector<BookMeeting> SqlBookRepository::Meetings(const std::string& institution_id) {
  return ReadRows(conn_.Query(std::string("SELECT ") + kMeetingColumns +
                                  " FROM book_meeting WHERE institution_id = ? ORDER BY held_on "
                                  "DESC",
                              {institution_id}),
                  ReadMeeting);
}

std::optional<BookMeeting> SqlBookRepository::LastMeeting(const std::string& institution_id) {
  return ReadFirst(conn_.Query(std::string("SELECT ") + kMeetingColumns +
                                   " FROM book_meeting WHERE institution_id = ? ORDER BY held_on "
                                   "DESC LIMIT 1",
                               {institution_id}),
                   ReadMeeting);
}

void SqlBookRepository::InsertMeeting(const BookMeeting& m) {
  conn_.Execute(
      "INSERT INTO book_meeting (id, institution_id, area_path, held_on, opening_cash, "
      "closing_cash, members, present, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?)",
      {m.id, m.institution_id, m.area_path, m.held_on, m.opening_cash, m.closing_cash,
       static_cast<std::int64_t>(m.members), static_cast<std::int64_t>(m.present), m.created_at,
       OptParam(m.created_by)});
  for (const auto& a : m.attendance)
    conn_.Execute(
        "INSERT INTO book_attendance (meeting_id, membership_id, present) VALUES (?, ?, ?)",
        {m.id, a.membership_id, static_cast<std::int64_t>(a.present ? 1 : 0)});
}

std::vector<MemberLoan> SqlBookRepository::ReadLoans(const std::string& where,
                                                     std::vector<Param> params) {
  auto loans =
      ReadRows(conn_.Query(std::string("SELECT l.*, ") + kMemberName +
                               " AS member_name FROM member_loan l JOIN membership m ON m.id = "
                               "l.membership_id" +
                               kMemberJoins + " WHERE " + where + " ORDER BY l.disbursed_on, l.id",
                           params),
               ReadLoan);
  auto schedules = ReadInstalments(
      conn_,
      "SELECT i.* FROM loan_instalment i JOIN member_loan l ON l.id = i.loan_id WHERE " + where +
          " ORDER BY i.loan_id, i.number",
      params);
  for (auto& l : loans) l.schedule = std::move(schedules[l.id]);
  return loans;
}

std::optional<MemberLoan> SqlBookRepository::GetLoan(const std::string& id) {
  return FirstOf(ReadLoans("l.id = ?", {id}));
}

std::vector<MemberLoan> SqlBookRepository::Loans(const std::string& institution_id) {
  return ReadLoans("l.institution_id = ?", {institution_id});
}

void SqlBookRepository::InsertLoan(const MemberLoan& l) {
  conn_.Execute(
      "INSERT INTO member_loan (id, institution_id, area_path, membership_id, meeting_id, "
      "purpose, principal, interest_rule, interest_bp, instalments, disbursed_on, status, "
      "status_reason, reschedules, version, created_at, created_by, updated_at, updated_by) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {l.id, l.institution_id, l.area_path, l.membership_id, l.meeting_id, l.purpose, l.principal,
       std::string(InterestRuleId(l.interest_rule)), static_cast<std::int64_t>(l.interest_bp),
       static_cast<std::int64_t>(l.instalments), l.disbursed_on,
       std::string(LoanStatusId(l.status)), OptParam(l.status_reason),
       static_cast<std::int64_t>(l.reschedules), l.version, l.created_at, OptParam(l.created_by),
       l.updated_at, OptParam(l.updated_by)});
  InsertSchedule(conn_, l);
}

bool SqlBookRepository::UpdateLoan(const MemberLoan& l, std::int64_t version) {
  const auto n = conn_.Execute(
      "UPDATE member_loan SET status = ?, status_reason = ?, reschedules = ?, version = ?, "
      "updated_at = ?, updated_by = ? WHERE id = ? AND version = ?",
      {std::string(LoanStatusId(l.status)), OptParam(l.status_reason),
       static_cast<std::int64_t>(l.reschedules), l.version, l.updated_at, OptParam(l.updated_by),
       l.id, version});
  if (n != 1) return false;
  conn_.Execute("DELETE FROM loan_instalment WHERE loan_id = ?", {l.id});
  InsertSchedule(conn_, l);
  return true;
}

std::optional<LedgerEntry> SqlBookRepository::GetEntry(const std::string& id) {
  return ReadFirst(
      conn_.Query(std::string("SELECT ") + kEntryColumns + kEntryFrom + " WHERE e.id = ?", {id}),
      ReadEntry);
}

bool SqlBookRepository::IsReversed(const std::string& entry_id) {
  return !conn_.Query("SELECT 1 FROM ledger_entry WHERE reverses_id = ?", {entry_id}).empty();
}

std::vector<LedgerEntry> SqlBookRepository::Entries(const std::string& institution_id) {
  return ReadRows(conn_.Query(std::string("SELECT ") + kEntryColumns + kEntryFrom +
                                  " WHERE e.institution_id = ? ORDER BY e.id",
                              {institution_id}),
                  ReadEntry);
}

void SqlBookRepository::InsertEntries(const std::vector<LedgerEntry>& entries) {
  for (const auto& e : entries)
    conn_.Execute(
        "INSERT INTO ledger_entry (id, institution_id, area_path, entry_on, kind, amount, "
        "membership_id, loan_id, meeting_id, reverses_id, reason, created_at, created_by) VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {e.id, e.institution_id, e.area_path, e.entry_on, std::string(EntryKindId(e.kind)),
         e.amount, OptParam(e.membership_id), OptParam(e.loan_id), OptParam(e.meeting_id),
         OptParam(e.reverses_id), OptParam(e.reason), e.created_at, OptParam(e.created_by)});
}

int SqlBookRepository::GroupCount(const PathRange& scope) {
  return static_cast<int>(
      conn_
          .Query("SELECT COUNT(DISTINCT institution_id) FROM book_meeting WHERE area_path >= ? "
                 "AND area_path < ?",
                 {scope.lo, scope.hi})[0]
          .Int(0));
}

std::vector<MeetingTally> SqlBookRepository::MeetingTallies(const PathRange& scope,
                                                            const std::string& from,
                                                            const std::string& to) {
  return ReadRows(conn_.Query("SELECT held_on, members, present FROM book_meeting WHERE "
                              "area_path >= ? AND area_path < ? AND held_on >= ? AND held_on <= ?",
                              {scope.lo, scope.hi, from, to}),
                  [](const ResultSet::Row& r) {
                    return MeetingTally{r.Str("held_on"), static_cast<int>(r.Int("members")),
                                        static_cast<int>(r.Int("present"))};
                  });
}

std::vector<LedgerEntry> SqlBookRepository::EntriesIn(const PathRange& scope,
                                                      const std::string& on) {
  return ReadRows(conn_.Query(std::string("SELECT ") + kEntryColumns + kEntryFrom +
                                  " WHERE e.area_path >= ? AND e.area_path < ? AND e.entry_on "
                                  "<= ? ORDER BY e.id",
                              {scope.lo, scope.hi, on}),
                  ReadEntry);
}

std::vector<LoanBook> SqlBookRepository::LoanBooks(const PathRange& scope) {
  auto schedules = ReadInstalments(
      conn_,
      "SELECT i.* FROM loan_instalment i JOIN member_loan l ON l.id = i.loan_id WHERE "
      "l.area_path >= ? AND l.area_path < ? ORDER BY i.loan_id, i.number",
      {scope.lo, scope.hi});
  std::vector<LoanBook> out;
  for (auto& [id, schedule] : schedules) out.push_back({id, std::move(schedule)});
  return out;
}

}  // namespace mobilise::storage
