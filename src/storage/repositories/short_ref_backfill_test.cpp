// Migration 0019 backfills the short reference of cases logged before it, in SQL: on SQLite and
// on PostgreSQL its SQL must give every case the reference domain::ShortRef gives (a 48-bit
// value overflows a 32-bit product on PostgreSQL unless every term is BIGINT).
#include <gtest/gtest.h>

#include "domain/feedback/feedback_service.hpp"
#include "domain/feedback/short_ref.hpp"
#include "storage/repositories/service_test_support.hpp"

using mobilise::test::AllDialects;
using mobilise::test::DialectParamName;

namespace mobilise::storage {
namespace {

using namespace domain;

class ShortRefBackfillTest : public test::ServiceTest {};

std::string BackfillSql(Dialect dialect) {
  return test::MigrationSql(dialect, 19, "CREATE TABLE short_ref_backfill");
}

TEST_P(ShortRefBackfillTest, TheMigrationsSqlGivesTheSameReferences) {
  const Area area = Add(std::nullopt, "PK");
  FeedbackService feedback(*uow_, clock_);
  std::vector<std::string> ids;
  for (int i = 0; i < 40; ++i) {
    FeedbackInput in;
    in.area_id = area.id;
    in.channel = "cefc_walk_in";
    in.category = "complaint_service";
    in.description = "case " + std::to_string(i);
    auto f = feedback.Create(system_, in);
    ASSERT_TRUE(f) << f.error().message;
    ids.push_back(f->id);
  }
  const std::string sql = BackfillSql(GetParam());
  ASSERT_FALSE(sql.empty());
  auto conn = db_->Acquire();
  conn->Execute("UPDATE feedback SET short_ref = NULL");
  conn->ExecuteScript(sql);
  for (const auto& id : ids) {
    auto rs = conn->Query("SELECT short_ref FROM feedback WHERE id = ?", {id});
    ASSERT_EQ(rs.size(), 1u);
    EXPECT_EQ(rs[0].Str("short_ref"), ShortRef(id)) << id;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, ShortRefBackfillTest, testing::ValuesIn(AllDialects()),
                         DialectParamName());

}  // namespace
}  // namespace mobilise::storage
