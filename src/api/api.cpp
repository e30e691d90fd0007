#include "api/api.hpp"

#include "api/json_io.hpp"
#include "api/openrosa/openrosa_routes.hpp"
#include "api/routes.hpp"

namespace mobilise::api {

Api::Api(Services services, ApiOptions options)
    : services_(services), options_(std::move(options)), keys_(services_.db, services_.clock) {
  RouteTable table(router_, services_.auth, keys_);
  AddSessionRoutes(table, services_, options_);
  AddAreaRoutes(table, services_, options_);
  AddAreaImportRoute(table, services_, options_);
  AddUserRoutes(table, services_);
  AddDeviceRoutes(table, services_);
  AddAuditRoutes(table, services_);
  AddRegistryRoutes(table, services_);
  AddInstitutionRoutes(table, services_);
  AddHouseholdRoutes(table, services_);
  AddRegistryImportRoutes(table, services_, options_);
  AddFeedbackRoutes(table, services_);
  AddActivityRoutes(table, services_);
  AddTrainingRoutes(table, services_);
  AddBookRoutes(table, services_);
  AddWorkPlanRoutes(table, services_);
  AddDiaryRoutes(table, services_);
  AddSupervisionRoutes(table, services_);
  AddProfileRoutes(table, services_);
  AddIndicatorRoutes(table, services_);
  AddReportRoutes(table, services_);
  AddSyncRoutes(table, services_);
  AddCollectDeviceRoutes(table, services_, options_);
  AddXFormRoutes(table, services_, options_);
  AddSubmissionRoutes(table, services_);
  openrosa::AddOpenRosaRoutes(table, services_, options_);
  AddOpsRoutes(table, services_, options_, router_);
}

namespace {

http::Response NoRoute(const http::Router::Match& match) {
  if (match.path_known) {
    auto r = ErrorResponse(Error{ErrorCode::kUnsupported, "method not allowed on this path", {}});
    r.status = 405;
    return r;
  }
  return ErrorResponse(Error::NotFound("route"));
}

}  // namespace

http::Admission Api::Screen(http::Request& head) const {
  http::Admission a;
  auto match = router_.Find(head);
  if (!match.handler) {
    a.reject = NoRoute(match);
    return a;
  }
  if (match.authed && !head.Header("authorization").starts_with("Bearer ") &&
      !head.Cookie("mobilise_session")) {
    a.reject = ErrorResponse(Error::Unauthenticated());
    return a;
  }
  const std::string_view pattern = match.pattern;
  if (pattern.ends_with("/import")) a.body_limit = options_.import_limit;
  if (pattern.ends_with("/files")) a.body_limit = options_.file_limit;
  if (pattern == "/api/v1/forms" && head.method == "POST")
    a.body_limit = options_.file_limit;  // an XForm or XLSForm, as large as an attachment
  if (pattern.starts_with("/openrosa/") && pattern.ends_with("/submission"))
    a.body_limit = options_.submission_limit;
  return a;
}

http::Response Api::Handle(http::Request& request) {
  const auto origin = OriginOf(request.remote_ip, request.Header("x-forwarded-for"),
                               request.Header("x-forwarded-proto"), options_.proxy);
  request.remote_ip = origin.ip;
  request.tls = origin.tls;
  auto response = Route(request);
  if (origin.tls) SecureAnswer(response);
  return response;
}

http::Response Api::Route(http::Request& request) {
  auto match = router_.Find(request);
  if (!match.handler) {
    request.route = "unmatched";
    return NoRoute(match);
  }
  request.route = request.method + " " + match.pattern;
  return (*match.handler)(request);
}

}  // namespace mobilise::api
