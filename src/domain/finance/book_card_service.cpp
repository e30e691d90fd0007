// BookService: report cards of a group and of an area.
#include "core/id.hpp"
#include "domain/areas/area_scope.hpp"
#include "domain/finance/book_access.hpp"
#include "domain/finance/book_service.hpp"

namespace mobilise::domain {
namespace {

// The month's days and the date of the balances, or the field error.
Result<std::array<std::string, 3>> CardDays(const std::string& month,
                                            const std::optional<std::string>& on) {
  const auto days = MonthDays(month);
  if (!days) return Fail(Error::Field("month", problem::NotAPeriod()));
  if (on && !IsValidDate(*on)) return Fail(Error::Field("on", problem::NotADate()));
  return std::array<std::string, 3>{days->first, days->second, on.value_or(days->second)};
}

}  // namespace

Result<ReportCard> BookService::GroupCard(const Actor& actor, const std::string& institution_id,
                                          const std::string& month, std::optional<std::string> on) {
  auto days = CardDays(month, on);
  if (!days) return Fail(days.error());
  const auto& [from, to, at] = *days;
  auto uow = db_.Begin(false);
  auto group = FindGroup(*uow, actor, institution_id, std::nullopt, false);
  if (!group) return Fail(group.error());
  auto& books = uow->Books();
  std::vector<MeetingTally> meetings;
  for (const auto& m : books.Meetings(group->id))
    meetings.push_back({m.held_on, m.members, m.present});
  std::vector<LoanBook> loans;
  for (const auto& l : books.Loans(group->id)) loans.push_back({l.id, l.schedule});
  auto card = CardOf(from, to, at, meetings, books.Entries(group->id), loans);
  card.groups = 1;
  return card;
}

Result<ReportCard> BookService::AreaCard(const Actor& actor, const std::string& area_id,
                                         const std::string& month, std::optional<std::string> on) {
  auto days = CardDays(month, on);
  if (!days) return Fail(days.error());
  const auto& [from, to, at] = *days;
  auto uow = db_.Begin(false);
  auto area = VisibleArea(uow->Areas(), actor, area_id, "area");
  if (!area) return Fail(area.error());
  if (!actor.Can(Permission::kRegistryRead, area->path))
    return Fail(Error::Field("area", problem::NoSuchInScope("area")));
  const auto scope = SubtreeRange(area->path);
  auto& books = uow->Books();
  auto card = CardOf(from, to, at, books.MeetingTallies(scope, from, to),
                     books.EntriesIn(scope, at), books.LoanBooks(scope));
  card.groups = books.GroupCount(scope);
  return card;
}

}  // namespace mobilise::domain
