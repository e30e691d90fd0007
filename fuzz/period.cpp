// Period and date parsing (domain/periods/period.hpp, core/clock.hpp) on any text, under a fiscal
// year chosen by the first byte; what parses goes through every function that takes a Period.
// A period must start on or before it ends, the dates it gives must be valid dates, and each of
// its months must overlap it.
#include "domain/periods/period.hpp"

#include <cstdlib>

#include "core/clock.hpp"
#include "fuzz_input.hpp"

namespace {

using namespace mobilise::domain;

void Check(const Period& p) {
  if (!mobilise::IsValidDate(p.start) || !mobilise::IsValidDate(p.end) || p.start > p.end)
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto text = mobilise::fuzz::Bytes(data, size);
  if (text.empty()) return 0;
  const auto control = static_cast<unsigned char>(text[0]);
  text.remove_prefix(1);
  FiscalYear fy;
  fy.start_month = 1 + control % 12;
  fy.named_by_start = (control & 0x80) != 0;
  fy.today = "2026-12-07";
  if (auto ts = mobilise::ParseTimestamp(text)) (void)mobilise::FormatTimestamp(*ts);
  if (mobilise::IsValidDate(text)) {
    (void)AddDays(text, control - 128);
    (void)AddYears(text, control % 8 - 4);
    fy.project_start = std::string(text);
  }
  auto p = ParsePeriod(text, fy);
  if (!p) return 0;
  Check(*p);
  if (auto prev = PreviousPeriod(*p, fy)) Check(*prev);
  (void)MonthsBefore(*p);
  for (const auto& month : MonthsOf(*p)) {
    Check(month);
    if (month.start > p->end || month.end < p->start) std::abort();  // overlaps the period
    (void)PeriodWithin(month, *p);
  }
  (void)Dhis2PeriodId(*p, fy);
  (void)AdxPeriod(*p);
  return 0;
}
