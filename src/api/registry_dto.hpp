// Registry records as JSON, in the shapes docs/api.md documents.
#pragma once

#include <boost/json/object.hpp>

#include "domain/registry/household_service.hpp"
#include "domain/registry/institution_service.hpp"
#include "domain/registry/registry_config.hpp"
#include "domain/registry/registry_summary.hpp"

namespace mobilise::api {

boost::json::object RegistryConfigJson(const domain::RegistryConfig& config);
boost::json::object InstitutionTypeJson(const domain::InstitutionType& type);
boost::json::object InstitutionJson(const domain::Institution& institution,
                                    const std::vector<domain::Warning>& warnings = {});
boost::json::object StatusChangeJson(const domain::StatusChange& change);
boost::json::object MembershipJson(const domain::Membership& membership);
boost::json::object AssessmentJson(const domain::Assessment& assessment);
boost::json::object HouseholdJson(const domain::Household& household);
boost::json::object PersonJson(const domain::Person& person);
boost::json::object HouseholdDetailJson(const domain::HouseholdDetail& detail);
boost::json::array WarningsJson(const std::vector<domain::Warning>& warnings);
boost::json::object SummaryJson(const domain::RegistrySummary& summary);

}  // namespace mobilise::api
