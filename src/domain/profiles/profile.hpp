// Community profiles (one per area at any level, kept as dated versions) and the risk register
// (risks per area with likelihood x impact, their level changes); and their storage.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/access/actor.hpp"
#include "domain/page.hpp"

namespace mobilise::domain {

// A figure entered from a source other than the registry (a census, a district office).
struct ProfileFigure {
  std::string name;
  double value = 0;
  std::string source, dated_on;
};

// A service or piece of infrastructure: type from the configured list `facility_type`.
struct ProfileFacility {
  std::string type, name, status;  // status: kFacilityStatuses
  std::optional<double> latitude, longitude;
};

// Key personnel. `contact` is blanked for readers who may not see personal data.
struct ProfilePerson {
  std::string name, position, organisation;
  std::optional<std::string> contact;
};

// A key institution of the registry; `name`, `type` are read with it.
struct ProfileInstitution {
  std::string institution_id, name, type;
  std::optional<std::string> note;
  std::optional<double> latitude, longitude;
};

struct ProfileSwot {
  std::vector<std::string> strengths, weaknesses, opportunities, threats;
};

// What a version says about its area.
struct ProfileContent {
  std::vector<ProfileFigure> figures;
  std::vector<ProfileFacility> facilities;
  std::vector<ProfilePerson> personnel;
  std::vector<ProfileInstitution> institutions;
  std::vector<std::string> hazards;
  ProfileSwot swot;
};

// One saved version of an area's profile.
struct ProfileVersion {
  std::string id, area_id, as_of, created_at;
  std::optional<std::string> note, created_by, created_by_name;
  ProfileContent content;
};

// A version as listed: when, and by whom.
struct ProfileVersionRef {
  std::string id, as_of, created_at;
  std::optional<std::string> created_by_name;
};

class ProfileRepository {
 public:
  virtual ~ProfileRepository() = default;
  // The area's versions, oldest first (as_of, then created_at).
  virtual std::vector<ProfileVersionRef> Versions(const std::string& area_id) = 0;
  virtual std::optional<ProfileVersion> Get(const std::string& id) = 0;
  virtual void Insert(const ProfileVersion& version) = 0;
  // The institutions named by `ids` that lie in the subtree at `path`: id -> (name, type).
  virtual std::vector<ProfileInstitution> Institutions(const std::vector<std::string>& ids,
                                                       const std::string& path) = 0;
};

struct RiskLevelChange {
  std::string id, risk_id, changed_at;
  std::optional<std::string> changed_by, changed_by_name;
  int from_level = 0, to_level = 0;
  // Read with alerts: the risk's area and description.
  std::string area_id, area_name, description, category;
};

struct Risk {
  std::string id, area_id, area_name, category, description, trend, next_review_on;
  int likelihood = 1, impact = 1, level = 1;
  std::optional<std::string> mitigation, owner_id, owner_name;
  std::int64_t version = 1;
  std::string created_at, updated_at;
  std::optional<std::string> created_by, updated_by;
  std::vector<RiskLevelChange> changes;  // Get only: newest first
  bool overdue = false;                  // set by the service: the review date has passed
};

struct RiskQuery {
  std::vector<PathRange> scope;
  std::optional<std::string> category;
  std::optional<std::string> overdue_before;  // next review before this date
  PageRequest page;
};

class RiskRepository {
 public:
  virtual ~RiskRepository() = default;
  // Most urgent first: highest level, then the earliest review.
  virtual Page<Risk> List(const RiskQuery& query) = 0;
  virtual std::optional<Risk> Get(const std::string& id) = 0;  // with its level changes
  virtual std::string AreaPath(const std::string& risk_id) = 0;
  virtual void Insert(const Risk& risk) = 0;
  virtual bool Update(const Risk& risk, std::int64_t expected_version) = 0;
  virtual void InsertChange(const RiskLevelChange& change) = 0;
  // Level changes since `since` (a timestamp) of risks in `scope`, newest first, at most `limit`.
  virtual std::vector<RiskLevelChange> ChangesSince(const std::vector<PathRange>& scope,
                                                    const std::string& since, int limit) = 0;
};

}  // namespace mobilise::domain
