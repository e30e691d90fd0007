// The report card of a group (or of every group of an area) for a period, pure: meetings held,
// attendance, savings, loans, repayment rate and PAR30, from the meetings, the ledger entries and
// the loans' schedules. Balances are at the end of day `on`; flows are within [from, to] and up to
// `on`.
//   repayment rate = principal repaid against instalments due by `on` (each loan's repaid
//                    counted up to its due) / principal due by `on`
//   PAR30          = outstanding of loans with an instalment more than 30 days overdue
//                    / outstanding of all loans (gross portfolio), at `on`
// Written-off loans leave the portfolio on their write-off date.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/finance/ledger_rules.hpp"
#include "domain/finance/loan_rules.hpp"

namespace mobilise::domain {

struct MeetingTally {
  std::string held_on;
  int members = 0, present = 0;
};

struct LoanBook {
  std::string id;
  std::vector<Instalment> schedule;
};

struct ReportCard {
  std::string from, to, on;
  int groups = 0, meetings = 0, listed = 0, present = 0;
  std::optional<double> attendance_percent;
  Money savings_in_period = 0, savings_to_date = 0;
  int loans_disbursed = 0;
  Money disbursed_in_period = 0, repaid_in_period = 0, interest_in_period = 0;
  int loans_outstanding = 0;
  Money outstanding = 0, arrears = 0, par30_outstanding = 0, due = 0, repaid_against_due = 0;
  std::optional<double> repayment_rate_percent, par30_percent;
  Money cash = 0, bank = 0;
};

// `entries` may span many groups and any dates (those after `on` are ignored); `loans` are the
// loans the entries name.
ReportCard CardOf(const std::string& from, const std::string& to, const std::string& on,
                  const std::vector<MeetingTally>& meetings,
                  const std::vector<LedgerEntry>& entries, const std::vector<LoanBook>& loans);

}  // namespace mobilise::domain
