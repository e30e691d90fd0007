// Property test, seeded: random sequences of meetings (savings, withdrawals, penalties, new
// loans, repayments, bank movements), reversals and write-offs, checked and posted by the same
// rules the service uses. After every step the balances derived from the entries equal those of
// an independent model kept step by step (nothing created or lost), the group's conservation
// identity holds, no balance is negative, and the order of the entries does not matter.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "domain/finance/meeting_rules.hpp"

namespace mobilise::domain {
namespace {

struct Model {  // what the group holds, kept by the meaning of each operation
  Money cash = 0, bank = 0;
  std::map<std::string, Money> savings, outstanding;
};

class Group {
 public:
  explicit Group(unsigned seed) : rng_(seed) {
    for (int i = 0; i < 5; ++i) members_.push_back("m" + std::to_string(i));
    rules_.interest_rule = InterestRule::kDeclining;
    rules_.interest_bp = 200;
  }

  void Step() {
    const int what = Pick(0, 9);
    if (what < 7) return Meeting();
    if (what < 9) return Reverse();
    WriteOff();
  }

  void Check() const {
    const auto b = BalancesOf(entries_);
    EXPECT_EQ(b.cash, model_.cash);
    EXPECT_EQ(b.bank, model_.bank);
    EXPECT_TRUE(Conserved(b));
    for (const auto& m : members_) EXPECT_EQ(Of(b.member_savings, m), Of(model_.savings, m)) << m;
    for (const auto& [loan, out] : model_.outstanding) EXPECT_EQ(Of(b.loan_outstanding, loan), out);
    EXPECT_GE(b.cash, 0);
    EXPECT_GE(b.bank, 0);
    for (const auto& [k, v] : b.member_savings) EXPECT_GE(v, 0) << k;
    for (const auto& [k, v] : b.loan_outstanding) EXPECT_GE(v, 0) << k;
    auto shuffled = entries_;
    std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(entries_.size()));
    EXPECT_EQ(BalancesOf(shuffled), b);
  }

  std::size_t Entries() const { return entries_.size(); }

 private:
  static Money Of(const std::map<std::string, Money>& m, const std::string& k) {
    auto it = m.find(k);
    return it == m.end() ? 0 : it->second;
  }
  int Pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  Money Amount(Money max) {
    return max <= 0 ? 0 : std::uniform_int_distribution<Money>(0, max)(rng_);
  }

  MeetingContext Context() {
    MeetingContext ctx;
    ctx.today = "2030-01-01";
    ctx.last_held_on = day_ > 0 ? std::optional(Day(day_)) : std::nullopt;
    ctx.balances = BalancesOf(entries_);
    for (const auto& m : members_) ctx.members[m] = m;
    for (const auto& l : loans_) ctx.loans[l.id] = &l;
    ctx.purposes = {"livestock"};
    ctx.rules = rules_;
    return ctx;
  }
  static std::string Day(int n) { return AddDays("2026-01-01", n); }

  MeetingInput RandomMeeting(const MeetingContext& ctx, std::vector<std::string>& new_ids) {
    MeetingInput in;
    in.held_on = Day(day_ + Pick(1, 10));
    in.opening_cash = ctx.balances.cash;
    Money cash = in.opening_cash;
    for (const auto& m : members_) {
      MeetingMemberInput line;
      line.membership_id = m;
      line.present = Pick(0, 4) > 0;
      line.compulsory_saving = Amount(5'000);
      line.voluntary_saving = Pick(0, 3) == 0 ? Amount(20'000) : 0;
      line.penalty = Pick(0, 5) == 0 ? Amount(500) : 0;
      cash += line.compulsory_saving + line.voluntary_saving + line.penalty;
      if (Pick(0, 6) == 0) {
        // At most what the member saved, and what the group has in hand.
        line.saving_withdrawal = Amount(std::min(Of(ctx.balances.member_savings, m), cash));
        cash -= line.saving_withdrawal;
      }
      for (const auto& l : loans_) {
        const Money out = Of(ctx.balances.loan_outstanding, l.id);
        if (l.membership_id != m || l.status != LoanStatus::kActive || out == 0) continue;
        RepaymentInput r{l.id, Amount(out), Amount(2'000)};
        cash += r.principal + r.interest;
        line.repayments.push_back(r);
      }
      in.members.push_back(line);
    }
    // A new loan when the cash allows it (a meeting never spends cash it does not have).
    if (cash > 1'000 && Pick(0, 2) == 0) {
      auto& line = in.members[static_cast<std::size_t>(Pick(0, 4))];
      line.new_loan = NewLoanInput{std::nullopt, "livestock", Amount(cash - 1) + 1, Pick(1, 12)};
      cash -= line.new_loan->principal;
      new_ids.push_back("loan" + std::to_string(loans_.size() + new_ids.size()));
    }
    in.bank_deposit = Pick(0, 2) == 0 ? Amount(cash) : 0;
    cash -= in.bank_deposit;
    in.bank_withdrawal = Pick(0, 3) == 0 ? Amount(ctx.balances.bank) : 0;
    cash += in.bank_withdrawal;
    in.closing_cash = cash;
    return in;
  }

  void Meeting() {
    const auto ctx = Context();
    std::vector<std::string> new_ids;
    auto in = RandomMeeting(ctx, new_ids);
    // A miscounted closing cash is refused, naming the difference.
    const Money off = Pick(1, 1000) * (Pick(0, 1) ? 1 : -1);
    in.closing_cash += off;
    auto refused = CheckMeeting(in, ctx);
    in.closing_cash -= off;
    if (in.closing_cash + off >= 0) {
      ASSERT_TRUE(refused.count("closing_cash"));
      EXPECT_EQ(std::get<std::string>(refused.at("closing_cash").params().at("difference")),
                std::to_string(off));
    }
    const auto errors = CheckMeeting(in, ctx);
    ASSERT_TRUE(errors.empty()) << errors.begin()->first << ": " << errors.begin()->second;
    const auto post = PostMeeting(in, ctx, "meeting" + std::to_string(day_), new_ids);
    for (const auto& e : post.entries) Append(e);
    for (const auto& l : post.loans) loans_.push_back(l);
    // The model: what each line means, written without the ledger's effect table.
    model_.cash = in.closing_cash;
    model_.bank += in.bank_deposit - in.bank_withdrawal;
    std::size_t next = 0;
    for (const auto& line : in.members) {
      model_.savings[line.membership_id] +=
          line.compulsory_saving + line.voluntary_saving - line.saving_withdrawal;
      for (const auto& r : line.repayments) model_.outstanding[r.loan_id] -= r.principal;
      if (line.new_loan) model_.outstanding[new_ids[next++]] += line.new_loan->principal;
    }
    day_ = DaysBetween("2026-01-01", in.held_on);
  }

  void Reverse() {
    if (entries_.empty()) return;
    const auto& e =
        entries_[static_cast<std::size_t>(Pick(0, static_cast<int>(entries_.size()) - 1))];
    if (e.reverses_id || reversed_.count(e.id) || e.kind == EntryKind::kLoanWrittenOff) return;
    for (const auto& l : loans_)  // a written-off loan's entries stay as they are
      if (e.loan_id == l.id && l.status != LoanStatus::kActive) return;
    const auto b = BalancesOf(entries_);
    const auto fx = EffectOf(e.kind);
    const auto after = [&](int effect, Money balance) { return balance - effect * e.amount; };
    if (after(fx.cash, b.cash) < 0 || after(fx.bank, b.bank) < 0 ||
        (e.membership_id && after(fx.savings, Of(b.member_savings, *e.membership_id)) < 0) ||
        (e.loan_id && after(fx.outstanding, Of(b.loan_outstanding, *e.loan_id)) < 0))
      return;  // the service refuses these (the money was used since)
    auto r = *ReversalOf(e);
    r.id = "r" + e.id;
    reversed_.insert({e.id, true});
    model_.cash -= fx.cash * e.amount;
    model_.bank -= fx.bank * e.amount;
    if (e.membership_id) model_.savings[*e.membership_id] -= fx.savings * e.amount;
    if (e.loan_id) model_.outstanding[*e.loan_id] -= fx.outstanding * e.amount;
    Append(r);
  }

  void WriteOff() {
    const auto b = BalancesOf(entries_);
    for (auto& l : loans_) {
      const Money out = Of(b.loan_outstanding, l.id);
      if (l.status != LoanStatus::kActive || out == 0) continue;
      LedgerEntry e;
      e.kind = EntryKind::kLoanWrittenOff;
      e.amount = out;
      e.loan_id = l.id;
      e.membership_id = l.membership_id;
      l.status = LoanStatus::kWrittenOff;
      model_.outstanding[l.id] = 0;
      Append(e);
      return;
    }
  }

  void Append(LedgerEntry e) {
    if (e.id.empty()) e.id = "e" + std::to_string(entries_.size());
    e.entry_on = Day(day_);
    entries_.push_back(std::move(e));
  }

  std::mt19937 rng_;
  std::vector<std::string> members_;
  BookRules rules_;
  std::vector<MemberLoan> loans_;
  std::vector<LedgerEntry> entries_;
  std::map<std::string, bool> reversed_;
  Model model_;
  int day_ = 0;
};

TEST(BookProperty, BalancesAreTheSumOfEntriesAndNothingIsCreatedOrLost) {
  for (unsigned seed = 1; seed <= 25; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    Group g(seed);
    for (int step = 0; step < 60; ++step) {
      g.Step();
      g.Check();
      if (::testing::Test::HasFailure()) return;
    }
    EXPECT_GT(g.Entries(), 0u);
  }
}

}  // namespace
}  // namespace mobilise::domain
