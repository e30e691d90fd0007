// The JSON of a sync page (GET /api/v1/sync) and its schema.
#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "domain/sync/sync_service.hpp"

namespace mobilise::api {

// {cursor, more, reset, progress: {done, total}, server_time, changes: [{entity, upserts,
// deletes}]}: one entry per entity with anything to say, in the page's entity order; each
// upsert written as the entity's detail GET writes it (`today` for the ages of people).
boost::json::object SyncPageJson(const domain::SyncPage& page, const std::string& today);
boost::json::object SyncPageSchema();

}  // namespace mobilise::api
