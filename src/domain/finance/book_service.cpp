// BookService: a group's books, its rules, and meetings.
#include "domain/finance/book_service.hpp"

#include <algorithm>

#include "core/id.hpp"
#include "domain/finance/book_access.hpp"
#include "domain/idempotency/idempotency.hpp"

namespace mobilise::domain {
namespace {

MeetingContext ContextOf(UnitOfWork& uow, const BookGroup& group, const std::string& held_on,
                         const std::string& today, const std::vector<MemberLoan>& loans) {
  auto& books = uow.Books();
  MeetingContext ctx;
  ctx.today = today;
  if (auto last = books.LastMeeting(group.id)) ctx.last_held_on = last->held_on;
  ctx.balances = BalancesOf(books.Entries(group.id));
  for (const auto& m : books.CurrentMembers(group.id)) ctx.members[m.membership_id] = m.name;
  for (const auto& l : loans) ctx.loans[l.id] = &l;
  ctx.purposes = books.LoanPurposes();
  ctx.rules = RulesOn(books.Rules(group.id), held_on);
  return ctx;
}

Snapshot MeetingSnapshot(const BookMeeting& m, std::size_t entries) {
  return {{"held_on", m.held_on},
          {"opening_cash", std::to_string(m.opening_cash)},
          {"closing_cash", std::to_string(m.closing_cash)},
          {"members", std::to_string(m.members)},
          {"present", std::to_string(m.present)},
          {"entries", std::to_string(entries)}};
}

BookMeeting MeetingOf(const MeetingInput& in, const BookGroup& group, const std::string& id) {
  BookMeeting m;
  m.id = id;
  m.institution_id = group.id;
  m.area_path = group.area_path;
  m.held_on = in.held_on;
  m.opening_cash = in.opening_cash;
  m.closing_cash = in.closing_cash;
  for (const auto& line : in.members) {
    m.attendance.push_back({line.membership_id, line.present, {}});
    ++m.members;
    m.present += line.present ? 1 : 0;
  }
  return m;
}

}  // namespace

Result<GroupBooks> BookService::Books(const Actor& actor, const std::string& institution_id) {
  auto uow = db_.Begin(false);
  auto group = FindGroup(*uow, actor, institution_id, std::nullopt, false);
  if (!group) return Fail(group.error());
  auto& books = uow->Books();
  GroupBooks out;
  out.group = *group;
  out.currency = books.Setting("currency", "AFN");
  out.currency_digits = std::clamp(std::atoi(books.Setting("currency_digits", "2").c_str()), 0, 4);
  out.on = clock_.Today();
  const auto entries = books.Entries(group->id);
  out.balances = BalancesOf(entries);
  for (const auto& m : books.CurrentMembers(group->id)) {
    MemberBalance b{m.membership_id, m.name};
    if (auto it = out.balances.member_savings.find(m.membership_id);
        it != out.balances.member_savings.end())
      b.savings = it->second;
    out.members.push_back(b);
  }
  for (auto& loan : books.Loans(group->id)) {
    LoanView v{loan, PositionAt(loan.schedule, MovementsOf(entries, loan.id), out.on), out.on};
    for (auto& m : out.members)
      if (m.membership_id == loan.membership_id) m.outstanding += v.position.outstanding;
    out.loans.push_back(std::move(v));
  }
  out.rules = books.Rules(group->id);
  out.meetings = books.Meetings(group->id);
  out.loan_purposes = books.LoanPurposes();
  return out;
}

Result<std::vector<LedgerEntry>> BookService::Ledger(const Actor& actor,
                                                     const std::string& institution_id) {
  auto uow = db_.Begin(false);
  auto group = FindGroup(*uow, actor, institution_id, std::nullopt, false);
  if (!group) return Fail(group.error());
  return uow->Books().Entries(group->id);
}

Result<BookRules> BookService::AddRules(const Actor& actor, const std::string& institution_id,
                                        const RulesInput& in) {
  auto uow = db_.Begin(true);
  if (auto ok = ClaimRecordId(*uow, RecordTable::kBookRules, in.id); !ok) return Fail(ok.error());
  auto group = FindGroup(*uow, actor, institution_id, Permission::kRegistryWrite, true);
  if (!group) return Fail(group.error());
  FieldErrors errors;
  BookRules r;
  r.id = NewRecordId(in.id, "id", errors);
  r.institution_id = group->id;
  r.area_path = group->area_path;
  if (!IsValidDate(in.effective_from)) errors["effective_from"] = problem::NotADate();
  r.effective_from = in.effective_from;
  CheckOneOf(errors, "saving_frequency", in.saving_frequency, {"weekly", "fortnightly", "monthly"});
  r.saving_frequency = in.saving_frequency;
  if (auto rule = ParseInterestRule(in.interest_rule))
    r.interest_rule = *rule;
  else
    errors["interest_rule"] = problem::OneOf(std::vector<std::string>{"flat", "declining"});
  if (in.interest_bp < 0 || in.interest_bp > 10000)
    errors["interest_bp"] = problem::WholeNumberRange(0, 10000);
  r.interest_bp = in.interest_bp;
  for (auto [field, amount] : {std::pair{"saving_amount", in.saving_amount},
                               {"penalty_absence", in.penalty_absence},
                               {"penalty_late", in.penalty_late}})
    if (amount < 0 || amount > 1'000'000'000) errors[field] = problem::OutOfRange(0, 1'000'000'000);
  r.saving_amount = in.saving_amount;
  r.penalty_absence = in.penalty_absence;
  r.penalty_late = in.penalty_late;
  for (const auto& old : uow->Books().Rules(group->id))
    if (old.effective_from == in.effective_from)
      errors["effective_from"] = problem::AlreadyRegistered();
  if (!errors.empty())
    return Fail(Error::Validation("the group's rules have invalid fields", errors));
  r.created_at = clock_.Timestamp();
  r.created_by = actor.UserId();
  uow->Books().InsertRules(r);
  RecordAudit(uow->Audit(), clock_, actor, "create", "book_rules", r.id, r.area_path, std::nullopt,
              Snapshot{{"effective_from", r.effective_from},
                       {"saving_amount", std::to_string(r.saving_amount)},
                       {"interest_rule", std::string(InterestRuleId(r.interest_rule))},
                       {"interest_bp", std::to_string(r.interest_bp)}});
  uow->Commit();
  return r;
}

Result<BookMeeting> BookService::RecordMeeting(const Actor& actor,
                                               const std::string& institution_id,
                                               const MeetingInput& in) {
  auto uow = db_.Begin(true);
  if (auto ok = ClaimRecordId(*uow, RecordTable::kBookMeeting, in.id); !ok) return Fail(ok.error());
  auto group = FindGroup(*uow, actor, institution_id, Permission::kRegistryWrite, true);
  if (!group) return Fail(group.error());
  if (group->status == "dissolved" || group->status == "merged")
    return Fail(Error::Conflict("the group is " + group->status + "; its books are closed"));
  const auto loans = uow->Books().Loans(group->id);
  const auto ctx = ContextOf(*uow, *group, in.held_on, clock_.Today(), loans);
  auto errors = CheckMeeting(in, ctx);
  const auto id = NewRecordId(in.id, "id", errors);
  std::vector<std::string> loan_ids;
  for (std::size_t i = 0; i < in.members.size(); ++i)
    if (const auto& l = in.members[i].new_loan)
      loan_ids.push_back(
          NewRecordId(l->id, "members[" + std::to_string(i) + "].new_loan.id", errors));
  if (!errors.empty()) return Fail(Error::Validation("the meeting cannot be closed", errors));
  auto post = PostMeeting(in, ctx, id, loan_ids);
  auto meeting = MeetingOf(in, *group, id);
  meeting.created_at = clock_.Timestamp();
  meeting.created_by = actor.UserId();
  auto& books = uow->Books();
  books.InsertMeeting(meeting);
  for (auto& loan : post.loans) {
    loan.institution_id = group->id;
    loan.area_path = group->area_path;
    loan.created_at = loan.updated_at = meeting.created_at;
    loan.created_by = loan.updated_by = actor.UserId();
    books.InsertLoan(loan);
  }
  for (auto& e : post.entries) {
    e.id = NewId();
    e.institution_id = group->id;
    e.area_path = group->area_path;
    e.created_at = meeting.created_at;
    e.created_by = actor.UserId();
  }
  books.InsertEntries(post.entries);
  RecordAudit(uow->Audit(), clock_, actor, "create", "book_meeting", id, group->area_path,
              std::nullopt, MeetingSnapshot(meeting, post.entries.size()));
  uow->Commit();
  return meeting;
}

Result<BookMeeting> BookService::GetMeeting(const Actor& actor, const std::string& id) {
  auto uow = db_.Begin(false);
  auto m = IsValidId(id) ? uow->Books().GetMeeting(id) : std::nullopt;
  if (!m || !SeesBooks(actor, m->area_path)) return Fail(Error::NotFound("meeting"));
  return *m;
}

std::optional<std::pair<std::string, std::string>> MonthDays(const std::string& month) {
  if (month.size() != 7 || !IsValidDate(month + "-01")) return std::nullopt;
  const auto first = month + "-01";
  return std::pair{first, AddDays(AddMonths(first, 1), -1)};
}

}  // namespace mobilise::domain
