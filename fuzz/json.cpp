// The JSON request reader (api/json_io.hpp, handler_io.hpp ReadBody): the body parsed as the API
// parses it (depth limit, UTF-8) and read by the real reader of a route, chosen by the first
// byte, with the closing check for unknown fields. Readers must never throw past ReadBody.
#include <string>

#include "api/activity_json.hpp"
#include "api/collect_device_json.hpp"
#include "api/device_json.hpp"
#include "api/dto.hpp"
#include "api/feedback_json.hpp"
#include "api/handler_io.hpp"
#include "api/indicator_json.hpp"
#include "api/registry_config_json.hpp"
#include "api/registry_dto.hpp"
#include "api/report_json.hpp"
#include "api/training_json.hpp"
#include "fuzz_input.hpp"

namespace {

using namespace mobilise::api;
using Reader = void (*)(const mobilise::http::Request&);

template <auto Read>
void Body(const mobilise::http::Request& request) {
  (void)ReadBody(request, [](ObjectReader& r) { return Read(r); });
}
template <auto Read>
void Patch(const mobilise::http::Request& request) {
  (void)ReadVersioned(request, [](ObjectReader& r) { return Read(r); });
}
void Levels(const mobilise::http::Request& request) {
  (void)ReadArrayBody<mobilise::domain::AreaLevel>(request, "", "{level, name}", ReadAreaLevel);
}

const Reader kReaders[] = {
    Body<ReadNewArea>,        Patch<ReadAreaPatch>,     Levels,
    Body<ReadLogin>,          Body<ReadPasswordChange>, Body<ReadTokenRequest>,
    Body<ReadNewUser>,        Patch<ReadUserPatch>,     Body<ReadActivity>,
    Body<ReadActivityStep>,   Body<ReadCollectDevice>,  Body<ReadDevice>,
    Body<ReadOwnSettings>,    Body<ReadFeedback>,       Body<ReadIndicator>,
    Body<ReadSettings>,       Body<ReadTarget>,         Body<ReadInstitutionType>,
    Body<ReadBandSet>,        Body<ReadChecklist>,      Body<ReadRegistryOption>,
    Body<ReadInstitution>,    Body<ReadPerson>,         Body<ReadHousehold>,
    Body<ReadCourse>,         Body<ReadNewNeed>,        Patch<ReadNeedPatch>,
    Body<ReadNewPlan>,        Patch<ReadPlanPatch>,     Body<ReadNewFollowup>,
    Patch<ReadFollowupPatch>, Body<ReadTemplate>,       Body<ReadNewReport>,
    Body<ReadScores>,
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto input = mobilise::fuzz::Bytes(data, size);
  if (input.empty()) return 0;
  const auto choice = static_cast<unsigned char>(input[0]) % std::size(kReaders);
  input.remove_prefix(1);
  mobilise::http::Request request;
  request.method = "POST";
  request.headers["content-type"] = "application/json";
  request.body = std::string(input);
  kReaders[choice](request);
  return 0;
}
