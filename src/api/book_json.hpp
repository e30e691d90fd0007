// Group books as JSON (each writer is its Shape, see api/schema.hpp) and the readers of their
// request bodies. Amounts are integers in the currency's minor units.
#pragma once

#include <boost/json/object.hpp>

#include "api/json_io.hpp"
#include "api/schema.hpp"
#include "domain/finance/book_service.hpp"

namespace mobilise::api {

const Shape<domain::GroupBooks>& GroupBooksShape();
const Shape<domain::BookRules>& BookRulesShape();
const Shape<domain::BookMeeting>& BookMeetingShape();
const Shape<domain::LoanView>& LoanShape();
const Shape<domain::LedgerEntry>& LedgerEntryShape();
const Shape<domain::ReportCard>& ReportCardShape();

boost::json::object GroupBooksJson(const domain::GroupBooks& books);
boost::json::object BookRulesJson(const domain::BookRules& rules);
boost::json::object BookMeetingJson(const domain::BookMeeting& meeting);
boost::json::object LoanJson(const domain::LoanView& loan);
boost::json::object LedgerEntryJson(const domain::LedgerEntry& entry);
boost::json::object LedgerJson(const std::vector<domain::LedgerEntry>& entries);
boost::json::object ReportCardJson(const domain::ReportCard& card);

domain::RulesInput ReadRules(ObjectReader& r);
domain::MeetingInput ReadMeeting(ObjectReader& r);
// POST /member-loans/{id}/reschedule and /write-off: version, reason (+ instalments, first_due_on).
domain::LoanDecision ReadReschedule(ObjectReader& r);
domain::LoanDecision ReadWriteOff(ObjectReader& r);
// POST /ledger-entries/{id}/reverse: the reason.
std::string ReadReason(ObjectReader& r);

}  // namespace mobilise::api
