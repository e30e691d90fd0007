// The operation table's rows for the programme's work (activities and files, feedback, courses,
// training needs, plans, trainees and follow-ups, indicators, targets, settings, reports,
// templates, the DHIS2 mapping) and the registry's file imports. See openapi_table.cpp.
#include "api/activity_json.hpp"
#include "api/feedback_json.hpp"
#include "api/import_json.hpp"
#include "api/indicator_json.hpp"
#include "api/openapi_table.hpp"
#include "api/profile_json.hpp"
#include "api/report_json.hpp"
#include "api/training_json.hpp"

namespace mobilise::api::openapi_table {

namespace {

// POST /<records>/{id}/<action>: {version, comment?}, or for a report's return the comment
// required.
Schema Step(bool comment_required) {
  return Reads([comment_required](ObjectReader& r) {
    r.RequiredInt("version");
    if (comment_required)
      r.RequiredString("comment");
    else
      r.OptionalString("comment");
  });
}

Schema FeedbackStep(std::string action) {
  return Versioned([action](ObjectReader& r) { ReadFeedbackStep(r, action); });
}

std::vector<OperationSchema> ActivityOperations() {
  const Schema none;
  return {
      {"GET", "/api/v1/activities", 200, PageOf(&ActivityShape), none},
      {"GET", "/api/v1/activities/summary", 200, OnlyItemsOf(&ActivityMonthShape), none},
      {"POST", "/api/v1/activities", 201, One(&ActivityDetailShape), Reads(ReadNew<ReadActivity>)},
      {"GET", "/api/v1/activities/{id}", 200, One(&ActivityDetailShape), none},
      {"PATCH", "/api/v1/activities/{id}", 200, One(&ActivityDetailShape), Versioned(ReadActivity)},
      {"DELETE", "/api/v1/activities/{id}", 204, none, none},
      {"POST", "/api/v1/activities/{id}/submit", 200, One(&ActivityDetailShape), Step(false)},
      {"POST", "/api/v1/activities/{id}/verify", 200, One(&ActivityDetailShape), Step(false)},
      {"POST", "/api/v1/activities/{id}/return", 200, One(&ActivityDetailShape), Step(false)},
      {"GET", "/api/v1/activities/{id}/files", 200, ItemsOf(&FileShape), none},
      // The body is the file itself (its name in ?filename=); GET /files/{id} answers its bytes.
      {"POST", "/api/v1/activities/{id}/files", 201, One(&FileShape), none},
      {"GET", "/api/v1/files/{id}", 200, none, none},
      // Feedback.
      {"GET", "/api/v1/feedback/categories", 200, ArrayOf(&FeedbackCategoryShape), none},
      {"GET", "/api/v1/feedback", 200, PageOf(&FeedbackShape), none},
      {"GET", "/api/v1/feedback/summary", 200, One(&FeedbackSummaryShape), none},
      {"POST", "/api/v1/feedback", 201, One(&FeedbackShape), Reads(ReadNew<ReadFeedback>)},
      {"GET", "/api/v1/feedback/{id}", 200, One(&FeedbackDetailShape), none},
      {"GET", "/api/v1/feedback/{id}/assignees", 200, OnlyItemsOf(&FeedbackHandlerShape), none},
      {"PATCH", "/api/v1/feedback/{id}", 200, One(&FeedbackDetailShape), Versioned(ReadFeedback)},
      {"POST", "/api/v1/feedback/{id}/assign", 200, One(&FeedbackDetailShape),
       FeedbackStep("assign")},
      {"POST", "/api/v1/feedback/{id}/refer", 200, One(&FeedbackDetailShape),
       FeedbackStep("refer")},
      {"POST", "/api/v1/feedback/{id}/respond", 200, One(&FeedbackDetailShape),
       FeedbackStep("respond")},
      {"POST", "/api/v1/feedback/{id}/close", 200, One(&FeedbackDetailShape),
       FeedbackStep("close")},
  };
}

std::vector<OperationSchema> TrainingOperations() {
  const Schema none;
  return {
      {"GET", "/api/v1/courses", 200, OnlyItemsOf(&CourseShape), none},
      {"POST", "/api/v1/courses", 201, One(&CourseShape), Reads(ReadNew<ReadCourse>)},
      {"GET", "/api/v1/courses/{id}", 200, One(&CourseShape), none},
      {"PATCH", "/api/v1/courses/{id}", 200, One(&CourseShape), Versioned(ReadCourse)},
      {"DELETE", "/api/v1/courses/{id}", 204, none, none},
      {"GET", "/api/v1/training-needs", 200, PageOf(&NeedShape), none},
      {"POST", "/api/v1/training-needs", 201, One(&NeedShape), Reads(ReadNewNeed)},
      {"GET", "/api/v1/training-needs/{id}", 200, One(&NeedShape), none},
      {"PATCH", "/api/v1/training-needs/{id}", 200, One(&NeedShape), Versioned(ReadNeedPatch)},
      {"DELETE", "/api/v1/training-needs/{id}", 204, none, none},
      {"GET", "/api/v1/staff", 200, PageOf(&StaffShape), none},
      {"GET", "/api/v1/training-plans", 200, PageOf(&PlanShape), none},
      {"POST", "/api/v1/training-plans", 201, One(&PlanShape), Reads(ReadNewPlan)},
      {"GET", "/api/v1/training-plans/{id}", 200, One(&PlanShape), none},
      {"PATCH", "/api/v1/training-plans/{id}", 200, One(&PlanShape), Versioned(ReadPlanPatch)},
      {"DELETE", "/api/v1/training-plans/{id}", 204, none, none},
      {"GET", "/api/v1/training-plans/achievement", 200, OnlyItemsOf(&PlanAchievementShape), none},
      {"GET", "/api/v1/trainings/{id}/trainees", 200, One(&TraineesShape), none},
      {"PUT", "/api/v1/trainings/{id}/trainees", 200, One(&TraineesShape), Reads(ReadScores)},
      {"GET", "/api/v1/trainings/{id}/followups", 200, OnlyItemsOf(&FollowupShape), none},
      {"POST", "/api/v1/trainings/{id}/followups", 201, One(&FollowupShape),
       Reads(ReadNewFollowup)},
      {"PATCH", "/api/v1/trainings/{id}/followups/{followup_id}", 200, One(&FollowupShape),
       Versioned(ReadFollowupPatch)},
      {"DELETE", "/api/v1/trainings/{id}/followups/{followup_id}", 204, none, none},
  };
}

std::vector<OperationSchema> IndicatorOperations() {
  const Schema none;
  return {
      {"GET", "/api/v1/record-kinds", 200, OnlyItemsOf(&RecordKindShape), none},
      {"GET", "/api/v1/programme-settings", 200, One(&SettingsShape), none},
      {"PUT", "/api/v1/programme-settings", 200, One(&SettingsShape), Reads(ReadSettings)},
      {"GET", "/api/v1/indicators", 200, OnlyItemsOf(&IndicatorShape), none},
      {"POST", "/api/v1/indicators", 201, One(&IndicatorShape),
       Reads(ReadCodeCreate<ReadIndicator>)},
      {"GET", "/api/v1/indicators/{code}", 200, One(&IndicatorShape), none},
      {"PATCH", "/api/v1/indicators/{code}", 200, One(&IndicatorShape), Versioned(ReadIndicator)},
      {"DELETE", "/api/v1/indicators/{code}", 204, none, none},
      {"GET", "/api/v1/indicators/{code}/values", 200, One(&ValuesShape), none},
      {"GET", "/api/v1/indicators/{code}/records", 200,
       ItemsOf(&IndicatorRecordShape, {"limit", "offset"}), none},
      {"GET", "/api/v1/targets", 200, PageOf(&TargetShape), none},
      {"POST", "/api/v1/targets", 201, One(&TargetShape), Reads(ReadTarget)},
      {"DELETE", "/api/v1/targets/{id}", 204, none, none},
  };
}

std::vector<OperationSchema> ReportOperations() {
  const Schema none;
  return {
      {"GET", "/api/v1/report-templates", 200, OnlyItemsOf(&TemplateShape), none},
      {"POST", "/api/v1/report-templates", 201, One(&TemplateShape),
       Reads(ReadCodeCreate<ReadTemplate>)},
      {"PUT", "/api/v1/report-templates/{code}", 200, One(&TemplateShape), Reads(ReadTemplate)},
      {"DELETE", "/api/v1/report-templates/{code}", 204, none, none},
      {"GET", "/api/v1/reports", 200, PageOf(&ReportSummaryShape), none},
      {"POST", "/api/v1/reports", 201, One(&ReportShape), Reads(ReadNewReport)},
      {"GET", "/api/v1/reports/{id}", 200, One(&ReportShape), none},
      {"PATCH", "/api/v1/reports/{id}", 200, One(&ReportShape), Versioned(ReadReportPatch)},
      {"POST", "/api/v1/reports/{id}/submit", 200, One(&ReportShape), Versioned([](auto&) {})},
      {"POST", "/api/v1/reports/{id}/approve", 200, One(&ReportShape), Versioned([](auto&) {})},
      {"POST", "/api/v1/reports/{id}/return", 200, One(&ReportShape), Step(true)},
      // A CSV, XLSX, DOCX or PDF file.
      {"GET", "/api/v1/reports/{id}/export", 200, none, none},
      {"GET", "/api/v1/dhis2-mapping", 200, One(&Dhis2Shape), none},
      {"PUT", "/api/v1/dhis2-mapping", 200, One(&Dhis2Shape), Reads(ReadDhis2)},
  };
}

// The users import also answers each created user's first password, once.
boost::json::object UserImportAnswerSchema() {
  auto schema = ImportAnswerSchema({"saved", "created", "updated"});
  const boost::json::object pair =
      ObjectSchema({{"username", TypeSchema("string")}, {"password", TypeSchema("string")}},
                   {"username", "password"});
  schema["properties"].as_object()["passwords"] = ArraySchema(pair);
  schema["required"].as_array().push_back("passwords");
  return schema;
}

// Community profiles (the sheet's answer is the file) and the risk register.
std::vector<OperationSchema> ProfileOperations() {
  const Schema none;
  return {
      {"GET", "/api/v1/areas/{id}/profile", 200, One(&ProfileViewShape), none},
      {"POST", "/api/v1/areas/{id}/profile", 201, One(&ProfileViewShape), Reads(ReadProfile)},
      {"GET", "/api/v1/areas/{id}/profile/export", 200, none, none},
      {"GET", "/api/v1/risks", 200, PageOf(&RiskShape), none},
      {"POST", "/api/v1/risks", 201, One(&RiskDetailShape), Reads(ReadNewRisk)},
      {"GET", "/api/v1/risks/alerts", 200, One(&RiskAlertsShape), none},
      {"GET", "/api/v1/risks/{id}", 200, One(&RiskDetailShape), none},
      {"PATCH", "/api/v1/risks/{id}", 200, One(&RiskDetailShape), Versioned(ReadRiskPatch)},
  };
}

// The body of an import is the file (CSV or XLSX); the answer counts what it held.
std::vector<OperationSchema> ImportOperations() {
  const Schema none;
  auto answer = [](std::vector<std::string> counts) {
    return [counts] { return ImportAnswerSchema(counts); };
  };
  return {
      {"POST", "/api/v1/households/import", 200, answer({"households", "people", "created"}), none},
      {"POST", "/api/v1/institutions/import", 200,
       answer({"institutions", "memberships", "created"}), none},
      {"POST", "/api/v1/training-plans/import", 200, answer({"saved"}), none},
      {"POST", "/api/v1/targets/import", 200, answer({"saved"}), none},
      {"POST", "/api/v1/users/import", 200, UserImportAnswerSchema, none},
  };
}

}  // namespace

std::vector<OperationSchema> ProgrammeOperations() {
  std::vector<OperationSchema> all;
  for (auto part : {ActivityOperations(), TrainingOperations(), IndicatorOperations(),
                    ReportOperations(), ImportOperations(), ProfileOperations()})
    all.insert(all.end(), part.begin(), part.end());
  return all;
}

std::vector<const ShapeBase*> ProgrammeShapes() {
  return {&FileShape(),
          &ActivityShape(),
          &ActivityDetailShape(),
          &ActivityMonthShape(),
          &FeedbackShape(),
          &FeedbackDetailShape(),
          &FeedbackCategoryShape(),
          &FeedbackSummaryShape(),
          &FeedbackHandlerShape(),
          &CourseShape(),
          &PlanShape(),
          &PlanAchievementShape(),
          &NeedShape(),
          &FollowupShape(),
          &TraineesShape(),
          &StaffShape(),
          &IndicatorShape(),
          &ValuesShape(),
          &IndicatorRecordShape(),
          &RecordKindShape(),
          &TargetShape(),
          &SettingsShape(),
          &TemplateShape(),
          &ReportSummaryShape(),
          &ReportShape(),
          &Dhis2Shape(),
          &ImportRowErrorShape(),
          &ProfileViewShape(),
          &RiskShape(),
          &RiskDetailShape(),
          &RiskAlertsShape()};
}

}  // namespace mobilise::api::openapi_table
