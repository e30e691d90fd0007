// Tags mixed into exceptions for failures that are the machine's state, not a bug: the HTTP
// adapter answers them with their own status (api/http/exchange.hpp) without knowing which layer
// threw. E.g. `struct DatabaseBusy : DatabaseError, BusyFailure`.
#pragma once

namespace mobilise {

// A database lock held by someone else past the wait (SQLite's busy timeout, PostgreSQL's
// lock_timeout): 503 with Retry-After.
struct BusyFailure {};

// The disk or the quota is full (ENOSPC, EDQUOT, SQLITE_FULL, PostgreSQL's disk_full): 507.
struct NoSpaceFailure {};

}  // namespace mobilise
