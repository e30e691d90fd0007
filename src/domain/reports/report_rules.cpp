#include "domain/reports/report_rules.hpp"

#include <array>
#include <string>

#include "core/enum_text.hpp"

namespace mobilise::domain {
namespace {

// By ReportAction: its name, and the event it leaves.
constexpr struct {
  std::string_view name, done;
} kActionNames[] = {{"submit", "submitted"}, {"approve", "approved"}, {"return", "returned"}};

// Why the caller may not take a step; none when they may.
std::optional<Error> Refusal(ReportRole who, const ReportCaller& caller) {
  if (who == ReportRole::kWriter) {
    if (!caller.writes_area) return Error::Forbidden();
    return std::nullopt;
  }
  if (!caller.approves_above)
    return Error::Forbidden("reports are approved by an officer or manager of the level above");
  if (caller.is_author)
    return Error::Forbidden("a report is approved by someone other than its author");
  return std::nullopt;
}

}  // namespace

std::string_view ReportStatusName(ReportStatus status) { return EnumText(kReportStatuses, status); }

std::optional<ReportStatus> ParseReportStatus(std::string_view text) {
  return ParseEnumText<ReportStatus>(kReportStatuses, text);
}

std::string_view ReportActionName(ReportAction action) {
  return kActionNames[static_cast<int>(action)].name;
}

std::string_view ReportActionDone(ReportAction action) {
  return kActionNames[static_cast<int>(action)].done;
}

ReportRole ReportRoleFor(ReportAction action) {
  for (const auto& t : kReportTransitions)
    if (t.action == action) return t.who;
  return ReportRole::kApprover;
}

bool ReportEditable(std::optional<ReportStatus> status) {
  for (const auto& t : kReportTransitions)
    if (status && t.from == *status && t.action == ReportAction::kSubmit) return true;
  return false;
}

Result<ReportStatus> NextReportStatus(std::optional<ReportStatus> from, ReportAction action,
                                      const ReportCaller& caller) {
  if (auto refused = Refusal(ReportRoleFor(action), caller)) return Fail(*refused);
  std::string froms;  // "a draft or returned"
  for (const auto& t : kReportTransitions) {
    if (t.action != action) continue;
    if (from && t.from == *from) return t.to;
    froms += std::string(froms.empty() ? "a " : " or ") + std::string(ReportStatusName(t.from));
  }
  return Fail(
      Error::Conflict("only " + froms + " report can be " + std::string(ReportActionDone(action))));
}

}  // namespace mobilise::domain
