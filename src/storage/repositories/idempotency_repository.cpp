#include "storage/repositories/idempotency_repository.hpp"

#include "storage/dialect.hpp"

namespace mobilise::storage {
namespace {

using domain::RecordTable;

const char* TableName(RecordTable table) {
  switch (table) {
    case RecordTable::kArea:
      return "area";
    case RecordTable::kUser:
      return "app_user";
    case RecordTable::kInstitution:
      return "institution";
    case RecordTable::kMembership:
      return "membership";
    case RecordTable::kAssessment:
      return "assessment";
    case RecordTable::kHousehold:
      return "household";
    case RecordTable::kPerson:
      return "person";
    case RecordTable::kActivity:
      return "activity";
    case RecordTable::kFile:
      return "file";
    case RecordTable::kFeedback:
      return "feedback";
    case RecordTable::kCourse:
      return "course";
    case RecordTable::kTrainingNeed:
      return "training_need";
    case RecordTable::kTrainingPlan:
      return "training_plan";
    case RecordTable::kTrainingFollowup:
      return "training_followup";
    case RecordTable::kTarget:
      return "target";
    case RecordTable::kReport:
      return "report";
    case RecordTable::kCollectDevice:
      return "collect_device";
    case RecordTable::kBookMeeting:
      return "book_meeting";
    case RecordTable::kBookRules:
      return "book_rule";
    case RecordTable::kWorkPlan:
      return "work_plan";
    case RecordTable::kDiary:
      return "diary";
    case RecordTable::kSupervisionVisit:
      return "supervision_visit";
    case RecordTable::kSupervisionAction:
      return "supervision_action";
    case RecordTable::kReviewMeeting:
      return "review_meeting";
    case RecordTable::kProfile:
      return "community_profile";
    case RecordTable::kRisk:
      return "risk";
  }
  throw DatabaseError("unknown record table");
}

}  // namespace

std::optional<domain::IdempotencyKey> SqlIdempotencyRepository::Find(const std::string& id) {
  auto rs = conn_.Query(
      "SELECT id, user_id, route, body_hash, status, response, created_at FROM idempotency_key "
      "WHERE id = ?",
      {id});
  if (rs.empty()) return std::nullopt;
  const auto r = rs[0];
  return domain::IdempotencyKey{r.Str("id"),
                                r.Str("user_id"),
                                r.Str("route"),
                                r.Str("body_hash"),
                                static_cast<int>(r.Int("status")),
                                r.Str("response"),
                                r.Str("created_at")};
}

bool SqlIdempotencyRepository::Insert(const domain::IdempotencyKey& k) {
  return conn_.Execute(
             "INSERT INTO idempotency_key (id, user_id, route, body_hash, status, response, "
             "created_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING",
             {k.id, k.user_id, k.route, k.body_hash, std::int64_t{k.status}, k.response,
              k.created_at}) == 1;
}

bool SqlIdempotencyRepository::SetAnswer(const domain::IdempotencyKey& k) {
  return conn_.Execute(
             "UPDATE idempotency_key SET status = ?, response = ? WHERE id = ? AND status = 0",
             {std::int64_t{k.status}, k.response, k.id}) == 1;
}

void SqlIdempotencyRepository::DeleteCreatedBefore(const std::string& before) {
  conn_.Execute("DELETE FROM idempotency_key WHERE created_at < ?", {before});
}

bool SqlIdempotencyRepository::RecordIdTaken(RecordTable table, const std::string& id) {
  LockKey(conn_, id);
  return !conn_.Query(std::string("SELECT 1 FROM ") + TableName(table) + " WHERE id = ?", {id})
              .empty();
}

}  // namespace mobilise::storage
