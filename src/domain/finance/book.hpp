// Group books: a group's rules (constitution) by effective date, its meetings, member loans with
// their schedules, and the append-only ledger; and the repository that stores them. The pure
// rules are in ledger_rules.hpp, loan_rules.hpp, meeting_rules.hpp and report_card.hpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/access/actor.hpp"
#include "domain/finance/ledger_rules.hpp"
#include "domain/finance/loan_rules.hpp"
#include "domain/finance/report_card.hpp"

namespace mobilise::domain {

struct BookRules {
  std::string id, institution_id, area_path;
  std::string effective_from;
  Money saving_amount = 0;
  std::string saving_frequency = "monthly";  // weekly | fortnightly | monthly
  InterestRule interest_rule = InterestRule::kDeclining;
  int interest_bp = 0;  // a month, in basis points
  Money penalty_absence = 0, penalty_late = 0;
  std::string created_at;
  std::optional<std::string> created_by;
};

struct AttendanceMark {
  std::string membership_id;
  bool present = false;
  std::string member_name;  // filled by reads
};

struct BookMeeting {
  std::string id, institution_id, area_path, held_on;
  Money opening_cash = 0, closing_cash = 0;
  int members = 0, present = 0;
  std::string created_at;
  std::optional<std::string> created_by;
  std::vector<AttendanceMark> attendance;  // filled by Get
};

enum class LoanStatus { kActive, kWrittenOff };

struct MemberLoan {
  std::string id, institution_id, area_path, membership_id, meeting_id;
  std::string member_name;  // filled by reads
  std::string purpose;
  Money principal = 0;
  InterestRule interest_rule = InterestRule::kDeclining;
  int interest_bp = 0, instalments = 0;
  std::string disbursed_on;
  LoanStatus status = LoanStatus::kActive;
  std::optional<std::string> status_reason;
  int reschedules = 0;
  std::int64_t version = 1;
  std::string created_at, updated_at;
  std::optional<std::string> created_by, updated_by;
  std::vector<Instalment> schedule;  // filled by Get and List
};

// The group whose books are kept (what the service needs of the institution).
struct BookGroup {
  std::string id, name, type_code, area_path, status;
};

// A group's current member (membership) as the books name it.
struct BookMember {
  std::string membership_id, name;
};

class BookRepository {
 public:
  virtual ~BookRepository() = default;
  // The institution, locked for writing the group's books until the transaction ends (PostgreSQL:
  // FOR UPDATE; SQLite's write transaction holds the database), so concurrent meetings of one
  // group see each other's entries.
  virtual std::optional<BookGroup> LockGroup(const std::string& institution_id) = 0;
  virtual std::optional<BookGroup> Group(const std::string& institution_id) = 0;
  virtual std::vector<BookMember> CurrentMembers(const std::string& institution_id) = 0;
  virtual std::string Setting(const std::string& key, const std::string& fallback) = 0;
  virtual std::vector<std::string> LoanPurposes() = 0;

  virtual std::vector<BookRules> Rules(const std::string& institution_id) = 0;  // newest first
  virtual void InsertRules(const BookRules& rules) = 0;

  virtual std::optional<BookMeeting> GetMeeting(const std::string& id) = 0;
  virtual std::vector<BookMeeting> Meetings(const std::string& institution_id) = 0;  // newest first
  virtual std::optional<BookMeeting> LastMeeting(const std::string& institution_id) = 0;
  virtual void InsertMeeting(const BookMeeting& meeting) = 0;

  virtual std::optional<MemberLoan> GetLoan(const std::string& id) = 0;
  virtual std::vector<MemberLoan> Loans(const std::string& institution_id) = 0;
  virtual void InsertLoan(const MemberLoan& loan) = 0;
  // Writes the loan's fields and replaces its schedule; false when `version` is stale.
  virtual bool UpdateLoan(const MemberLoan& loan, std::int64_t version) = 0;

  virtual std::optional<LedgerEntry> GetEntry(const std::string& id) = 0;
  virtual bool IsReversed(const std::string& entry_id) = 0;
  virtual std::vector<LedgerEntry> Entries(const std::string& institution_id) = 0;  // in order
  virtual void InsertEntries(const std::vector<LedgerEntry>& entries) = 0;

  // Everything of the groups in `scope` (one area subtree) for an area's report card.
  virtual int GroupCount(const PathRange& scope) = 0;
  virtual std::vector<MeetingTally> MeetingTallies(const PathRange& scope, const std::string& from,
                                                   const std::string& to) = 0;
  virtual std::vector<LedgerEntry> EntriesIn(const PathRange& scope, const std::string& on) = 0;
  virtual std::vector<LoanBook> LoanBooks(const PathRange& scope) = 0;
};

std::string_view LoanStatusId(LoanStatus status);

}  // namespace mobilise::domain
