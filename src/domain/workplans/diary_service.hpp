// Daily diary use cases. One diary per staff member per day, written by them (or someone above
// them in the reporting line), read by anyone who sees its area; someone above them reviews it
// (comment, accept), and an accepted diary is locked. Every write is audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/access/actor.hpp"
#include "domain/unit_of_work.hpp"
#include "domain/workplans/diary.hpp"
#include "domain/workplans/diary_rules.hpp"

namespace mobilise::domain {

struct DiaryInput {
  std::optional<std::string> id;       // the client's id (see idempotency.hpp)
  std::optional<std::string> user_id;  // default: the caller
  std::string day;
  bool field_day = true;
  std::vector<std::string> area_ids;
  std::optional<double> lat, lon;
  std::string text;
  std::optional<std::string> travel_mode;
  std::optional<double> travel_km;
  bool night_halt = false;
  std::optional<std::string> night_halt_place;
  std::string next_day_plan;
};

struct DiaryFilter {
  std::optional<std::string> user_id, from, to;
  PageRequest page;
};

struct TeamTally {
  std::string month;
  std::vector<MonthTally> staff;  // the team in tree order
};

class DiaryService {
 public:
  DiaryService(UnitOfWorkFactory& db, const Clock& clock) : db_(db), clock_(clock) {}

  Result<Page<Diary>> List(const Actor& actor, const DiaryFilter& filter);
  // With the records its writer made or facilitated that day.
  Result<Diary> Get(const Actor& actor, const std::string& id);
  // A second diary of the same person and day: a conflict naming `day`.
  Result<Diary> Create(const Actor& actor, const DiaryInput& input);
  // Replaces what the writer wrote (not the person or the day); not once accepted.
  Result<Diary> Update(const Actor& actor, const std::string& id, std::int64_t version,
                       const DiaryInput& input);
  // Someone above the writer comments and/or accepts (locks) it.
  Result<Diary> Review(const Actor& actor, const std::string& id, std::int64_t version,
                       const std::optional<std::string>& comment, bool accept);
  // Field days and night halts of `head`'s team (default: the caller) in `month` (2026-02).
  Result<TeamTally> Tally(const Actor& actor, const std::string& month,
                          const std::optional<std::string>& head);

 private:
  UnitOfWorkFactory& db_;
  const Clock& clock_;
};

}  // namespace mobilise::domain
