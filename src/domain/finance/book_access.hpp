// What the book services share: finding a group the caller may see (and may write), and the
// audit snapshots of book records. Internal to domain/finance.
#pragma once

#include <string>

#include "core/result.hpp"
#include "domain/audit/audit.hpp"
#include "domain/finance/book.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::domain {

// The group `institution_id` if the caller sees it (else not found), holding `write` when given
// (else forbidden); locked for writing when `lock`. Only institutions whose members are
// households or people keep books (a federation's funds are not group books): conflict.
Result<BookGroup> FindGroup(UnitOfWork& uow, const Actor& actor, const std::string& institution_id,
                            std::optional<Permission> write, bool lock);

// May the caller see the record at `path` (else it is "not found")?
bool SeesBooks(const Actor& actor, const std::string& path);

Snapshot LoanSnapshot(const MemberLoan& loan);
Snapshot EntrySnapshot(const LedgerEntry& entry);

}  // namespace mobilise::domain
