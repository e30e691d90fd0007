// Collect devices and submission ingest over the real repositories, on SQLite and PostgreSQL:
// a token works until its device is revoked or its user disabled; a submission is idempotent by
// instanceID (a resend adds attachments, other XML is refused), edits follow Central's rules,
// the area decides scope, and ten concurrent identical first POSTs make one row, all succeeding.
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "domain/forms/collect_device_service.hpp"
#include "domain/forms/submission_service.hpp"
#include "domain/forms/xform_service.hpp"
#include "domain/users/user_service.hpp"
#include "storage/repositories/service_test_support.hpp"

using mobilise::test::AllDialects;
using mobilise::test::DialectParamName;

namespace mobilise::storage {
namespace {

using namespace domain;

class FormServicesTest : public test::ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    forms_.emplace(*uow_, clock_);
    submissions_.emplace(*uow_, clock_);
    devices_.emplace(*uow_, clock_);
    AddAreas({{&country_, "AF"}, {&kabul_, "AF-KBL", &country_}, {&herat_, "AF-HRT", &country_}});
    admin_ = User("admin", Role::kAdmin, country_);
    field_ = User("field", Role::kMobiliser, kabul_);
    XFormUpload up{"survey", "1", "Survey", FormKind::kCustom, "xmlhash", "md5", "[]", {}, true};
    auto form = forms_->Upload(admin_, up);
    ASSERT_TRUE(form) << form.error().message;
    form_ = *form;
    ASSERT_TRUE(forms_->Assign(admin_, form_.id, {}, {kabul_.id}));
  }

  SubmissionInput Input(const std::string& instance_id, const std::string& sha) {
    SubmissionInput in;
    in.form_id = form_.id;
    in.form_version = "1";
    in.instance_id = instance_id;
    in.xml_hash = in.xml_sha256 = sha;
    in.expected_files = {"a.jpg", "b.jpg"};
    return in;
  }

  static SubmissionFile File(const std::string& name, const std::string& hash) {
    return SubmissionFile{name, "image/jpeg", hash, 3};
  }

  Area country_, kabul_, herat_;
  Actor admin_, field_;
  XForm form_;
  std::optional<XFormService> forms_;
  std::optional<SubmissionService> submissions_;
  std::optional<CollectDeviceService> devices_;
};

TEST_P(FormServicesTest, ATokenWorksUntilRevokedOrTheUserIsDisabled) {
  auto made = devices_->Create(admin_, {std::nullopt, "Amina's phone", field_.user_id});
  ASSERT_TRUE(made) << made.error().message;
  EXPECT_TRUE(IsCollectToken(made->token));
  auto caller = devices_->Authenticate(made->token, "10.0.0.1");
  ASSERT_TRUE(caller) << caller.error().message;
  EXPECT_EQ(caller->actor.user_id, field_.user_id);
  EXPECT_EQ(caller->actor.device_name, "Amina's phone");
  ASSERT_EQ(caller->actor.grants.size(), 1u);
  EXPECT_EQ(caller->actor.grants[0].area_path, kabul_.path);
  EXPECT_EQ(devices_->Authenticate("short", "x").error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(devices_->Authenticate(std::string(64, 'a'), "x").error().code, ErrorCode::kForbidden);
  // A mobiliser may not make devices; the field user sees their own.
  EXPECT_EQ(devices_->Create(field_, {std::nullopt, "x", field_.user_id}).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(devices_->List(field_)->size(), 1u);

  UserService users(*uow_, clock_);
  auto user = users.Get(admin_, field_.user_id);
  ASSERT_TRUE(user);
  ASSERT_TRUE(
      users.Update(admin_, field_.user_id, UserPatch{.version = user->version, .disabled = true}));
  EXPECT_EQ(devices_->Authenticate(made->token, "x").error().code, ErrorCode::kForbidden);
  ASSERT_TRUE(users.Update(admin_, field_.user_id,
                           UserPatch{.version = user->version + 1, .disabled = false}));
  ASSERT_TRUE(devices_->Authenticate(made->token, "x"));
  ASSERT_TRUE(devices_->Revoke(admin_, made->device.id));
  EXPECT_EQ(devices_->Authenticate(made->token, "x").error().code, ErrorCode::kForbidden);
}

TEST_P(FormServicesTest, ResendsAddAttachmentsAndOtherXmlIsRefused) {
  SubmissionInput first = Input("uuid:1", "sha1");
  first.files = {File("a.jpg", "ha"), File("unknown.jpg", "hu")};
  auto made = submissions_->Ingest(field_, first);
  ASSERT_TRUE(made) << made.error().message;
  EXPECT_EQ(made->outcome, IngestOutcome::kCreated);
  EXPECT_EQ(made->submission.attachments_expected, 2);
  EXPECT_EQ(made->submission.attachments_present, 1);
  EXPECT_EQ(made->submission.area_id, kabul_.id);  // the user's one area

  SubmissionInput again = Input("uuid:1", "sha1");
  again.files = {File("b.jpg", "hb")};
  auto resent = submissions_->Ingest(field_, again);
  ASSERT_TRUE(resent) << resent.error().message;
  EXPECT_EQ(resent->outcome, IngestOutcome::kResent);
  EXPECT_EQ(resent->submission.id, made->submission.id);
  EXPECT_EQ(resent->submission.attachments_present, 2);

  auto other = submissions_->Ingest(field_, Input("uuid:1", "sha2"));
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::kConflict);
  EXPECT_NE(other.error().message.find("different XML"), std::string::npos);
}

TEST_P(FormServicesTest, EditsFollowCentralsRules) {
  SubmissionInput first = Input("uuid:one", "sha1");
  first.files = {File("a.jpg", "ha")};
  ASSERT_TRUE(submissions_->Ingest(field_, first));

  SubmissionInput unknown = Input("uuid:two", "sha2");
  unknown.deprecated_id = "uuid:nothing";
  EXPECT_EQ(submissions_->Ingest(field_, unknown).error().code, ErrorCode::kNotFound);

  SubmissionInput edit = Input("uuid:two", "sha2");
  edit.deprecated_id = "uuid:one";
  auto edited = submissions_->Ingest(field_, edit);
  ASSERT_TRUE(edited) << edited.error().message;
  EXPECT_EQ(edited->outcome, IngestOutcome::kEdited);
  EXPECT_EQ(edited->submission.review_state, ReviewState::kEdited);
  EXPECT_EQ(edited->submission.attachments_present, 1);  // a.jpg carried forward
  EXPECT_FALSE(submissions_->Find(form_.id, "uuid:one")->current);

  SubmissionInput stale = Input("uuid:three", "sha3");
  stale.deprecated_id = "uuid:one";
  auto refused = submissions_->Ingest(field_, stale);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("now out of date"), std::string::npos);

  SubmissionInput collides = Input("uuid:two", "sha4");
  collides.deprecated_id = "uuid:two";
  auto taken = submissions_->Ingest(field_, collides);
  ASSERT_FALSE(taken);
  EXPECT_NE(taken.error().message.find("already exists with instanceID"), std::string::npos);
  // The identical edit again: an attachment upsert, 201.
  ASSERT_TRUE(submissions_->Ingest(field_, edit));
}

TEST_P(FormServicesTest, TheAreaFieldMustLieInTheCallersAreas) {
  SubmissionInput in = Input("uuid:a", "sha");
  in.area_ref = herat_.code;
  auto refused = submissions_->Ingest(field_, in);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  EXPECT_FALSE(submissions_->Find(form_.id, "uuid:a"));
  in.area_ref = kabul_.id;
  auto made = submissions_->Ingest(field_, in);
  ASSERT_TRUE(made) << made.error().message;
  EXPECT_EQ(made->submission.area_path, kabul_.path);
}

TEST_P(FormServicesTest, ConcurrentIdenticalFirstPostsMakeOneRowAndAllSucceed) {
  constexpr int kClients = 10;
  std::vector<std::thread> threads;
  std::vector<int> ok(kClients, 0);
  std::vector<std::string> ids(kClients);
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] {
      auto done = submissions_->Ingest(field_, Input("uuid:race", "sha"));
      ok[i] = done ? 1 : 0;
      if (done) ids[i] = done->submission.id;
    });
  }
  for (auto& t : threads) t.join();
  for (int i = 0; i < kClients; ++i) {
    EXPECT_EQ(ok[i], 1) << "client " << i;
    EXPECT_EQ(ids[i], ids[0]);
  }
  EXPECT_EQ(uow_->Begin(false)->Submissions().CountForForm(form_.id), 1);
}

TEST_P(FormServicesTest, DevicesSeeAssignedFormsOnly) {
  EXPECT_EQ(forms_->Listed(field_, "").size(), 1u);  // assigned to Kabul
  Actor herat = User("herat", Role::kMobiliser, herat_);
  EXPECT_TRUE(forms_->Listed(herat, "").empty());
  EXPECT_EQ(forms_->ForDownload(herat, "", "survey").error().code, ErrorCode::kForbidden);
  EXPECT_EQ(forms_->ForSubmission(herat, "", "survey", "1").error().code,
            ErrorCode::kUnauthenticated);
  EXPECT_EQ(forms_->ForSubmission(field_, "", "survey", "9").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(forms_->ForSubmission(field_, "", "nope", "1").error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(forms_->SetState(admin_, form_.id, form_.version, FormState::kClosed));
  EXPECT_EQ(forms_->ForSubmission(field_, "", "survey", "1").error().code, ErrorCode::kConflict);
  EXPECT_TRUE(forms_->Listed(field_, "").empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, FormServicesTest, testing::ValuesIn(AllDialects()),
                         DialectParamName());

}  // namespace
}  // namespace mobilise::storage
