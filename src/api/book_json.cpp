#include "api/book_json.hpp"

#include "api/handler_io.hpp"

namespace mobilise::api {

namespace json = boost::json;
using namespace domain;

namespace {

const Shape<Instalment>& InstalmentShape() {
  static const auto shape = Shape<Instalment>("Instalment")
                                .Field("number", &Instalment::number)
                                .Field("due_on", &Instalment::due_on)
                                .Field("principal", &Instalment::principal)
                                .Field("interest", &Instalment::interest);
  return shape;
}

const Shape<LoanPosition>& PositionShape() {
  using P = LoanPosition;
  static const auto shape = Shape<P>("LoanPosition")
                                .Field("disbursed", &P::disbursed)
                                .Field("repaid", &P::repaid)
                                .Field("written_off", &P::written_off)
                                .Field("outstanding", &P::outstanding)
                                .Field("due", &P::due)
                                .Field("arrears", &P::arrears)
                                .Field("days_overdue", &P::days_overdue);
  return shape;
}

const Shape<AttendanceMark>& AttendanceShape() {
  using A = AttendanceMark;
  static const auto shape = Shape<A>("BookAttendance")
                                .Field("membership_id", &A::membership_id)
                                .Field("member_name", &A::member_name)
                                .Field("present", &A::present);
  return shape;
}

const Shape<MemberBalance>& MemberBalanceShape() {
  using M = MemberBalance;
  static const auto shape = Shape<M>("BookMemberBalance")
                                .Field("membership_id", &M::membership_id)
                                .Field("name", &M::name)
                                .Field("savings", &M::savings)
                                .Field("outstanding", &M::outstanding);
  return shape;
}

const Shape<Balances>& BalancesShape() {
  using B = Balances;
  static const auto shape = Shape<B>("BookBalances")
                                .Field("cash", &B::cash)
                                .Field("bank", &B::bank)
                                .Field("savings", &B::savings)
                                .Field("outstanding", &B::outstanding)
                                .Field("interest", &B::interest)
                                .Field("penalties", &B::penalties)
                                .Field("written_off", &B::written_off)
                                .Field("adjustments", &B::adjustments)
                                .Field("opening_equity", &B::opening_equity);
  return shape;
}

}  // namespace

const Shape<BookRules>& BookRulesShape() {
  using R = BookRules;
  static const auto shape =
      Shape<R>("BookRules")
          .Field("id", &R::id)
          .Field("institution_id", &R::institution_id)
          .Field("effective_from", &R::effective_from)
          .Field("saving_amount", &R::saving_amount)
          .Field("saving_frequency", &R::saving_frequency)
          .Computed("interest_rule",
                    [](const R& r) { return std::string(InterestRuleId(r.interest_rule)); })
          .Field("interest_bp", &R::interest_bp)
          .Field("penalty_absence", &R::penalty_absence)
          .Field("penalty_late", &R::penalty_late)
          .Field("created_at", &R::created_at);
  return shape;
}

const Shape<BookMeeting>& BookMeetingShape() {
  using M = BookMeeting;
  static const auto shape =
      Shape<M>("BookMeeting")
          .Field("id", &M::id)
          .Field("institution_id", &M::institution_id)
          .Field("held_on", &M::held_on)
          .Field("opening_cash", &M::opening_cash)
          .Field("closing_cash", &M::closing_cash)
          .Field("members", &M::members)
          .Field("present", &M::present)
          .Field("created_at", &M::created_at)
          .Field("created_by", &M::created_by)
          .Nested("attendance", AttendanceShape(), [](const M& m) { return m.attendance; });
  return shape;
}

const Shape<LoanView>& LoanShape() {
  using L = MemberLoan;
  using V = LoanView;
  static const auto loan =
      Shape<L>("")
          .Field("id", &L::id)
          .Field("institution_id", &L::institution_id)
          .Field("membership_id", &L::membership_id)
          .Field("member_name", &L::member_name)
          .Field("meeting_id", &L::meeting_id)
          .Field("purpose", &L::purpose)
          .Field("principal", &L::principal)
          .Computed("interest_rule",
                    [](const L& l) { return std::string(InterestRuleId(l.interest_rule)); })
          .Field("interest_bp", &L::interest_bp)
          .Field("instalments", &L::instalments)
          .Field("disbursed_on", &L::disbursed_on)
          .Computed("status", [](const L& l) { return std::string(LoanStatusId(l.status)); })
          .Field("status_reason", &L::status_reason)
          .Field("reschedules", &L::reschedules)
          .Field("version", &L::version)
          .Nested("schedule", InstalmentShape(), [](const L& l) { return l.schedule; });
  static const auto shape =
      Shape<V>("MemberLoan")
          .Include(loan, [](const V& v) -> const L& { return v.loan; })
          .Field("on", &V::on)
          .Nested("position", PositionShape(), [](const V& v) { return v.position; });
  return shape;
}

const Shape<LedgerEntry>& LedgerEntryShape() {
  using E = LedgerEntry;
  static const auto shape =
      Shape<E>("LedgerEntry")
          .Field("id", &E::id)
          .Field("institution_id", &E::institution_id)
          .Field("entry_on", &E::entry_on)
          .Computed("kind", [](const E& e) { return std::string(EntryKindId(e.kind)); })
          .Field("amount", &E::amount)
          .Field("membership_id", &E::membership_id)
          .Field("loan_id", &E::loan_id)
          .Field("meeting_id", &E::meeting_id)
          .Field("reverses_id", &E::reverses_id)
          .Field("reason", &E::reason)
          .Field("created_at", &E::created_at)
          .Field("created_by_name", &E::created_by_name);
  return shape;
}

const Shape<GroupBooks>& GroupBooksShape() {
  using G = GroupBooks;
  static const auto shape =
      Shape<G>("GroupBooks")
          .Computed("institution_id", [](const G& g) { return g.group.id; })
          .Computed("institution_name", [](const G& g) { return g.group.name; })
          .Computed("institution_status", [](const G& g) { return g.group.status; })
          .Field("currency", &G::currency)
          .Field("currency_digits", &G::currency_digits)
          .Field("on", &G::on)
          .Nested("balances", BalancesShape(), [](const G& g) { return g.balances; })
          .Nested("members", MemberBalanceShape(), [](const G& g) { return g.members; })
          .Nested("rules", BookRulesShape(), [](const G& g) { return g.rules; })
          .Nested("meetings", BookMeetingShape(), [](const G& g) { return g.meetings; })
          .Nested("loans", LoanShape(), [](const G& g) { return g.loans; })
          .Field("loan_purposes", &G::loan_purposes);
  return shape;
}

const Shape<ReportCard>& ReportCardShape() {
  using C = ReportCard;
  static const auto shape = Shape<C>("BookReportCard")
                                .Field("from", &C::from)
                                .Field("to", &C::to)
                                .Field("on", &C::on)
                                .Field("groups", &C::groups)
                                .Field("meetings", &C::meetings)
                                .Field("listed", &C::listed)
                                .Field("present", &C::present)
                                .Field("attendance_percent", &C::attendance_percent)
                                .Field("savings_in_period", &C::savings_in_period)
                                .Field("savings_to_date", &C::savings_to_date)
                                .Field("loans_disbursed", &C::loans_disbursed)
                                .Field("disbursed_in_period", &C::disbursed_in_period)
                                .Field("repaid_in_period", &C::repaid_in_period)
                                .Field("interest_in_period", &C::interest_in_period)
                                .Field("loans_outstanding", &C::loans_outstanding)
                                .Field("outstanding", &C::outstanding)
                                .Field("arrears", &C::arrears)
                                .Field("par30_outstanding", &C::par30_outstanding)
                                .Field("due", &C::due)
                                .Field("repaid_against_due", &C::repaid_against_due)
                                .Field("repayment_rate_percent", &C::repayment_rate_percent)
                                .Field("par30_percent", &C::par30_percent)
                                .Field("cash", &C::cash)
                                .Field("bank", &C::bank);
  return shape;
}

json::object GroupBooksJson(const GroupBooks& b) { return GroupBooksShape().Write(b); }
json::object BookRulesJson(const BookRules& r) { return BookRulesShape().Write(r); }
json::object BookMeetingJson(const BookMeeting& m) { return BookMeetingShape().Write(m); }
json::object LoanJson(const LoanView& l) { return LoanShape().Write(l); }
json::object LedgerEntryJson(const LedgerEntry& e) { return LedgerEntryShape().Write(e); }
json::object LedgerJson(const std::vector<LedgerEntry>& v) { return ItemsJson(v, LedgerEntryJson); }
json::object ReportCardJson(const ReportCard& c) { return ReportCardShape().Write(c); }

RulesInput ReadRules(ObjectReader& r) {
  RulesInput in;
  in.effective_from = r.RequiredString("effective_from");
  in.saving_amount = r.RequiredInt("saving_amount");
  in.saving_frequency = r.RequiredString("saving_frequency");
  in.interest_rule = r.RequiredString("interest_rule");
  in.interest_bp = static_cast<int>(r.RequiredInt("interest_bp"));
  in.penalty_absence = r.OptionalInt("penalty_absence").value_or(0);
  in.penalty_late = r.OptionalInt("penalty_late").value_or(0);
  in.id = ReadClientId(r);
  return in;
}

namespace {

Money Amount(ObjectReader& r, const std::string& key) { return r.OptionalInt(key).value_or(0); }

NewLoanInput ReadNewLoan(ObjectReader& o) {
  NewLoanInput l;
  l.id = ReadClientId(o);
  l.purpose = o.RequiredString("purpose");
  l.principal = o.RequiredInt("principal");
  l.instalments = static_cast<int>(o.RequiredInt("instalments"));
  l.interest_rule = o.OptionalString("interest_rule");
  if (auto bp = o.OptionalInt("interest_bp")) l.interest_bp = static_cast<int>(*bp);
  return l;
}

MeetingMemberInput ReadMemberLine(ObjectReader& o) {
  MeetingMemberInput m;
  m.membership_id = o.RequiredString("membership_id");
  m.present = o.OptionalBool("present").value_or(false);
  m.compulsory_saving = Amount(o, "compulsory_saving");
  m.voluntary_saving = Amount(o, "voluntary_saving");
  m.saving_withdrawal = Amount(o, "saving_withdrawal");
  m.penalty = Amount(o, "penalty");
  m.repayments = ReadObjects<RepaymentInput>(o, "repayments", o.OptionalArray("repayments"),
                                             [](ObjectReader& p) {
                                               RepaymentInput x;
                                               x.loan_id = p.RequiredString("loan_id");
                                               x.principal = Amount(p, "principal");
                                               x.interest = Amount(p, "interest");
                                               return x;
                                             })
                     .value_or(std::vector<RepaymentInput>{});
  if (const auto* const* loan = o.NullableObject("new_loan"); loan && *loan) {
    ObjectReader item(**loan, o.Path("new_loan"));
    m.new_loan = ReadNewLoan(item);
    if (auto ok = item.Finish(); !ok)
      for (const auto& [k, v] : ok.error().fields) o.errors()[k] = v;
  }
  return m;
}

}  // namespace

MeetingInput ReadMeeting(ObjectReader& r) {
  MeetingInput in;
  in.id = ReadClientId(r);
  in.held_on = r.RequiredString("held_on");
  in.opening_cash = r.RequiredInt("opening_cash");
  in.closing_cash = r.RequiredInt("closing_cash");
  in.bank_deposit = Amount(r, "bank_deposit");
  in.bank_withdrawal = Amount(r, "bank_withdrawal");
  in.cash_adjustment = Amount(r, "cash_adjustment");
  in.members =
      ReadObjects<MeetingMemberInput>(r, "members", r.RequiredArray("members"), ReadMemberLine)
          .value_or(std::vector<MeetingMemberInput>{});
  return in;
}

LoanDecision ReadWriteOff(ObjectReader& r) {
  LoanDecision d;
  d.version = r.RequiredInt("version");
  d.reason = r.RequiredString("reason");
  return d;
}

LoanDecision ReadReschedule(ObjectReader& r) {
  auto d = ReadWriteOff(r);
  d.instalments = static_cast<int>(r.RequiredInt("instalments"));
  d.first_due_on = r.RequiredString("first_due_on");
  return d;
}

std::string ReadReason(ObjectReader& r) { return r.RequiredString("reason"); }

}  // namespace mobilise::api
