// The group ledger's pure rules: the kinds of entry, what each does to the group's cash in hand,
// its bank balance, its members' savings and a loan's outstanding principal, and every balance
// as a sum of entries. Amounts are integers in the currency's minor units (no floating point
// anywhere near money). Nothing here reads a database.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mobilise::domain {

using Money = std::int64_t;  // minor units (e.g. puls, kopiykas, paise)

enum class EntryKind {
  kCompulsorySaving,  // a member pays in (cash in)
  kVoluntarySaving,   // a member pays in (cash in)
  kSavingWithdrawal,  // a member takes savings back (cash out)
  kLoanDisbursement,  // a loan paid out to a member (cash out, outstanding up)
  kPrincipalRepaid,   // (cash in, outstanding down)
  kInterestPaid,      // (cash in, group income)
  kPenalty,           // (cash in, group income)
  kBankDeposit,       // cash to the bank (cash out, bank up)
  kBankWithdrawal,    // bank to cash (cash in, bank down)
  kCashAdjustment,    // signed: a counted surplus (+) or shortfall (-)
  kLoanWrittenOff,    // no cash: outstanding down, a loss to the group
  kOpeningSavings,    // cut-off balance of a member's savings brought in (no cash)
  kOpeningLoan,       // cut-off outstanding of a loan brought in (no cash)
  kOpeningCash,       // cut-off cash in hand brought in
  kOpeningBank,       // cut-off bank balance brought in
};

std::string_view EntryKindId(EntryKind kind);
std::optional<EntryKind> ParseEntryKind(std::string_view id);
const std::vector<EntryKind>& AllEntryKinds();

// What one entry of `amount` does to the group's cash in hand, its bank balance, the member's
// savings and the loan's outstanding principal (each a signed multiple of the amount).
struct EntryEffect {
  int cash = 0, bank = 0, savings = 0, outstanding = 0;
};
EntryEffect EffectOf(EntryKind kind);
// A cash movement counted at a meeting (the cut-off kinds are not).
bool IsMeetingKind(EntryKind kind);

struct LedgerEntry {
  std::string id;
  std::string institution_id;
  std::string area_path;
  std::string entry_on;  // YYYY-MM-DD
  EntryKind kind = EntryKind::kCashAdjustment;
  Money amount = 0;  // a reversal carries the opposite sign of what it reverses
  std::optional<std::string> membership_id, loan_id, meeting_id, reverses_id, reason;
  std::string created_at;
  std::optional<std::string> created_by;
  std::string created_by_name;  // filled by reads
};

// A group's balances at the end of the entries given: each the sum of the entries' effects.
struct Balances {
  Money cash = 0, bank = 0, savings = 0, outstanding = 0, interest = 0, penalties = 0,
        written_off = 0, adjustments = 0;
  // What the cut-off balances brought in: cash + bank + loans - savings.
  Money opening_equity = 0;
  std::map<std::string, Money> member_savings;    // by membership id
  std::map<std::string, Money> loan_outstanding;  // by loan id
  bool operator==(const Balances&) const = default;
};
Balances BalancesOf(const std::vector<LedgerEntry>& entries);
// Nothing created or lost: what the group holds (cash, bank, loans out, losses written off)
// equals what it owes its members (savings) plus what it earned (interest, penalties), counted
// differences and the cut-off equity. Holds for any entries whatsoever; a test checks it.
bool Conserved(const Balances& b);

// The reversal of `entry`: the same kind, member, loan and meeting with the opposite amount.
// Refused (nullopt) for an entry that is itself a reversal.
std::optional<LedgerEntry> ReversalOf(const LedgerEntry& entry);

// The amount as text in units: 12345 with 2 digits -> "123.45", -5 -> "-0.05".
std::string FormatMoney(Money amount, int digits);

}  // namespace mobilise::domain
