#pragma once

#include "domain/sync/sync.hpp"
#include "storage/database.hpp"

namespace mobilise::storage {

// Reads of the change feed (migration 0018, written by triggers) and the id lists of a first
// sync. A feed page is one index range per area path of the scope on change_feed_path
// (area_path, seq) and change_feed_old_path, so its cost follows the scope's changes since the
// cursor, never the size of the feed or of the registry.
class SqlSyncRepository final : public domain::SyncRepository {
 public:
  explicit SqlSyncRepository(Connection& conn) : conn_(conn) {}
  std::int64_t HighWater() override;
  std::vector<domain::Change> Since(std::int64_t after, std::int64_t up_to,
                                    const domain::FeedScope& scope, int limit) override;
  std::int64_t CountSince(std::int64_t after, std::int64_t up_to,
                          const domain::FeedScope& scope) override;
  std::vector<std::string> AreaPaths(const std::vector<domain::PathRange>& ranges,
                                     int limit) override;
  std::vector<std::string> SnapshotIds(domain::SyncEntity entity,
                                       const domain::SnapshotScope& scope,
                                       const std::string& after_id, int limit) override;
  std::int64_t SnapshotCount(domain::SyncEntity entity,
                             const domain::SnapshotScope& scope) override;

 private:
  Connection& conn_;
};

}  // namespace mobilise::storage
