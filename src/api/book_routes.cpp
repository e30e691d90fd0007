// Group books: /institutions/{id}/books (+ /ledger, /book-rules, /meetings, /report-card),
// /book-meetings/{id}, /member-loans/{id} (+ /reschedule, /write-off),
// /ledger-entries/{id}/reverse, and /book-report-card (an area's groups).
#include "api/book_json.hpp"
#include "api/route_table.hpp"
#include "api/routes.hpp"

namespace mobilise::api {

namespace {

http::Response GetBooks(Services& s, Call& c) {
  return Reply(s.books.Books(c.actor(), c.param("id")), 200, GroupBooksJson);
}

http::Response GetLedger(Services& s, Call& c) {
  return Reply(s.books.Ledger(c.actor(), c.param("id")), 200, LedgerJson);
}

http::Response AddRules(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadRules);
  if (!in) return ErrorResponse(in.error());
  return Reply(s.books.AddRules(c.actor(), c.param("id"), *in), 201, BookRulesJson);
}

http::Response RecordMeeting(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadMeeting);
  if (!in) return ErrorResponse(in.error());
  return Reply(s.books.RecordMeeting(c.actor(), c.param("id"), *in), 201, BookMeetingJson);
}

http::Response GetMeeting(Services& s, Call& c) {
  return Reply(s.books.GetMeeting(c.actor(), c.param("id")), 200, BookMeetingJson);
}

http::Response GetLoan(Services& s, Call& c) {
  return Reply(s.books.GetLoan(c.actor(), c.param("id"), QueryText(c.request, "on")), 200,
               LoanJson);
}

http::Response Reschedule(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadReschedule);
  if (!in) return ErrorResponse(in.error());
  const auto& id = c.param("id");
  return Updated(
      s.books.Reschedule(c.actor(), id, *in), [&] { return s.books.GetLoan(c.actor(), id); },
      LoanJson);
}

http::Response WriteOff(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadWriteOff);
  if (!in) return ErrorResponse(in.error());
  const auto& id = c.param("id");
  return Updated(
      s.books.WriteOff(c.actor(), id, *in), [&] { return s.books.GetLoan(c.actor(), id); },
      LoanJson);
}

http::Response Reverse(Services& s, Call& c) {
  auto in = ReadBody(c.request, ReadReason);
  if (!in) return ErrorResponse(in.error());
  return Reply(s.books.Reverse(c.actor(), c.param("id"), *in), 201, LedgerEntryJson);
}

http::Response GroupCard(Services& s, Call& c) {
  return Reply(
      s.books.GroupCard(c.actor(), c.param("id"), QueryText(c.request, "month").value_or(""),
                        QueryText(c.request, "on")),
      200, ReportCardJson);
}

http::Response AreaCard(Services& s, Call& c) {
  return Reply(
      s.books.AreaCard(c.actor(), QueryText(c.request, "area").value_or(""),
                       QueryText(c.request, "month").value_or(""), QueryText(c.request, "on")),
      200, ReportCardJson);
}

}  // namespace

void AddBookRoutes(RouteTable& t, Services& s) {
  static constexpr AuthedRoute<Services> kRoutes[] = {
      {"GET", "/api/v1/institutions/{id}/books", GetBooks},
      {"GET", "/api/v1/institutions/{id}/ledger", GetLedger},
      {"POST", "/api/v1/institutions/{id}/book-rules", AddRules, Create::kJson},
      {"POST", "/api/v1/institutions/{id}/meetings", RecordMeeting, Create::kJson, GetMeeting},
      {"GET", "/api/v1/institutions/{id}/report-card", GroupCard},
      {"GET", "/api/v1/book-meetings/{id}", GetMeeting},
      {"GET", "/api/v1/member-loans/{id}", GetLoan},
      {"POST", "/api/v1/member-loans/{id}/reschedule", Reschedule},
      {"POST", "/api/v1/member-loans/{id}/write-off", WriteOff},
      {"POST", "/api/v1/ledger-entries/{id}/reverse", Reverse},
      {"GET", "/api/v1/book-report-card", AreaCard},
  };
  t.Authed(s, kRoutes);
}

}  // namespace mobilise::api
