// Activities and their files as JSON (each writer is its Shape, see api/schema.hpp), and the
// reader of an activity's body (POST and PATCH /activities).
#pragma once

#include <boost/json/object.hpp>

#include "api/json_io.hpp"
#include "api/schema.hpp"
#include "domain/activities/activity_service.hpp"

namespace mobilise::api {

const Shape<domain::StoredFile>& FileShape();
const Shape<domain::Activity>& ActivityShape();
// One activity as read or changed alone: with its corrections (when, by whom, why).
const Shape<domain::Activity>& ActivityDetailShape();
// A row of GET /activities/summary.
const Shape<domain::ActivityMonthCount>& ActivityMonthShape();

boost::json::object FileJson(const domain::StoredFile& file);
boost::json::object ActivityJson(const domain::Activity& activity);
boost::json::object ActivityDetailJson(const domain::Activity& activity);
boost::json::object ActivityMonthJson(const domain::ActivityMonthCount& count);

// The fields of POST /activities and of PATCH /activities/{id} (after its version).
domain::ActivityInput ReadActivity(ObjectReader& r);
// The body of POST /activities/{id}/submit|verify|return: {version, comment?}.
std::pair<std::int64_t, std::optional<std::string>> ReadActivityStep(ObjectReader& r);

}  // namespace mobilise::api
