// Idempotent creates: a create request may carry the client's id for the record (a UUID made on
// the phone). The record takes that id, so a retried request can never make a second record, and
// the answer of the first request is kept under the id (IdempotencyKey) so that a retry is
// answered as the first time. The HTTP side (api/idempotency.hpp) decides when; this is the
// domain's part: checking a client's id, claiming it for a record, and the stored keys.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/validation.hpp"

namespace mobilise::domain {

class UnitOfWork;
class UnitOfWorkFactory;

// The tables whose records a client may name by id (the table of `RecordIdTaken`).
enum class RecordTable {
  kArea,
  kUser,
  kInstitution,
  kMembership,
  kAssessment,
  kHousehold,
  kPerson,
  kActivity,
  kFile,
  kFeedback,
  kCourse,
  kTrainingNeed,
  kTrainingPlan,
  kTrainingFollowup,
  kTarget,
  kReport,
  kCollectDevice,
  kBookMeeting,
  kBookRules,
  kWorkPlan,
  kDiary,
  kSupervisionVisit,
  kSupervisionAction,
  kReviewMeeting,
  kProfile,
  kRisk,
};

// A create request's kept answer, under the client's id. The key is written in the record's own
// transaction (by ClaimRecordId, while a PendingKey names it) with no answer yet (status 0), and
// the answer is filled in after the commit (IdempotencyService::Store): a committed record always
// has its key, even when the process dies before the answer is written.
struct IdempotencyKey {
  std::string id;         // the client's id of the record the request created
  std::string user_id;    // who sent it
  std::string route;      // "POST /api/v1/households/0190.../people": method and path
  std::string body_hash;  // SHA-256 of the canonical content (api/idempotency.hpp)
  int status = 0;         // 0: the record is committed, its answer not written yet
  std::string response;   // the answer's body
  std::string created_at;
};

class IdempotencyRepository {
 public:
  virtual ~IdempotencyRepository() = default;
  virtual std::optional<IdempotencyKey> Find(const std::string& id) = 0;
  // Stores `key` unless a key with its id exists; true if stored.
  virtual bool Insert(const IdempotencyKey& key) = 0;
  // Writes `key`'s status and response into the key with its id if that has no answer yet
  // (status 0); true if written.
  virtual bool SetAnswer(const IdempotencyKey& key) = 0;
  // Deletes the keys created before `before` (an index range).
  virtual void DeleteCreatedBefore(const std::string& before) = 0;
  // Whether a record of `table` has the id `id`. In a write unit on PostgreSQL it first waits
  // for any other transaction that asked about the same id to end, so two writers of one id are
  // serialised (SQLite's write lock does that already): the second sees the first's record.
  virtual bool RecordIdTaken(RecordTable table, const std::string& id) = 0;
};

// True for a UUID in canonical lower-case text (8-4-4-4-12 hex), the form of a client's id.
bool IsClientId(const std::string& id);

// The id for a new record: the client's `id` when given (checked: errors[field] when it is not a
// client id), else a new one.
std::string NewRecordId(const std::optional<std::string>& id, const std::string& field,
                        FieldErrors& errors);

// Fails with a conflict naming `field` when the client gave an id (`client_id`) that a record of
// `table` already has. Call it first in the write unit that inserts the record, so that of two
// racing requests with one id the second learns that the id is taken (and the HTTP layer then
// answers it as the first: api/idempotency.hpp). Nothing to check without an id, or with a
// malformed one (NewRecordId reports that). When the id is free and is the id of this thread's
// PendingKey, the key (without its answer) is inserted in `uow`: it commits with the record.
Status ClaimRecordId(UnitOfWork& uow, RecordTable table,
                     const std::optional<std::string>& client_id, const std::string& field = "id");

// The key of the create request this thread is running, for the length of the request
// (IdempotencyService::Expect makes one). One at a time per thread: a request runs on one thread.
class PendingKey {
 public:
  explicit PendingKey(IdempotencyKey key);
  ~PendingKey();
  PendingKey(const PendingKey&) = delete;
  PendingKey& operator=(const PendingKey&) = delete;
  // The pending key of the calling thread, or null.
  static const IdempotencyKey* Current();

 private:
  IdempotencyKey key_;
  const IdempotencyKey* previous_;
};

// The stored keys, for the HTTP layer's idempotent-create wrapper.
class IdempotencyService {
 public:
  // Keys are kept this long, then deleted as new keys are stored.
  static constexpr int kRetentionDays = 30;
  IdempotencyService(UnitOfWorkFactory& db, const Clock& clock) : db_(db), clock_(clock) {}
  std::optional<IdempotencyKey> Find(const std::string& id);
  // Names `key` (created_at set now) as the calling thread's pending key while the result lives:
  // the create's ClaimRecordId writes it in the record's transaction.
  std::unique_ptr<PendingKey> Expect(IdempotencyKey key) const;
  // Stores the answer (created_at set now): a new key if the id has none, or the answer of a
  // key written without one (the pending key of this same request). Answers the key kept under
  // the id (this one, or the one stored first). Deletes keys past retention.
  IdempotencyKey Store(IdempotencyKey key);

 private:
  UnitOfWorkFactory& db_;
  const Clock& clock_;
};

}  // namespace mobilise::domain
