// The operation table names each operation once, and the programme's shapes write exactly the
// fields their schemas describe (the API test checks real answers; this checks empty records).
#include <gtest/gtest.h>

#include <set>

#include "api/activity_json.hpp"
#include "api/dto.hpp"
#include "api/feedback_json.hpp"
#include "api/indicator_json.hpp"
#include "api/openapi.hpp"
#include "api/registry_dto.hpp"
#include "api/report_json.hpp"
#include "api/training_json.hpp"
#include "core/clock.hpp"
#include "domain/demographics.hpp"

namespace mobilise::api {
namespace {

namespace json = boost::json;

template <typename T>
std::set<std::string> Written(const Shape<T>& shape, const T& record) {
  std::set<std::string> keys;
  for (const auto& kv : shape.Write(record)) keys.insert(std::string(kv.key()));
  return keys;
}

template <typename T>
std::set<std::string> Described(const Shape<T>& shape) {
  std::set<std::string> keys;
  const auto schema = shape.Schema();
  for (const auto& kv : schema.at("properties").as_object()) keys.insert(std::string(kv.key()));
  return keys;
}

template <typename T>
void ExpectWritesWhatItDescribes(const Shape<T>& shape, const T& record) {
  EXPECT_EQ(Written(shape, record), Described(shape)) << shape.name();
}

TEST(OpenApiTable, NamesEachOperationOnce) {
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& op : OperationSchemas())
    EXPECT_TRUE(seen.insert({std::string(op.method), std::string(op.pattern)}).second)
        << op.method << " " << op.pattern;
  EXPECT_GT(seen.size(), 120u);
}

TEST(OpenApiTable, ProgrammeShapesWriteWhatTheyDescribe) {
  domain::Activity activity;
  activity.corrections.push_back({"2026-01-01T00:00:00Z", std::nullopt, std::nullopt, "typo"});
  ExpectWritesWhatItDescribes(ActivityShape(), activity);
  ExpectWritesWhatItDescribes(ActivityDetailShape(), activity);
  ExpectWritesWhatItDescribes(FileShape(), domain::StoredFile{});
  ExpectWritesWhatItDescribes(FeedbackDetailShape(), domain::FeedbackDetail{});
  ExpectWritesWhatItDescribes(FeedbackSummaryShape(), domain::FeedbackSummary{});
  ExpectWritesWhatItDescribes(CourseShape(), domain::Course{});
  ExpectWritesWhatItDescribes(PlanAchievementShape(), domain::PlanAchievement{});
  ExpectWritesWhatItDescribes(NeedShape(), domain::TrainingNeed{});
  ExpectWritesWhatItDescribes(TraineesShape(), domain::TraineeReport{});
  ExpectWritesWhatItDescribes(IndicatorShape(), domain::Indicator{});
  ExpectWritesWhatItDescribes(TargetShape(), domain::Target{});
  ExpectWritesWhatItDescribes(SettingsShape(), domain::ProgrammeSettings{});
  ExpectWritesWhatItDescribes(TemplateShape(), domain::ReportTemplate{});
  ExpectWritesWhatItDescribes(ReportShape(), domain::ReportContent{});
  ExpectWritesWhatItDescribes(Dhis2Shape(), domain::ReportService::Dhis2Config{});
}

TEST(OpenApiTable, FeedbackSummaryShareIsNullWithoutClosedRecords) {
  domain::FeedbackSummary summary;
  EXPECT_TRUE(FeedbackSummaryShape().Write(summary).at("closed_on_time_share").is_null());
  summary.closed = 4;
  summary.closed_on_time = 3;
  EXPECT_DOUBLE_EQ(FeedbackSummaryShape().Write(summary).at("closed_on_time_share").as_double(),
                   0.75);
}

TEST(OpenApiTable, RecordKindsOfferTheChildAreaAndTheMonth) {
  domain::RecordKind kind;
  kind.dims = {"sex"};
  const auto dims = RecordKindShape().Write(kind).at("dims").as_array();
  ASSERT_EQ(dims.size(), 3u);
  EXPECT_EQ(dims[1].as_string(), domain::kChildAreaDim);
  EXPECT_EQ(dims[2].as_string(), domain::kMonthDim);
}

// The session answer carries what the web app must not spell out itself, and its schema says so.
TEST(OpenApiTable, SessionCarriesPermissionsAndTheDemographics) {
  SessionAnswer session{domain::User{}, "csrf", {"households.read"}};
  ExpectWritesWhatItDescribes(SessionShape(), session);
  const auto out = SessionShape().Write(session);
  EXPECT_EQ(out.at("permissions").as_array(), json::array({"households.read"}));
  const auto& config = out.at("config").as_object();
  EXPECT_EQ(config.at("sexes").as_array().size(), domain::kSexes.size());
  EXPECT_EQ(config.at("age_bands").as_array().size(), domain::kAgeBandCodes.size());
  EXPECT_EQ(config.at("unknown_age_band").as_string(), domain::kUnknownAgeBand);
}

// The user reader names a role that is not an object as the handler always did, and describes
// the role items when recording (the OpenAPI table calls the same reader).
TEST(OpenApiTable, UserReaderNamesBadRolesAndDescribesTheirItems) {
  const json::object body{{"username", "u"},
                          {"full_name", "U"},
                          {"password", "p"},
                          {"roles", json::array{1, json::object{{"role", "mobiliser"}}}}};
  ObjectReader r(body);
  const auto in = ReadNewUser(r);
  EXPECT_EQ(r.errors().at("roles[0]"), "must be an object {role, area_id}");
  ASSERT_EQ(in.roles.size(), 1u);
  EXPECT_EQ(in.roles[0].role, "mobiliser");
  EXPECT_EQ(in.locale, "en");
  const auto schema = RecordedRequest(ReadNewUser);
  const auto& items = schema.at("properties").at("roles").at("items").as_object();
  EXPECT_TRUE(items.at("properties").as_object().contains("area_id"));
}

// A person's age is counted to the day the handler's Clock gives, not to the machine's date.
TEST(OpenApiTable, PersonAgeIsCountedToTheClocksToday) {
  domain::Person person;
  person.birth_date = "2000-06-02";
  EXPECT_EQ(PersonJson(person, FixedClock("2026-06-01").Today()).at("age").as_int64(), 25);
  EXPECT_EQ(PersonJson(person, FixedClock("2026-06-02").Today()).at("age").as_int64(), 26);
  domain::HouseholdDetail detail;
  detail.people = {person};
  const auto out = HouseholdDetailJson(detail, FixedClock("2026-06-02").Today());
  EXPECT_EQ(out.at("people").as_array().at(0).at("age").as_int64(), 26);
  EXPECT_TRUE(PersonJson(domain::Person{}, "2026-06-02").at("age").is_null());
}

}  // namespace
}  // namespace mobilise::api
