// Every service of the API built over one database, clock and file store: the one wiring of the
// services, used by the server (app/server.cpp) and by the tests that drive the whole API's
// services in process (api/openrosa/builtin_forms_test.cpp). Not copyable: `api` refers to the
// members.
#pragma once

#include "api/api.hpp"

namespace mobilise::api {

struct ServiceSet {
  ServiceSet(domain::UnitOfWorkFactory& db, const Clock& clock, domain::BlobStore& blobs,
             domain::AuthPolicy policy = {});
  ServiceSet(const ServiceSet&) = delete;
  ServiceSet& operator=(const ServiceSet&) = delete;

  domain::AreaService areas;
  domain::UserService users;
  domain::AuthService auth;
  domain::AuditService audit;
  domain::RegistryConfigService registry_config;
  domain::InstitutionService institutions;
  domain::HouseholdService households;
  domain::RegistrySummaryService registry_summary;
  domain::FeedbackService feedback;
  domain::ActivityService activities;
  domain::TrainingService trainings;
  domain::IndicatorService indicators;
  domain::TargetService targets;
  domain::ReportService reports;
  domain::CollectDeviceService collect_devices;
  domain::XFormService xforms;
  domain::SubmissionService submissions;
  domain::BookService books;
  domain::SupervisionService supervision;
  domain::ProfileService profiles;
  domain::RiskService risks;
  Services api;  // what Api and the route handlers hold
};

}  // namespace mobilise::api
