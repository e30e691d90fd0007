// Submissions of the built-in forms, read with the protocol's instance reader, mapped to the
// services' inputs; and the services' field errors renamed to the forms' questions.
#include "xforms/builtin/instance_mappers.hpp"

#include <gtest/gtest.h>

#include "xforms/builtin/builtin_xforms.hpp"
#include "xforms/xform.hpp"

namespace mobilise::xforms::builtin {
namespace {

constexpr const char* kUuid = "0f1e2d3c-4b5a-4697-8877-665544332211";

// The instance read as the protocol reads it: with its form, so that a repeat of one entry is
// known to be a repeat.
Instance Read(const std::string& form, const std::string& body) {
  BuiltinConfig config;
  config.languages = WebFormLanguages();
  FormDefinition definition;
  for (const auto& f : GenerateBuiltinXForms(config))
    if (f.xml_form_id == form) definition = ReadXForm(f.xml).value();
  const std::string xml = "<data id=\"" + form + "\" version=\"v1\">" + body +
                          "<meta><instanceID>uuid:" + kUuid + "</instanceID></meta></data>";
  auto read = ReadInstance(xml, definition);
  if (!read) throw std::runtime_error(read.error().message);
  return *read;
}

TEST(InstanceMappers, RecordIdIsTheInstanceUuid) {
  EXPECT_EQ(RecordIdOf(Read("mobilise_feedback", "")), kUuid);
  Instance other;
  other.instance_id = "not-a-uuid";
  EXPECT_EQ(RecordIdOf(other), std::nullopt);
}

TEST(InstanceMappers, Activity) {
  const auto in = Read("mobilise_activity",
                       "<area>A1</area><type>fgd</type><held_on>2026-11-02</held_on><title/>"
                       "<topics>wash health</topics><institutions>I1</institutions>"
                       "<counts><f_a0_4>3</f_a0_4><m_a18_59>0</m_a18_59><x_a60p/></counts>"
                       "<counts_d><f_a60p>1</f_a60p></counts_d>"
                       "<named>P1 P2</named><photo>sheet.jpg</photo><notes>ok</notes>");
  auto m = MapActivity(in);
  ASSERT_TRUE(m.has_value()) << m.error().message;
  const auto& a = m->input;
  EXPECT_EQ(a.id, kUuid);
  EXPECT_EQ(a.area_id, "A1");
  EXPECT_EQ(a.type, "fgd");
  EXPECT_EQ(a.held_on, "2026-11-02");
  EXPECT_EQ(a.title, std::nullopt) << "an empty answer is no answer";
  EXPECT_EQ(*a.topics, (std::vector<std::string>{"wash", "health"}));
  EXPECT_EQ(*a.institution_ids, (std::vector<std::string>{"I1"}));
  ASSERT_EQ(a.counts->size(), 3u);
  EXPECT_EQ((*a.counts)[0].sex, "f");
  EXPECT_EQ((*a.counts)[0].age_band, "0-4");
  EXPECT_EQ((*a.counts)[0].count, 3);
  EXPECT_EQ((*a.counts)[2].age_band, "60+");
  EXPECT_TRUE((*a.counts)[2].disability);
  ASSERT_EQ(a.attendance->size(), 2u);
  EXPECT_EQ((*a.attendance)[1].person_id, "P2");
  EXPECT_TRUE((*a.attendance)[1].attended);
  EXPECT_EQ(m->photo, "sheet.jpg");
  EXPECT_EQ(m->paths.at("counts[2]"), "/data/counts_d/f_a60p");
}

TEST(InstanceMappers, ActivityCountThatIsNotAWholeNumberNamesItsQuestion) {
  auto m = MapActivity(Read("mobilise_activity", "<counts><f_a0_4>2.5</f_a0_4></counts>"));
  ASSERT_FALSE(m.has_value());
  EXPECT_EQ(m.error().code, ErrorCode::kValidation);
  EXPECT_EQ(m.error().fields.count("/data/counts/f_a0_4"), 1u);
}

TEST(InstanceMappers, HouseholdWithPeople) {
  const auto in = Read(
      "mobilise_household",
      "<area>V1</area><head_name>Gul</head_name><national_id/>"
      "<location>34.5 69.1 1800 5</location>"
      "<psc><score>14.5</score><date>2024-05-01</date><source>NSER</source><band>x</band></psc>"
      "<flags>female_headed</flags>"
      "<person><name>Gul</name><sex>f</sex><relation>head</relation><birth_date/><age>40</age>"
      "<wg><seeing>1</seeing><hearing>1</hearing><mobility>3</mobility><cognition>1</cognition>"
      "<self_care>1</self_care><communication>1</communication></wg></person>"
      "<person><name>Ali</name><sex>m</sex><relation>son</relation>"
      "<birth_date>2014-01-02</birth_date><age/><displacement>idp</displacement>"
      "<wg><seeing/><hearing/><mobility/><cognition/><self_care/><communication/></wg></person>");
  auto m = MapHousehold(in);
  ASSERT_TRUE(m.has_value()) << m.error().message;
  const auto& h = m->input;
  EXPECT_EQ(h.area_id, "V1");
  EXPECT_EQ(h.head_name, "Gul");
  EXPECT_EQ(h.national_id, std::nullopt);
  EXPECT_DOUBLE_EQ(*h.latitude, 34.5);
  EXPECT_DOUBLE_EQ(*h.longitude, 69.1);
  EXPECT_DOUBLE_EQ(*h.psc_score, 14.5);
  EXPECT_EQ(h.psc_date, "2024-05-01");
  EXPECT_EQ(*h.flags, (std::vector<std::string>{"female_headed"}));
  ASSERT_EQ(h.people.size(), 2u);
  EXPECT_EQ(h.people[0].age, 40);
  EXPECT_EQ(h.people[0].birth_date, std::nullopt);
  EXPECT_EQ((*h.people[0].wg)[2], 3);
  EXPECT_EQ(h.people[1].birth_date, "2014-01-02");
  EXPECT_EQ(h.people[1].age, std::nullopt);
  EXPECT_EQ(h.people[1].wg, std::nullopt) << "not asked";
  EXPECT_EQ(h.people[1].displacement, "idp");
}

TEST(InstanceMappers, HouseholdPartWashingtonGroupAnswersNameTheMissingOnes) {
  auto m = MapHousehold(Read("mobilise_household",
                             "<person><name>A</name><wg><seeing>1</seeing><hearing/>"
                             "<mobility>2</mobility></wg></person>"));
  ASSERT_FALSE(m.has_value());
  EXPECT_EQ(m.error().fields.count("/data/person[1]/wg/hearing"), 1u);
  EXPECT_EQ(m.error().fields.count("/data/person[1]/wg/cognition"), 1u);
  EXPECT_EQ(m.error().fields.count("/data/person[1]/wg/seeing"), 0u);
}

TEST(InstanceMappers, HouseholdBadLocation) {
  auto m = MapHousehold(Read("mobilise_household", "<location>north</location>"));
  ASSERT_FALSE(m.has_value());
  EXPECT_EQ(m.error().fields.count("/data/location"), 1u);
}

TEST(InstanceMappers, FeedbackNamedAndAnonymous) {
  auto named =
      MapFeedback(Read("mobilise_feedback",
                       "<area>V1</area><received_on>2026-11-01</received_on>"
                       "<channel>hotline</channel><cefc/><category>question</category>"
                       "<who>named</who><person_name>Zia</person_name>"
                       "<person_contact>0700</person_contact><description>Why?</description>"
                       "<tags>water, late ,</tags>"));
  ASSERT_TRUE(named.has_value());
  EXPECT_EQ(named->input.anonymous, false);
  EXPECT_EQ(named->input.person_name, "Zia");
  EXPECT_EQ(named->input.cefc_id, std::nullopt);
  EXPECT_EQ(*named->input.tags, (std::vector<std::string>{"water", "late"}));

  auto anonymous = MapFeedback(Read("mobilise_feedback",
                                    "<who>anonymous</who><person_name>Zia</person_name>"
                                    "<description>x</description>"));
  ASSERT_TRUE(anonymous.has_value());
  EXPECT_EQ(anonymous->input.anonymous, true);
  EXPECT_EQ(anonymous->input.person_name, std::nullopt) << "a name left from before the choice";
}

TEST(InstanceMappers, ServiceFieldErrorsNameTheFormsQuestions) {
  const FieldPaths paths = {{"area_id", "/data/area"},
                            {"institution_ids", "/data/institutions"},
                            {"people", "/data/person"},
                            {"people[0]", "/data/person[1]"},
                            {"counts[1]", "/data/counts/m_a5_11"}};
  const struct {
    std::string field, path;
  } cases[] = {
      {"area_id", "/data/area"},
      {"institution_ids[2]", "/data/institutions"},
      {"people[0].sex", "/data/person[1]/sex"},
      {"people[0].wg.seeing", "/data/person[1]/wg/seeing"},
      {"people", "/data/person"},
      {"counts[1].count", "/data/counts/m_a5_11"},
      {"somewhere_else", "somewhere_else"},
      {"area_idx", "area_idx"},
  };
  for (const auto& c : cases) {
    domain::FieldErrors errors{{c.field, problem::Required()}};
    const auto out = FormFieldErrors(errors, paths);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out.begin()->first, c.path) << c.field;
  }
}

}  // namespace
}  // namespace mobilise::xforms::builtin
