// A record's status is an enum in its struct, read from the stored text once: a text the enum
// does not know means a broken database, and reading it throws DatabaseError naming the table
// and column (the HTTP boundary answers an internal error) rather than carrying on with a
// status nothing handles. On SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include "domain/activities/activity_service.hpp"
#include "domain/feedback/feedback_service.hpp"
#include "storage/repositories/service_test_support.hpp"

using mobilise::test::AllDialects;
using mobilise::test::DialectParamName;

namespace mobilise::storage {
namespace {

using namespace domain;

class StoredStatusTest : public test::ServiceTest {
 protected:
  // Sets `table`'s status of row `id` to a text no enum has, then expects `read` to throw a
  // DatabaseError that names "<table>.status".
  template <class Read>
  void ExpectUnknownStatusRefused(const std::string& table, const std::string& id, Read read) {
    db_->Acquire()->Execute("UPDATE " + table + " SET status = 'lost' WHERE id = ?", {id});
    auto uow = uow_->Begin(false);
    try {
      read(*uow);
      ADD_FAILURE() << table << ": an unknown status was read";
    } catch (const DatabaseError& e) {
      EXPECT_NE(std::string(e.what()).find(table + ".status"), std::string::npos) << e.what();
    }
  }
};

TEST_P(StoredStatusTest, StatusesReadAsTheirEnumAndAnUnknownOneIsRefused) {
  const Area area = Add(std::nullopt, "PK");

  auto inst = NewInstitution("CO", area, "Gul Bagh CO", "2024-03-01");
  ASSERT_TRUE(inst) << inst.error().message;
  EXPECT_EQ(uow_->Begin(false)->Institutions().Get(inst->institution.id)->status,
            InstitutionStatus::kForming);
  ExpectUnknownStatusRefused("institution", inst->institution.id,
                             [&](UnitOfWork& u) { u.Institutions().Get(inst->institution.id); });

  FeedbackInput fin;
  fin.area_id = area.id;
  fin.channel = "cefc_walk_in";
  fin.category = "complaint_service";
  fin.description = "the well is dry";
  auto fb = FeedbackService(*uow_, clock_).Create(system_, fin);
  ASSERT_TRUE(fb) << fb.error().message;
  EXPECT_EQ(uow_->Begin(false)->Feedback().Get(fb->id)->status, FeedbackStatus::kOpen);
  ExpectUnknownStatusRefused("feedback", fb->id, [&](UnitOfWork& u) { u.Feedback().Get(fb->id); });

  test::NoBlobs blobs;
  ActivityInput ain;
  ain.type = "awareness_session";
  ain.area_id = area.id;
  ain.held_on = "2026-01-15";
  auto act = ActivityService(*uow_, clock_, blobs).Create(system_, ain);
  ASSERT_TRUE(act) << act.error().message;
  EXPECT_EQ(uow_->Begin(false)->Activities().Get(act->id)->status, ActivityStatus::kDraft);
  ExpectUnknownStatusRefused("activity", act->id,
                             [&](UnitOfWork& u) { u.Activities().Get(act->id); });
}

INSTANTIATE_TEST_SUITE_P(Backends, StoredStatusTest, testing::ValuesIn(AllDialects()),
                         DialectParamName());

}  // namespace
}  // namespace mobilise::storage
