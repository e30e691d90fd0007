// The OpenAPI rows of group books (book_routes.cpp).
#include "api/book_json.hpp"
#include "api/openapi_table.hpp"

namespace mobilise::api::openapi_table {

std::vector<OperationSchema> BookOperations() {
  const Schema none;
  auto ledger = [] { return ItemsOf(&LedgerEntryShape, {})(); };
  return {
      {"GET", "/api/v1/institutions/{id}/books", 200, One(&GroupBooksShape), none},
      {"GET", "/api/v1/institutions/{id}/ledger", 200, ledger, none},
      {"POST", "/api/v1/institutions/{id}/book-rules", 201, One(&BookRulesShape), Reads(ReadRules)},
      {"POST", "/api/v1/institutions/{id}/meetings", 201, One(&BookMeetingShape),
       Reads(ReadMeeting)},
      {"GET", "/api/v1/institutions/{id}/report-card", 200, One(&ReportCardShape), none},
      {"GET", "/api/v1/book-meetings/{id}", 200, One(&BookMeetingShape), none},
      {"GET", "/api/v1/member-loans/{id}", 200, One(&LoanShape), none},
      {"POST", "/api/v1/member-loans/{id}/reschedule", 200, One(&LoanShape), Reads(ReadReschedule)},
      {"POST", "/api/v1/member-loans/{id}/write-off", 200, One(&LoanShape), Reads(ReadWriteOff)},
      {"POST", "/api/v1/ledger-entries/{id}/reverse", 201, One(&LedgerEntryShape),
       Reads(ReadReason)},
      {"GET", "/api/v1/book-report-card", 200, One(&ReportCardShape), none},
  };
}

std::vector<const ShapeBase*> BookShapes() {
  return {&GroupBooksShape(), &BookRulesShape(),   &BookMeetingShape(),
          &LoanShape(),       &LedgerEntryShape(), &ReportCardShape()};
}

}  // namespace mobilise::api::openapi_table
