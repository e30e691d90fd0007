#include "domain/finance/loan_rules.hpp"

#include <chrono>
#include <cstdio>

namespace mobilise::domain {
namespace {

namespace chr = std::chrono;

chr::year_month_day ParseYmd(const std::string& date) {
  int y = 0;
  unsigned m = 0, d = 0;
  std::sscanf(date.c_str(), "%d-%u-%u", &y, &m, &d);
  return chr::year_month_day{chr::year{y}, chr::month{m}, chr::day{d}};
}

std::string FormatYmd(chr::year_month_day ymd) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

// x * bp / 10000, rounded half up (x >= 0).
Money Percent(Money x, int bp) { return (x * bp + 5000) / 10000; }

}  // namespace

std::string_view InterestRuleId(InterestRule rule) {
  return rule == InterestRule::kFlat ? "flat" : "declining";
}

std::optional<InterestRule> ParseInterestRule(std::string_view id) {
  if (id == "flat") return InterestRule::kFlat;
  if (id == "declining") return InterestRule::kDeclining;
  return std::nullopt;
}

int DaysBetween(const std::string& from, const std::string& to) {
  return static_cast<int>((chr::sys_days(ParseYmd(to)) - chr::sys_days(ParseYmd(from))).count());
}

std::string AddMonths(const std::string& date, int months) {
  const auto ymd = ParseYmd(date);
  const auto ym = chr::year_month(ymd.year(), ymd.month()) + chr::months(months);
  const auto last = chr::year_month_day_last(ym.year(), chr::month_day_last(ym.month())).day();
  return FormatYmd(chr::year_month_day(ym.year(), ym.month(), std::min(ymd.day(), last)));
}

std::string AddDays(const std::string& date, int days) {
  return FormatYmd(chr::year_month_day(chr::sys_days(ParseYmd(date)) + chr::days(days)));
}

namespace {

// `principal` over `count` instalments due monthly, the first `first_offset` months after
// `base` (counted from `base` each time, so the 31st stays the month's last day).
std::vector<Instalment> Spread(Money principal, InterestRule rule, int interest_bp, int count,
                               const std::string& base, int first_offset, int first_number) {
  std::vector<Instalment> out;
  if (count <= 0) return out;
  const Money part = principal / count;
  Money left = principal;
  for (int i = 0; i < count; ++i) {
    Instalment in;
    in.number = first_number + i;
    in.due_on = AddMonths(base, first_offset + i);
    in.principal = i + 1 == count ? left : part;
    in.interest = Percent(rule == InterestRule::kFlat ? principal : left, interest_bp);
    left -= in.principal;
    out.push_back(in);
  }
  return out;
}

}  // namespace

std::vector<Instalment> Schedule(Money principal, InterestRule rule, int interest_bp, int count,
                                 const std::string& disbursed_on, int first_number) {
  return Spread(principal, rule, interest_bp, count, disbursed_on, 1, first_number);
}

std::vector<Instalment> RescheduleOutstanding(const std::vector<Instalment>& schedule, Money repaid,
                                              Money outstanding, InterestRule rule, int interest_bp,
                                              int count, const std::string& first_due_on) {
  std::vector<Instalment> out;
  Money covered = 0;
  for (const auto& in : schedule) {
    if (covered >= repaid) break;
    Instalment kept = in;
    kept.principal = std::min(in.principal, repaid - covered);
    covered += kept.principal;
    out.push_back(kept);
  }
  const int next = out.empty() ? 1 : out.back().number + 1;
  for (auto& in : Spread(outstanding, rule, interest_bp, count, first_due_on, 0, next))
    out.push_back(in);
  return out;
}

std::vector<LoanMovement> MovementsOf(const std::vector<LedgerEntry>& entries,
                                      const std::string& loan_id) {
  std::vector<LoanMovement> out;
  for (const auto& e : entries)
    if (e.loan_id == loan_id && EffectOf(e.kind).outstanding != 0)
      out.push_back({e.entry_on, e.kind, e.amount});
  return out;
}

LoanPosition PositionAt(const std::vector<Instalment>& schedule,
                        const std::vector<LoanMovement>& movements, const std::string& on) {
  LoanPosition p;
  for (const auto& m : movements) {
    if (m.on > on) continue;
    if (m.kind == EntryKind::kLoanDisbursement || m.kind == EntryKind::kOpeningLoan)
      p.disbursed += m.amount;
    if (m.kind == EntryKind::kPrincipalRepaid) p.repaid += m.amount;
    if (m.kind == EntryKind::kLoanWrittenOff) p.written_off += m.amount;
  }
  p.outstanding = p.disbursed - p.repaid - p.written_off;
  if (p.disbursed == 0) return p;
  Money cumulative = 0;
  for (const auto& in : schedule) {
    cumulative += in.principal;
    if (in.due_on <= on) p.due += in.principal;
    if (cumulative > p.repaid && in.due_on < on && p.days_overdue == 0)
      p.days_overdue = DaysBetween(in.due_on, on);
  }
  p.arrears = std::max<Money>(0, p.due - p.repaid);
  if (p.outstanding <= 0) p.days_overdue = 0;
  return p;
}

}  // namespace mobilise::domain
