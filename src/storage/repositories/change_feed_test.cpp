// The change feed (migration 0018) on SQLite and PostgreSQL: the rows that writes leave, and
// seq in commit order with two writers at once.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "domain/sync/sync.hpp"
#include "service_test_support.hpp"
#include "storage/repositories/sync_repository.hpp"

namespace mobilise::test {
namespace {

using domain::SyncEntity;

class ChangeFeedTest : public ServiceTest {
 protected:
  std::vector<domain::Change> All() {
    auto conn = db_->Acquire();
    storage::SqlSyncRepository sync(*conn);
    domain::FeedScope everything;
    everything.ranges = {{"/", "0"}};
    return sync.Since(0, sync.HighWater(), everything, 100000);
  }

  void InsertCourse(storage::Connection& conn, const std::string& code) {
    conn.Execute(
        "INSERT INTO course (id, code, title, audience, duration_hours, created_at, updated_at) "
        "VALUES (?, ?, 'Course', 'staff', 2, '2026-01-01', '2026-01-01')",
        {code, code});
  }
};

TEST_P(ChangeFeedTest, WritesLeaveRowsNamingTheRecordTheDeviceKeeps) {
  const auto p = Add(std::nullopt, "P");
  const auto v1 = Add(p.id, "V1");
  const auto v2 = Add(p.id, "V2");
  auto h = Household(v1, {{.name = "Gul", .sex = "f", .relation = "head"},
                          {.name = "Sher", .sex = "m", .relation = "son"}});
  ASSERT_TRUE(h) << h.error().message;
  auto rows = All();
  auto count = [&](SyncEntity e, const std::string& id) {
    return std::count_if(rows.begin(), rows.end(), [&](const domain::Change& c) {
      return c.entity == e && c.entity_id == id;
    });
  };
  EXPECT_EQ(count(SyncEntity::kAreas, v1.id), 1);
  EXPECT_GE(count(SyncEntity::kHouseholds, h->household.id), 3) << "the household and its people";
  for (std::size_t i = 1; i < rows.size(); ++i) EXPECT_LT(rows[i - 1].seq, rows[i].seq);

  // A move names the old path; a soft delete is a delete.
  domain::HouseholdService households(*uow_, clock_);
  domain::HouseholdInput move;
  move.area_id = v2.id;
  auto moved = households.Update(system_, h->household.id, h->household.version, move);
  ASSERT_TRUE(moved) << moved.error().message;
  rows = All();
  const auto last_move = std::find_if(rows.rbegin(), rows.rend(), [&](const domain::Change& c) {
    return c.entity == SyncEntity::kHouseholds && c.entity_id == h->household.id;
  });
  ASSERT_NE(last_move, rows.rend());
  EXPECT_EQ(last_move->area_path, v2.path);
  const auto before_delete = rows.size();
  ASSERT_TRUE(households.Delete(system_, h->household.id));
  rows = All();
  EXPECT_TRUE(std::any_of(rows.begin() + before_delete, rows.end(), [&](const domain::Change& c) {
    return c.deleted && c.entity == SyncEntity::kHouseholds && c.entity_id == h->household.id;
  }));
}

// Writer A draws a seq and holds its transaction open; writer B writes and commits meanwhile.
// A reader must never see B's row without A's: the rows it sees are a prefix of the feed, or a
// cursor placed after B's row would skip A's when A commits.
TEST_P(ChangeFeedTest, AReaderNeverSeesALaterRowBeforeAnEarlierOneCommits) {
  auto a = db_->Acquire();
  auto storage_tx = std::make_unique<storage::Transaction>(*a, true);
  InsertCourse(*a, "A");
  std::thread writer_b([&] {
    auto b = db_->Acquire();
    storage::Transaction tx(*b, true);
    InsertCourse(*b, "B");
    tx.Commit();
  });
  // Give B every chance to commit first if nothing orders it behind A.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  auto seen = All();
  EXPECT_TRUE(seen.empty()) << "B's row is visible while A's is not committed";
  storage_tx->Commit();
  writer_b.join();
  seen = All();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].entity_id, "A");
  EXPECT_EQ(seen[1].entity_id, "B");
  EXPECT_LT(seen[0].seq, seen[1].seq);
}

INSTANTIATE_TEST_SUITE_P(Backends, ChangeFeedTest, testing::ValuesIn(AllDialects()),
                         DialectParamName());

}  // namespace
}  // namespace mobilise::test
