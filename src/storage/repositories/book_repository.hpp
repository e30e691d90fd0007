// Group books in SQL: rules, meetings with attendance, member loans with their schedules, and
// the append-only ledger (rows are inserted, never updated or deleted).
#pragma once

#include "domain/finance/book.hpp"
#include "storage/database.hpp"

namespace mobilise::storage {

class SqlBookRepository final : public domain::BookRepository {
 public:
  explicit SqlBookRepository(Connection& conn) : conn_(conn) {}
  std::optional<domain::BookGroup> LockGroup(const std::string& institution_id) override;
  std::optional<domain::BookGroup> Group(const std::string& institution_id) override;
  std::vector<domain::BookMember> CurrentMembers(const std::string& institution_id) override;
  std::string Setting(const std::string& key, const std::string& fallback) override;
  std::vector<std::string> LoanPurposes() override;
  std::vector<domain::BookRules> Rules(const std::string& institution_id) override;
  void InsertRules(const domain::BookRules& rules) override;
  std::optional<domain::BookMeeting> GetMeeting(const std::string& id) override;
  std::vector<domain::BookMeeting> Meetings(const std::string& institution_id) override;
  std::optional<domain::BookMeeting> LastMeeting(const std::string& institution_id) override;
  void InsertMeeting(const domain::BookMeeting& meeting) override;
  std::optional<domain::MemberLoan> GetLoan(const std::string& id) override;
  std::vector<domain::MemberLoan> Loans(const std::string& institution_id) override;
  void InsertLoan(const domain::MemberLoan& loan) override;
  bool UpdateLoan(const domain::MemberLoan& loan, std::int64_t version) override;
  std::optional<domain::LedgerEntry> GetEntry(const std::string& id) override;
  bool IsReversed(const std::string& entry_id) override;
  std::vector<domain::LedgerEntry> Entries(const std::string& institution_id) override;
  void InsertEntries(const std::vector<domain::LedgerEntry>& entries) override;
  int GroupCount(const domain::PathRange& scope) override;
  std::vector<domain::MeetingTally> MeetingTallies(const domain::PathRange& scope,
                                                   const std::string& from,
                                                   const std::string& to) override;
  std::vector<domain::LedgerEntry> EntriesIn(const domain::PathRange& scope,
                                             const std::string& on) override;
  std::vector<domain::LoanBook> LoanBooks(const domain::PathRange& scope) override;

 private:
  std::vector<domain::MemberLoan> ReadLoans(const std::string& where, std::vector<Param> params);
  Connection& conn_;
};

}  // namespace mobilise::storage
