// Daily diaries (issue 17): one per staff member per day; where they went, what they did, travel,
// a field or office day, a night halt and where, and the next day's plan. Reviewed (commented and
// accepted) by the supervisor chain, then locked.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/areas/area.hpp"
#include "domain/page.hpp"
#include "domain/workplans/work_plan.hpp"

namespace mobilise::domain {

struct DiaryArea {
  std::string area_id, area_name, area_path;
};

struct Diary {
  std::string id;
  std::string user_id, user_name;
  std::string day;                 // YYYY-MM-DD
  std::string area_id, area_path;  // the owner's first role area when written: who may read it
  bool field_day = true;           // false: an office day
  std::vector<DiaryArea> areas;    // visited
  std::optional<double> lat, lon;  // a check-in from the phone
  std::string text;
  std::optional<std::string> travel_mode;  // foot | bicycle | motorbike | car | bus | other
  std::optional<double> travel_km;
  bool night_halt = false;
  std::optional<std::string> night_halt_place;
  std::string next_day_plan;
  bool accepted = false;  // reviewed and accepted by the supervisor chain: locked
  std::optional<std::string> review_comment, reviewed_by, reviewed_at;
  std::vector<ActualWork> records;  // filled by reads: what they recorded that day
  std::int64_t version = 1;
  std::string created_at, updated_at;
  std::optional<std::string> created_by, updated_by;
};

struct DiaryQuery {
  std::vector<PathRange> scope;
  std::vector<std::string> user_ids;  // empty: anyone in scope
  std::optional<std::string> from, to;
  PageRequest page;
};

// Field days and night halts a month expected of a role (table staff_norm).
struct StaffNorm {
  std::string role;
  int field_days = 0, night_halts = 0;
};

class DiaryRepository {
 public:
  virtual ~DiaryRepository() = default;
  virtual std::optional<Diary> Get(const std::string& id) = 0;
  virtual std::optional<Diary> Find(const std::string& user_id, const std::string& day) = 0;
  virtual Page<Diary> List(const DiaryQuery& query) = 0;  // areas filled, records not
  // False when the user already has a diary that day.
  virtual bool Insert(const Diary& diary) = 0;
  virtual bool Update(const Diary& diary, std::int64_t expected_version) = 0;
  virtual std::vector<StaffNorm> Norms() = 0;
};

}  // namespace mobilise::domain
