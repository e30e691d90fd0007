#include "api/sync_json.hpp"

#include "api/activity_json.hpp"
#include "api/dto.hpp"
#include "api/feedback_json.hpp"
#include "api/registry_dto.hpp"
#include "api/training_json.hpp"

namespace mobilise::api {

namespace json = boost::json;

namespace {

template <typename T, typename F>
void Add(json::array& changes, domain::SyncEntity entity, const domain::EntityChanges<T>& c,
         F&& write) {
  if (c.size() == 0) return;
  json::array upserts, deletes;
  for (const auto& x : c.upserts) upserts.push_back(write(x));
  for (const auto& id : c.deletes) deletes.push_back(json::value(id));
  changes.push_back(json::object{{"entity", domain::SyncEntityName(entity)},
                                 {"upserts", std::move(upserts)},
                                 {"deletes", std::move(deletes)}});
}

}  // namespace

json::object SyncPageJson(const domain::SyncPage& p, const std::string& today) {
  using E = domain::SyncEntity;
  json::array changes;
  Add(changes, E::kAreas, p.areas, AreaDetailJson);
  Add(changes, E::kCourses, p.courses, CourseJson);
  Add(changes, E::kInstitutions, p.institutions, DetailJson);
  Add(changes, E::kHouseholds, p.households,
      [&](const domain::HouseholdDetail& d) { return HouseholdDetailJson(d, today); });
  Add(changes, E::kMemberships, p.memberships, MembershipJson);
  Add(changes, E::kActivities, p.activities, ActivityDetailJson);
  Add(changes, E::kFeedback, p.feedback, FeedbackDetailJson);
  return json::object{{"cursor", p.cursor},
                      {"more", p.more},
                      {"reset", p.reset},
                      {"progress", json::object{{"done", p.done}, {"total", p.total}}},
                      {"server_time", p.server_time},
                      {"changes", std::move(changes)}};
}

json::object SyncPageSchema() {
  static constexpr std::string_view kEntities[] = {
      "areas", "courses", "institutions", "households", "memberships", "activities", "feedback"};
  auto upsert = TypeSchema("object");
  upsert["description"] =
      "the record as its detail GET answers it (GET /api/v1/<entity>/{id}; a membership as "
      "GET /api/v1/institutions/{id}/members lists it)";
  auto change = ObjectSchema({{"entity", EnumSchema(kEntities)},
                              {"upserts", ArraySchema(upsert)},
                              {"deletes", ArraySchema(TypeSchema("string"))}},
                             {"entity", "upserts", "deletes"});
  auto progress = ObjectSchema({{"done", TypeSchema("integer")}, {"total", TypeSchema("integer")}},
                               {"done", "total"});
  return ObjectSchema({{"cursor", TypeSchema("string")},
                       {"more", TypeSchema("boolean")},
                       {"reset", TypeSchema("boolean")},
                       {"progress", progress},
                       {"server_time", TypeSchema("string")},
                       {"changes", ArraySchema(change)}},
                      {"cursor", "more", "reset", "progress", "server_time", "changes"});
}

}  // namespace mobilise::api
