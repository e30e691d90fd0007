// The HTTP API: routes, authentication (session cookie + CSRF, or bearer token), and the
// translation of requests to service calls and results to JSON. No SQL here.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "api/client_address.hpp"
#include "api/http/message.hpp"
#include "api/http/router.hpp"
#include "api/http/server.hpp"
#include "core/clock.hpp"
#include "domain/activities/activity_service.hpp"
#include "domain/areas/area_service.hpp"
#include "domain/audit/audit_service.hpp"
#include "domain/auth/auth_service.hpp"
#include "domain/feedback/feedback_service.hpp"
#include "domain/finance/book_service.hpp"
#include "domain/forms/collect_device_service.hpp"
#include "domain/forms/submission_service.hpp"
#include "domain/forms/xform_service.hpp"
#include "domain/idempotency/idempotency.hpp"
#include "domain/indicators/indicator_service.hpp"
#include "domain/indicators/target_service.hpp"
#include "domain/profiles/profile_service.hpp"
#include "domain/profiles/risk_service.hpp"
#include "domain/registry/household_service.hpp"
#include "domain/registry/institution_service.hpp"
#include "domain/registry/registry_config_service.hpp"
#include "domain/registry/registry_summary.hpp"
#include "domain/reports/report_service.hpp"
#include "domain/supervision/supervision_service.hpp"
#include "domain/trainings/training_service.hpp"
#include "domain/users/user_service.hpp"

namespace mobilise::http {
class Metrics;
}

namespace mobilise::api {

struct Services {
  domain::UnitOfWorkFactory& db;
  domain::AreaService& areas;
  domain::UserService& users;
  domain::AuthService& auth;
  domain::AuditService& audit;
  domain::RegistryConfigService& registry_config;
  domain::InstitutionService& institutions;
  domain::HouseholdService& households;
  domain::RegistrySummaryService& registry_summary;
  domain::FeedbackService& feedback;
  domain::ActivityService& activities;
  domain::TrainingService& trainings;
  domain::IndicatorService& indicators;
  domain::TargetService& targets;
  domain::ReportService& reports;
  domain::CollectDeviceService& collect_devices;  // ODK Collect (docs/openrosa.md)
  domain::XFormService& xforms;
  domain::SubmissionService& submissions;
  domain::BookService& books;  // group books (docs/books.md)
  domain::SupervisionService& supervision;
  domain::ProfileService& profiles;  // community profiles
  domain::RiskService& risks;        // the risk register
  domain::BlobStore& blobs;          // files by SHA-256 (the data directory)
  const Clock& clock;                // the time the API stamps on what it makes itself (exports)
};

struct ApiOptions {
  bool secure_cookie = false;  // add `Secure` (behind HTTPS)
  // The reverse proxies whose X-Forwarded-For/-Proto are believed, and whether every client
  // speaks TLS (then cookies are Secure and answers carry HSTS): client_address.hpp.
  ProxyOptions proxy;
  int session_hours = 12;
  std::size_t import_limit = 50 << 20;         // bytes of an uploaded import file
  std::size_t file_limit = 10 << 20;           // bytes of an attached file (POST .../files)
  http::Metrics* metrics = nullptr;            // for GET /metrics
  std::function<std::string()> extra_metrics;  // e.g. database pool gauges
  std::string version;
  // The public base URL of this server for URLs in answers (OpenRosa), e.g.
  // "https://mis.example.org"; "" takes the request's scheme and Host.
  std::string public_url;
  // The body limit the HTTP server enforces on OpenRosa submissions (X-OpenRosa-Accept-
  // Content-Length says it to Collect).
  std::size_t submission_limit = 50 << 20;
  std::string xlsform_command;  // converts uploaded XLSForms (importers/xlsform.hpp)
  // /healthz reports the free space where files are stored, "degraded" under min_free_disk.
  std::string data_dir;
  std::size_t min_free_disk = 256u << 20;
  int max_imports = 2;  // imports at once; more get 429 rate_limited
};

class Api {
 public:
  Api(Services services, ApiOptions options);
  // Routes the request; never throws for expected failures (they become error responses).
  // The request's remote_ip becomes the client's (behind a trusted proxy), and an answer to a
  // client on TLS gets HSTS and Secure cookies (client_address.hpp).
  http::Response Handle(http::Request& request);
  // From the request's line and headers, before its body (http::Screener): no route (404/405)
  // or, on an authenticated route, no session cookie or bearer token at all (401) is answered
  // at once; the body limit is the route's (imports, files, OpenRosa submissions; 0 for the
  // server's default). Credentials are only checked for presence here (no database work).
  http::Admission Screen(http::Request& head) const;
  const http::Router& router() const { return router_; }

 private:
  http::Response Route(http::Request& request);
  Services services_;
  ApiOptions options_;
  domain::IdempotencyService keys_;  // the answers of idempotent creates (route_table.hpp)
  http::Router router_;
};

}  // namespace mobilise::api
