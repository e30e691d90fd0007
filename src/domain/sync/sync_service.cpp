#include "domain/sync/sync_service.hpp"

#include <algorithm>
#include <chrono>
#include <set>

namespace mobilise::domain {

// What one request works with: the caller, the scope, the feed's high water. It holds no
// connection: each read takes a read unit for itself and gives it back before the resources'
// services take theirs, so that requests never hold one connection while waiting for another.
struct SyncService::Pass {
  const Actor& actor;
  std::string fingerprint;
  int limit = kSyncDefaultLimit;
  std::int64_t high_water = 0;
  SnapshotScope snapshot;
};

namespace {

std::string YearBefore(const Clock& clock) {
  using namespace std::chrono;
  return FormatTimestamp(clock.Now() - days(365)).substr(0, 10);
}

// A record the caller may keep goes to upserts; one that is gone, or that the caller may no
// longer see, to deletes. Other failures end the page.
template <typename T, typename Get, typename Keep>
Status LoadEach(const std::vector<std::string>& ids, EntityChanges<T>& out, Get get, Keep keep) {
  for (const auto& id : ids) {
    auto r = get(id);
    if (!r && r.error().code != ErrorCode::kNotFound) return Fail(r.error());
    if (r && keep(*r))
      out.upserts.push_back(std::move(*r));
    else
      out.deletes.push_back(id);
  }
  return {};
}

FeedScope ReadFeedScope(SyncRepository& sync, const SnapshotScope& s) {
  FeedScope f;
  f.ancestor_paths = s.ancestor_paths;
  f.paths = sync.AreaPaths(s.ranges, kSyncMaxScopePaths + 1);
  if (f.paths.size() > static_cast<std::size_t>(kSyncMaxScopePaths)) {
    f.paths.clear();
    f.ranges = s.ranges;
  }
  return f;
}

}  // namespace

Result<SyncPage> SyncService::Page(const Actor& actor, const std::optional<std::string>& cursor,
                                   int limit) {
  if (limit < 1 || limit > kSyncMaxLimit)
    return Fail(Error::Field("limit", problem::WholeNumberRange(1, kSyncMaxLimit)));
  std::optional<SyncCursor> given;
  if (cursor) {
    auto c = DecodeCursor(*cursor);
    if (!c) return Fail(c.error());
    given = *c;
  }
  Pass pass{actor};
  pass.fingerprint = ScopeFingerprint(actor);
  pass.limit = limit;
  pass.snapshot.ranges = actor.Scope(Permission::kAreaRead);
  pass.snapshot.sensitive = actor.Scope(Permission::kFeedbackSensitive);
  pass.snapshot.since = YearBefore(clock_);
  pass.high_water = db_.Begin(false)->Sync().HighWater();

  // Another scope (grants changed), or a cursor from beyond this feed: start again.
  const bool reset =
      given && (given->fingerprint != pass.fingerprint || given->seq > pass.high_water);
  if (!given || reset) {
    SyncCursor start;
    start.fingerprint = pass.fingerprint;
    start.seq = pass.high_water;
    return Snapshot(pass, start, reset);
  }
  if (given->snapshot) return Snapshot(pass, *given, false);
  return Incremental(pass, *given);
}

// Entity by entity from the cursor's place, until the page is full; the last page hands over
// to the feed after the high-water mark the pass began with.
Result<SyncPage> SyncService::Snapshot(Pass& pass, SyncCursor c, bool reset) {
  SyncPage page;
  page.reset = reset;
  page.server_time = clock_.Timestamp();
  if (c.entity == 0 && c.after_id.empty() && c.done == 0) {
    auto uow = db_.Begin(false);
    c.total = 0;
    for (int e = 0; e < kSyncEntityCount; ++e)
      c.total += uow->Sync().SnapshotCount(static_cast<SyncEntity>(e), pass.snapshot);
  }
  while (c.entity < kSyncEntityCount) {
    const int room = pass.limit - static_cast<int>(page.Records());
    if (room <= 0) break;
    const auto entity = static_cast<SyncEntity>(c.entity);
    const auto ids = db_.Begin(false)->Sync().SnapshotIds(entity, pass.snapshot, c.after_id, room);
    if (auto ok = Load(pass, entity, ids, page); !ok) return Fail(ok.error());
    if (static_cast<int>(ids.size()) == room) {
      c.after_id = ids.back();
      break;
    }
    ++c.entity;
    c.after_id.clear();
  }
  c.done += static_cast<std::int64_t>(page.Records());
  page.done = c.done, page.total = std::max(c.total, c.done);
  if (c.entity < kSyncEntityCount) {
    page.more = true;
  } else {
    c = SyncCursor{false, c.fingerprint, c.seq, 0, "", 0, 0};
    auto uow = db_.Begin(false);
    auto& sync = uow->Sync();
    page.more = !sync.Since(c.seq, pass.high_water, ReadFeedScope(sync, pass.snapshot), 1).empty();
  }
  page.cursor = EncodeCursor(c);
  return page;
}

// The feed after the cursor, in scope, up to `limit` rows; each named record once.
Result<SyncPage> SyncService::Incremental(Pass& pass, SyncCursor c) {
  std::vector<Change> rows;
  {
    auto uow = db_.Begin(false);
    auto& sync = uow->Sync();
    const auto scope = ReadFeedScope(sync, pass.snapshot);
    rows = sync.Since(c.seq, pass.high_water, scope, pass.limit);
    // A new pass: its size, counted only when it does not fit in this page.
    if (c.done == 0 && c.total == 0)
      c.total = static_cast<int>(rows.size()) < pass.limit
                    ? static_cast<std::int64_t>(rows.size())
                    : sync.CountSince(c.seq, pass.high_water, scope);
  }
  const auto changes = CollectChanges(rows);
  if (changes.area_moved) {
    SyncCursor start;
    start.fingerprint = pass.fingerprint;
    start.seq = pass.high_water;
    return Snapshot(pass, start, true);
  }
  SyncPage page;
  page.server_time = clock_.Timestamp();
  for (int e = 0; e < kSyncEntityCount; ++e)
    if (auto ok = Load(pass, static_cast<SyncEntity>(e), changes.ids[e], page); !ok)
      return Fail(ok.error());
  page.more = static_cast<int>(rows.size()) == pass.limit;
  c.seq = page.more ? rows.back().seq : pass.high_water;
  c.done += static_cast<std::int64_t>(page.Records());
  page.done = c.done;
  page.total = page.more ? std::max(c.total, c.done) : c.done;  // rows counted, records sent
  if (!page.more) c.done = c.total = 0;                         // the pass is over
  page.cursor = EncodeCursor(c);
  return page;
}

Status SyncService::Load(Pass& pass, SyncEntity entity, const std::vector<std::string>& ids,
                         SyncPage& page) {
  if (ids.empty()) return {};
  const Actor& actor = pass.actor;
  const std::string& since = pass.snapshot.since;
  auto any = [](const auto&) { return true; };
  switch (entity) {
    case SyncEntity::kAreas:
      return LoadAreas(pass, ids, page);
    case SyncEntity::kCourses:
      return LoadEach(
          ids, page.courses, [&](const std::string& id) { return s_.trainings.GetCourse(id); },
          any);
    case SyncEntity::kInstitutions:
      return LoadEach(
          ids, page.institutions,
          [&](const std::string& id) { return s_.institutions.Get(actor, id); }, any);
    case SyncEntity::kHouseholds:
      return LoadEach(
          ids, page.households, [&](const std::string& id) { return s_.households.Get(actor, id); },
          any);
    case SyncEntity::kMemberships:
      return LoadMemberships(pass, ids, page);
    case SyncEntity::kActivities:
      return LoadEach(
          ids, page.activities, [&](const std::string& id) { return s_.activities.Get(actor, id); },
          [&](const Activity& a) { return a.held_on >= since; });
    case SyncEntity::kFeedback:
      return LoadEach(
          ids, page.feedback, [&](const std::string& id) { return s_.feedback.Get(actor, id); },
          [&](const FeedbackDetail& d) {
            return d.feedback.received_on >= since || d.feedback.status != "closed";
          });
  }
  return {};
}

// The scope's areas, each with its breadcrumbs as its detail GET gives them. Areas above the
// scope are not sent: like the detail GET, which leaves out ancestors the caller does not see.
Status SyncService::LoadAreas(Pass& pass, const std::vector<std::string>& ids, SyncPage& page) {
  auto uow = db_.Begin(false);
  auto& areas = uow->Areas();
  for (const auto& id : ids) {
    auto area = areas.Get(id);
    if (!area || !pass.actor.Sees(area->path)) {
      page.areas.deletes.push_back(id);
      continue;
    }
    AreaDetail d{*area, areas.Ancestors(*area)};
    std::erase_if(d.ancestors, [&](const Area& a) { return !pass.actor.Sees(a.path); });
    page.areas.upserts.push_back(std::move(d));
  }
  return {};
}

// Current memberships in scope (an ended one leaves the working set, as it leaves the
// institution's member list).
Status SyncService::LoadMemberships(Pass& pass, const std::vector<std::string>& ids,
                                    SyncPage& page) {
  auto uow = db_.Begin(false);
  auto& institutions = uow->Institutions();
  for (const auto& id : ids) {
    auto m = institutions.GetMembership(id);
    if (m && !m->left_on && pass.actor.Sees(m->area_path))
      page.memberships.upserts.push_back(std::move(*m));
    else
      page.memberships.deletes.push_back(id);
  }
  return {};
}

}  // namespace mobilise::domain
