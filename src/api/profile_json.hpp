// Community profiles and risks as JSON (each writer is its Shape, see api/schema.hpp), and the
// readers of their request bodies.
#pragma once

#include <boost/json/object.hpp>

#include "api/json_io.hpp"
#include "api/schema.hpp"
#include "domain/profiles/profile_service.hpp"
#include "domain/profiles/risk_service.hpp"

namespace mobilise::api {

const Shape<domain::ProfileView>& ProfileViewShape();
const Shape<domain::Risk>& RiskShape();
const Shape<domain::Risk>& RiskDetailShape();  // with its level changes
const Shape<domain::RiskAlerts>& RiskAlertsShape();

boost::json::object ProfileViewJson(const domain::ProfileView& view);
boost::json::object RiskJson(const domain::Risk& risk);
boost::json::object RiskDetailJson(const domain::Risk& risk);
boost::json::object RiskAlertsJson(const domain::RiskAlerts& alerts);

// POST /areas/{id}/profile: a new version (its whole content).
domain::ProfileInput ReadProfile(ObjectReader& r);
// POST /risks, and PATCH /risks/{id} after its version (what is given changes).
domain::RiskInput ReadNewRisk(ObjectReader& r);
domain::RiskInput ReadRiskPatch(ObjectReader& r);

}  // namespace mobilise::api
