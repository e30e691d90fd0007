// BuiltinForms over the real services and repositories, on SQLite and PostgreSQL: the generated
// forms, the CSV media of a device user's scope, and submissions made into records by the web
// app's services (what the OpenRosa routes call; tests/api/openrosa_builtin.test.mjs drives the
// same through the server).
#include "api/openrosa/builtin_forms.hpp"

#include <gtest/gtest.h>

#include <map>

#include "api/openrosa/choice_hashes.hpp"
#include "api/service_set.hpp"
#include "core/id.hpp"
#include "storage/repositories/service_test_support.hpp"
#include "xforms/builtin/builtin_xforms.hpp"

namespace mobilise::test {
namespace {

using api::openrosa::BuiltinForms;
using api::openrosa::Upload;

class MemoryBlobs final : public domain::BlobStore {
 public:
  std::string Put(std::string_view bytes) override {
    const auto sha = Sha256Hex(bytes);
    blobs_[sha] = std::string(bytes);
    return sha;
  }
  std::optional<std::string> Get(const std::string& sha) override {
    auto it = blobs_.find(sha);
    return it == blobs_.end() ? std::nullopt : std::optional(it->second);
  }

 private:
  std::map<std::string, std::string> blobs_;
};

// A JPEG as far as the type sniffing goes.
const std::string kJpeg = std::string("\xFF\xD8\xFF\xE0", 4) + std::string(64, 'x');

class BuiltinFormsTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    services_ = std::make_unique<api::ServiceSet>(*uow_, clock_, blobs_);
    AddAreas({{&p_, "P"},
              {&d_, "D", &p_},
              {&v1_, "V1", &d_},
              {&v2_, "V2", &d_},
              {&d2_, "D2", &p_},
              {&v3_, "V3", &d2_}});
    mobiliser_ = User("mob", domain::Role::kMobiliser, d_);
    focal_ = User("focal", domain::Role::kFocalPoint, d_);
  }

  // The instance of a built-in form as Collect sends it, read as the protocol reads it.
  xforms::Instance Instance(std::string_view kind, const std::string& uuid,
                            const std::string& body) {
    BuiltinForms forms(services_->api);
    for (const auto& f : forms.Generate()) {
      if (f.kind != kind) continue;
      const auto definition = xforms::ReadXForm(f.xml).value();
      const std::string xml = "<data id=\"" + f.xml_form_id + "\" version=\"" + f.version + "\">" +
                              body + "<meta><instanceID>uuid:" + uuid +
                              "</instanceID></meta></data>";
      return xforms::ReadInstance(xml, definition).value();
    }
    throw std::runtime_error("no form " + std::string(kind));
  }

  std::string HouseholdBody(const domain::Area& area, const std::string& sex = "f") {
    return "<area>" + area.id +
           "</area><head_name>Gul Bibi</head_name><head_father_name>Khan</head_father_name>"
           "<location>34.5 69.25 1800 5</location>"
           "<psc><score>14.5</score><date>2024-05-01</date><source>NSER</source></psc>"
           "<person><name>Gul Bibi</name><sex>" +
           sex +
           "</sex><relation>head</relation><age>40</age><displacement>idp</displacement>"
           "<wg><seeing>1</seeing><hearing>1</hearing><mobility>3</mobility>"
           "<cognition>1</cognition><self_care>1</self_care><communication>1</communication></wg>"
           "</person><person><name>Sher</name><sex>m</sex><relation>son</relation>"
           "<birth_date>2014-03-02</birth_date></person>";
  }

  MemoryBlobs blobs_;
  std::unique_ptr<api::ServiceSet> services_;
  domain::Area p_, d_, v1_, v2_, d2_, v3_;
  domain::Actor mobiliser_, focal_;
};

TEST_P(BuiltinFormsTest, GeneratesTheThreeFormsFromTheConfiguration) {
  BuiltinForms forms(services_->api);
  const auto generated = forms.Generate();
  ASSERT_EQ(generated.size(), 3u);
  for (const auto& f : generated) {
    auto read = xforms::ReadXForm(f.xml);
    ASSERT_TRUE(read) << f.kind << ": " << read.error().message;
    EXPECT_EQ(read->version, f.version);
  }
  // The seeded activity types and feedback categories are the choices.
  EXPECT_NE(generated[0].xml.find("<value>community_dialogue</value>"), std::string::npos);
  EXPECT_NE(generated[2].xml.find("<value>sensitive_sea</value>"), std::string::npos);
  EXPECT_EQ(forms.Generate()[1].version, generated[1].version) << "same configuration";
}

TEST_P(BuiltinFormsTest, MediaHoldTheDeviceUsersScopeOnly) {
  ASSERT_TRUE(Household(v1_, {{.name = "Inside", .sex = "f", .relation = "head"}}));
  ASSERT_TRUE(Household(v3_, {{.name = "Outside", .sex = "m", .relation = "head"}}));
  ASSERT_TRUE(NewInstitution("CO", v2_, "CO, \"the\" first", "2025-01-01"));
  BuiltinForms forms(services_->api);
  const auto media = forms.Media("activity", mobiliser_);
  ASSERT_EQ(media.size(), 3u);
  std::map<std::string, std::string> csv;
  for (const auto& m : media) csv[m.name] = m.bytes;
  EXPECT_NE(csv["areas.csv"].find(v1_.id), std::string::npos);
  EXPECT_EQ(csv["areas.csv"].find(v3_.id), std::string::npos);
  EXPECT_EQ(csv["people.csv"].rfind("name,label,area\r\n", 0), 0u);
  EXPECT_NE(csv["people.csv"].find("Inside"), std::string::npos);
  EXPECT_EQ(csv["people.csv"].find("Outside"), std::string::npos);
  EXPECT_NE(csv["institutions.csv"].find("\"CO, \"\"the\"\" first\""), std::string::npos)
      << csv["institutions.csv"];
  EXPECT_EQ(forms.Media("household", mobiliser_).size(), 1u);
}

TEST_P(BuiltinFormsTest, ChoiceListHashesAreRebuiltOnlyAfterTheirRowsChangeInScope) {
  api::openrosa::ChoiceHashes hashes;
  const auto scope = mobiliser_.Scope(domain::Permission::kRegistryWrite);
  std::map<std::string, int> builds;
  auto md5 = [&](const std::string& list, domain::SyncEntity entity) {
    auto uow = uow_->Begin(false);
    const auto high = uow->Sync().HighWater();
    return hashes.Get(*uow, high, list, scope, {entity}, [&] {
      return list + std::to_string(++builds[list]);  // other bytes for every build
    });
  };
  const auto areas = md5("areas", domain::SyncEntity::kAreas);
  const auto people = md5("people", domain::SyncEntity::kHouseholds);
  EXPECT_EQ(md5("areas", domain::SyncEntity::kAreas), areas);
  EXPECT_EQ(builds["areas"], 1);

  // A household in scope: the people are read again, the areas are not.
  ASSERT_TRUE(Household(v1_, {{.name = "New", .sex = "f", .relation = "head"}}));
  EXPECT_EQ(md5("areas", domain::SyncEntity::kAreas), areas);
  EXPECT_NE(md5("people", domain::SyncEntity::kHouseholds), people);
  EXPECT_EQ(builds["areas"], 1);
  EXPECT_EQ(builds["people"], 2);

  // A village renamed outside the scope changes nothing; one inside rebuilds the areas.
  auto rename = [&](const domain::Area& a) {
    domain::AreaPatch patch;
    patch.version = services_->areas.Get(system_, a.id)->area.version;
    patch.name = a.name + " renamed";
    ASSERT_TRUE(services_->areas.Update(system_, a.id, patch));
  };
  rename(v3_);
  EXPECT_EQ(md5("areas", domain::SyncEntity::kAreas), areas);
  EXPECT_EQ(builds["areas"], 1);
  rename(v2_);
  EXPECT_NE(md5("areas", domain::SyncEntity::kAreas), areas);
  EXPECT_EQ(builds["areas"], 2);
  EXPECT_EQ(md5("people", domain::SyncEntity::kHouseholds),
            md5("people", domain::SyncEntity::kHouseholds));
  EXPECT_EQ(builds["people"], 2);
}

TEST_P(BuiltinFormsTest, HouseholdBecomesTheRecordTheJsonInputMakes) {
  BuiltinForms forms(services_->api);
  const std::string uuid = "0f1e2d3c-4b5a-4697-8877-665544332211";
  auto made =
      forms.Ingest("household", Instance("household", uuid, HouseholdBody(v1_)), mobiliser_, {});
  ASSERT_TRUE(made) << made.error().message;
  EXPECT_EQ(made->record_type, "household");
  EXPECT_EQ(made->record_id, uuid);
  EXPECT_FALSE(made->receipt_only);
  auto stored = services_->households.Get(mobiliser_, uuid);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->household.poverty_band, "chronically_poor");
  ASSERT_EQ(stored->people.size(), 2u);
  EXPECT_TRUE(stored->people[0].disability) << "a lot of difficulty walking";
  EXPECT_EQ(stored->household.latitude, 34.5);

  // Sent again (a retry after a lost answer): the same record, nothing new.
  auto again =
      forms.Ingest("household", Instance("household", uuid, HouseholdBody(v1_)), mobiliser_, {});
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->record_id, uuid);
}

TEST_P(BuiltinFormsTest, BadAnswersNameTheQuestionAndStoreNothing) {
  BuiltinForms forms(services_->api);
  const std::string uuid = "1f1e2d3c-4b5a-4697-8877-665544332211";
  auto bad = forms.Ingest("household", Instance("household", uuid, HouseholdBody(v1_, "q")),
                          mobiliser_, {});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kValidation);
  EXPECT_EQ(bad.error().fields.count("/data/person[1]/sex"), 1u) << bad.error().message;
  EXPECT_FALSE(services_->households.Get(system_, uuid));

  auto outside =
      forms.Ingest("household", Instance("household", uuid, HouseholdBody(v3_)), mobiliser_, {});
  ASSERT_FALSE(outside);
  EXPECT_EQ(outside.error().fields.count("/data/area"), 1u);
  EXPECT_FALSE(services_->households.Get(system_, uuid));
}

TEST_P(BuiltinFormsTest, ActivityIsSubmittedWithItsPhotoOnce) {
  auto h = Household(v1_, {{.name = "Gul", .sex = "f", .relation = "head"}});
  ASSERT_TRUE(h);
  const std::string person = h->people[0].id;
  BuiltinForms forms(services_->api);
  const std::string uuid = "2f1e2d3c-4b5a-4697-8877-665544332211";
  const std::string body = "<area>" + v1_.id +
                           "</area><type>community_dialogue</type><held_on>2026-01-05</held_on>"
                           "<topics>wash</topics><counts><f_a18_59>5</f_a18_59></counts>"
                           "<counts_d><m_a60p>1</m_a60p></counts_d><named>" +
                           person + "</named><photo>sheet.jpg</photo>";
  const Upload photo{"sheet.jpg", "image/jpeg", kJpeg};
  auto made = forms.Ingest("activity", Instance("activity", uuid, body), mobiliser_, {&photo, 1});
  ASSERT_TRUE(made) << made.error().message;
  auto a = services_->activities.Get(mobiliser_, uuid);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->status, domain::ActivityStatus::kSubmitted);
  EXPECT_EQ(a->counted_total, 6);
  EXPECT_EQ(a->named_total, 1);
  EXPECT_EQ(a->topics, std::vector<std::string>{"wash"});
  EXPECT_EQ(services_->activities.Files(mobiliser_, uuid)->size(), 1u);

  // The photo again in a later POST, and the whole submission again: still one file.
  ASSERT_TRUE(forms.Attach("activity", *made, mobiliser_, photo));
  ASSERT_TRUE(forms.Ingest("activity", Instance("activity", uuid, body), mobiliser_, {&photo, 1}));
  EXPECT_EQ(services_->activities.Files(mobiliser_, uuid)->size(), 1u);
}

TEST_P(BuiltinFormsTest, ActivityPhotoThatIsNotAnImageWritesNothing) {
  BuiltinForms forms(services_->api);
  const std::string uuid = "3f1e2d3c-4b5a-4697-8877-665544332211";
  const std::string body = "<area>" + v1_.id +
                           "</area><type>community_dialogue</type><held_on>2026-01-05</held_on>"
                           "<photo>sheet.jpg</photo>";
  const Upload text{"sheet.jpg", "image/jpeg", "not an image"};
  auto made = forms.Ingest("activity", Instance("activity", uuid, body), mobiliser_, {&text, 1});
  ASSERT_FALSE(made);
  EXPECT_EQ(made.error().fields.count("/data/photo"), 1u);
  EXPECT_FALSE(services_->activities.Get(system_, uuid));
}

TEST_P(BuiltinFormsTest, SensitiveFeedbackLeavesTheSubmitterAReceiptOnly) {
  BuiltinForms forms(services_->api);
  const std::string uuid = "4f1e2d3c-4b5a-4697-8877-665544332211";
  const std::string body = "<area>" + v1_.id +
                           "</area><received_on>2026-01-05</received_on><channel>hotline"
                           "</channel><category>sensitive_sea</category><who>anonymous</who>"
                           "<description>An account</description>";
  auto made = forms.Ingest("feedback", Instance("feedback", uuid, body), mobiliser_, {});
  ASSERT_TRUE(made) << made.error().message;
  EXPECT_TRUE(made->receipt_only);
  EXPECT_FALSE(services_->feedback.Get(mobiliser_, uuid)) << "the logger may not read it";
  auto seen = services_->feedback.Get(focal_, uuid);
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->feedback.description, "An account");

  auto again = forms.Ingest("feedback", Instance("feedback", uuid, body), mobiliser_, {});
  ASSERT_TRUE(again) << "a retry gets the receipt again";
  EXPECT_TRUE(again->receipt_only);

  const std::string open = "5f1e2d3c-4b5a-4697-8877-665544332211";
  auto plain = forms.Ingest(
      "feedback",
      Instance("feedback", open,
               "<area>" + v1_.id +
                   "</area><received_on>2026-01-05</received_on><channel>hotline</channel>"
                   "<category>suggestion</category><who>named</who><person_name>Zia"
                   "</person_name><description>More wells</description><tags>water, wells</tags>"),
      mobiliser_, {});
  ASSERT_TRUE(plain) << plain.error().message;
  EXPECT_FALSE(plain->receipt_only);
  auto mine = services_->feedback.Get(mobiliser_, open);
  ASSERT_TRUE(mine);
  EXPECT_EQ(mine->feedback.tags, (std::vector<std::string>{"water", "wells"}));
}

INSTANTIATE_TEST_SUITE_P(Backends, BuiltinFormsTest, testing::ValuesIn(AllDialects()),
                         DialectParamName());

}  // namespace
}  // namespace mobilise::test
