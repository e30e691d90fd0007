// Group books use cases: a group's books (balances by member, loans, meetings, rules), its rules
// by effective date, a meeting entered and closed in one request, member loans (position at a
// date, rescheduling, write-off), reversals of ledger entries, and report cards of a group and
// of an area. Reads need the registry in scope; meetings and rules are written by whoever may
// change the group's registry record (registry.write); reversals, reschedulings and write-offs
// are a supervisor's (activity.verify in the group's area), each with a reason, each audited.
// The books of one group are written under a lock of its institution row, so concurrent
// meetings and corrections of one group are serialised and every check sees the entries before.
// Methods are in book_service.cpp, loan_service.cpp and book_card_service.cpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/finance/book.hpp"
#include "domain/finance/meeting_rules.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

struct RulesInput {
  std::optional<std::string> id;  // the client's id
  std::string effective_from, saving_frequency, interest_rule;
  Money saving_amount = 0, penalty_absence = 0, penalty_late = 0;
  int interest_bp = 0;
};

struct LoanView {
  MemberLoan loan;
  LoanPosition position;  // at `on`
  std::string on;
};

struct MemberBalance {
  std::string membership_id, name;
  Money savings = 0, outstanding = 0;
};

struct GroupBooks {
  BookGroup group;
  std::string currency;
  int currency_digits = 2;
  std::string on;  // positions of loans at this date (today)
  Balances balances;
  std::vector<MemberBalance> members;
  std::vector<BookRules> rules;
  std::vector<BookMeeting> meetings;
  std::vector<LoanView> loans;
  std::vector<std::string> loan_purposes;
};

// A supervisor's decision on a loan: its version, the reason, and for a rescheduling the new
// number of instalments and the first one's due date.
struct LoanDecision {
  std::int64_t version = 0;
  std::string reason;
  int instalments = 0;
  std::string first_due_on;
};

class BookService {
 public:
  BookService(UnitOfWorkFactory& db, const Clock& clock) : db_(db), clock_(clock) {}
  Result<GroupBooks> Books(const Actor& actor, const std::string& institution_id);
  Result<std::vector<LedgerEntry>> Ledger(const Actor& actor, const std::string& institution_id);
  Result<BookRules> AddRules(const Actor& actor, const std::string& institution_id,
                             const RulesInput& input);
  // Checks the whole meeting against the group's books and writes it with its entries and new
  // loans, locked; or refuses it (validation, naming each field and, for the cash, by how much).
  Result<BookMeeting> RecordMeeting(const Actor& actor, const std::string& institution_id,
                                    const MeetingInput& input);
  Result<BookMeeting> GetMeeting(const Actor& actor, const std::string& id);
  // `on`: the date of the position (default today).
  Result<LoanView> GetLoan(const Actor& actor, const std::string& id,
                           std::optional<std::string> on = std::nullopt);
  Result<LoanView> Reschedule(const Actor& actor, const std::string& id,
                              const LoanDecision& decision);
  Result<LoanView> WriteOff(const Actor& actor, const std::string& id,
                            const LoanDecision& decision);
  // A reversal entry of `entry_id` dated today; an entry is reversed at most once, and a
  // reversal is never reversed (enter the amount again at a meeting instead).
  Result<LedgerEntry> Reverse(const Actor& actor, const std::string& entry_id,
                              const std::string& reason);
  // The report card of one group, or of every group in an area (default: the caller's whole
  // scope is not allowed; an area is required), for a month YYYY-MM at its last day or `on`.
  Result<ReportCard> GroupCard(const Actor& actor, const std::string& institution_id,
                               const std::string& month, std::optional<std::string> on);
  Result<ReportCard> AreaCard(const Actor& actor, const std::string& area_id,
                              const std::string& month, std::optional<std::string> on);

 private:
  UnitOfWorkFactory& db_;
  const Clock& clock_;
};

// The days of a month "YYYY-MM": its first and last, or nullopt when it is not a month.
std::optional<std::pair<std::string, std::string>> MonthDays(const std::string& month);

}  // namespace mobilise::domain
