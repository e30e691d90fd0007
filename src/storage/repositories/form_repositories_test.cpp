// The Collect device, XForm and submission repositories over real SQLite and PostgreSQL:
// round trips, the token lookup, scope of the device list, area assignments by path, one row
// per (form, instanceID), and the attachment counts.
#include <gtest/gtest.h>

#include "storage/repositories/service_test_support.hpp"

using mobilise::test::AllDialects;
using mobilise::test::DialectParamName;

namespace mobilise::storage {
namespace {

using namespace domain;

class FormRepositoriesTest : public test::ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    AddAreas(
        {{&country_, "AF"}, {&province_, "AF-KBL", &country_}, {&other_, "AF-HRT", &country_}});
    field_ = User("field", Role::kMobiliser, province_);
    far_ = User("far", Role::kMobiliser, other_);
  }

  CollectDevice Device(const std::string& id, const Actor& user, const std::string& hash) {
    CollectDevice d;
    d.id = id;
    d.user_id = user.user_id;
    d.name = "Phone " + id;
    d.token_hash = hash;
    d.created_at = "2026-12-07T10:00:00.000Z";
    return d;
  }

  XForm Form(const std::string& id, const std::string& xml_form_id) {
    XForm f;
    f.id = id;
    f.xml_form_id = xml_form_id;
    f.title = "Title " + xml_form_id;
    f.created_at = f.updated_at = "2026-12-07T10:00:00.000Z";
    return f;
  }

  Submission NewSubmission(const std::string& id, const std::string& form_id,
                           const std::string& instance_id) {
    Submission s;
    s.id = s.root_id = id;
    s.form_id = form_id;
    s.instance_id = instance_id;
    s.xml_hash = s.xml_sha256 = "abc";
    s.user_id = field_.user_id;
    s.submitted_at = "2026-12-07T10:00:00.000Z";
    return s;
  }

  Area country_, province_, other_;
  Actor field_, far_;
};

TEST_P(FormRepositoriesTest, DevicesAreFoundByTokenListedInScopeAndRevoked) {
  {
    auto w = uow_->Begin(true);
    w->CollectDevices().Insert(Device("d1", field_, "hash1"));
    w->CollectDevices().Insert(Device("d2", far_, "hash2"));
    w->Commit();
  }
  auto w = uow_->Begin(true);
  auto found = w->CollectDevices().FindByTokenHash("hash1");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, "d1");
  EXPECT_EQ(found->user_name, "Full field");
  EXPECT_FALSE(found->user_disabled);
  EXPECT_FALSE(w->CollectDevices().FindByTokenHash("nope"));
  CollectDeviceQuery in_kabul;
  in_kabul.scope = std::vector<PathRange>{SubtreeRange(province_.path)};
  auto listed = w->CollectDevices().List(in_kabul);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].id, "d1");
  EXPECT_EQ(w->CollectDevices().List({}).size(), 2u);
  w->CollectDevices().Revoke("d1", "2026-12-07T11:00:00.000Z");
  w->CollectDevices().Touch("d2", "2026-12-07T12:00:00.000Z");
  EXPECT_EQ(w->CollectDevices().Get("d1")->revoked_at, "2026-12-07T11:00:00.000Z");
  EXPECT_EQ(w->CollectDevices().Get("d2")->last_used_at, "2026-12-07T12:00:00.000Z");
}

TEST_P(FormRepositoriesTest, FormsKeepVersionsMediaAndAssignmentsByAreaPath) {
  auto w = uow_->Begin(true);
  ASSERT_TRUE(w->XForms().Insert(Form("f1", "survey")));
  w->CollectDevices().Insert(Device("d1", field_, "hash1"));
  XFormVersion v{"f1", "1", "sha", "md5", std::nullopt, "[]", "2026-12-07T10:00:00.000Z", {}};
  ASSERT_TRUE(w->XForms().InsertVersion(v));
  w->Commit();
  // A taken xml_form_id or version is a conflict (each in its own unit: on PostgreSQL the
  // violation ends the transaction).
  EXPECT_EQ(uow_->Begin(true)->XForms().Insert(Form("f2", "survey")).error().code,
            ErrorCode::kConflict);
  EXPECT_FALSE(uow_->Begin(true)->XForms().InsertVersion(v));

  w = uow_->Begin(true);
  w->XForms().SetPublishedAt("f1", "1", "2026-12-07T11:00:00.000Z");
  w->XForms().UpsertMedia({"f1", "1", "a.csv", "text/csv", "h1", "m1"});
  w->XForms().UpsertMedia({"f1", "1", "a.csv", "text/csv", "h2", "m2"});
  XForm f = *w->XForms().Get("f1");
  f.published_version = "1";
  f.state = FormState::kClosing;
  EXPECT_TRUE(w->XForms().Update(f, 1));
  EXPECT_FALSE(w->XForms().Update(f, 1));  // stale
  w->XForms().SetAssignments("f1", {"d1"}, {country_.id});
  EXPECT_TRUE(w->XForms().AssignedTo("f1", "d1", {}));
  EXPECT_TRUE(w->XForms().AssignedTo("f1", "other", {province_.path}));  // below the country
  w->XForms().SetAssignments("f1", {}, {province_.id});
  EXPECT_FALSE(w->XForms().AssignedTo("f1", "d1", {other_.path}));
  EXPECT_FALSE(w->XForms().AssignedTo("f1", "d1", {country_.path}));  // above: not covered
  EXPECT_TRUE(w->XForms().AssignedTo("f1", "d1", {other_.path, province_.path}));

  auto got = w->XForms().GetByXmlFormId("survey");
  ASSERT_TRUE(got);
  EXPECT_EQ(got->version, 2);
  EXPECT_EQ(got->state, FormState::kClosing);
  EXPECT_EQ(got->published_version, "1");
  ASSERT_EQ(got->versions.size(), 1u);
  EXPECT_EQ(got->versions[0].published_at, "2026-12-07T11:00:00.000Z");
  EXPECT_EQ(got->area_ids, std::vector<std::string>{province_.id});
  auto media = w->XForms().Media("f1", "1");
  ASSERT_EQ(media.size(), 1u);
  EXPECT_EQ(media[0].md5, "m2");
}

TEST_P(FormRepositoriesTest, SubmissionsAreOnePerInstanceWithAttachmentCounts) {
  auto w = uow_->Begin(true);
  ASSERT_TRUE(w->XForms().Insert(Form("f1", "survey")));
  ASSERT_TRUE(w->XForms().Insert(Form("f2", "other")));
  w->Submissions().LockInstance("f1", "uuid:1");
  w->Submissions().Insert(NewSubmission("s1", "f1", "uuid:1"));
  w->Submissions().Insert(NewSubmission("s2", "f2", "uuid:1"));  // per form
  EXPECT_THROW(w->Submissions().Insert(NewSubmission("s3", "f1", "uuid:1")), ConstraintViolation);
}

TEST_P(FormRepositoriesTest, AttachmentsAreUpsertedAndCounted) {
  auto w = uow_->Begin(true);
  ASSERT_TRUE(w->XForms().Insert(Form("f1", "survey")));
  w->Submissions().Insert(NewSubmission("s1", "f1", "uuid:1"));
  w->Submissions().UpsertAttachment({"s1", "a.jpg", "image/jpeg", std::nullopt, 0});
  w->Submissions().UpsertAttachment({"s1", "b.jpg", "image/jpeg", std::nullopt, 0});
  w->Submissions().UpsertAttachment({"s1", "a.jpg", "image/jpeg", "hash", 10});
  w->Submissions().CountAttachments("s1");
  auto s = w->Submissions().FindByInstance("f1", "uuid:1");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->attachments_expected, 2);
  EXPECT_EQ(s->attachments_present, 1);
  EXPECT_EQ(s->review_state, ReviewState::kReceived);
  EXPECT_TRUE(s->current);
  w->Submissions().MarkReplaced("s1");
  EXPECT_FALSE(w->Submissions().Get("s1")->current);
  EXPECT_EQ(w->Submissions().CountForForm("f1"), 0);
  auto attachments = w->Submissions().Attachments("s1");
  ASSERT_EQ(attachments.size(), 2u);
  EXPECT_EQ(attachments[0].blob_hash, "hash");
  EXPECT_EQ(attachments[0].size, 10);
}

INSTANTIATE_TEST_SUITE_P(Backends, FormRepositoriesTest, testing::ValuesIn(AllDialects()),
                         DialectParamName());

}  // namespace
}  // namespace mobilise::storage
