// What a sync request carries (GET /api/v1/sync?cursor=...): the cursor a device passes back
// (domain/sync/sync.hpp DecodeCursor), and the entity names of the feed. A cursor that decodes
// must encode to one that decodes to the same.
#include "domain/sync/sync.hpp"

#include <cstdlib>

#include "fuzz_input.hpp"

namespace {

bool Same(const mobilise::domain::SyncCursor& a, const mobilise::domain::SyncCursor& b) {
  return a.snapshot == b.snapshot && a.fingerprint == b.fingerprint && a.seq == b.seq &&
         a.entity == b.entity && a.after_id == b.after_id && a.done == b.done && a.total == b.total;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mobilise::domain;
  const auto [entity, cursor] = mobilise::fuzz::FirstLine(mobilise::fuzz::Bytes(data, size));
  if (auto e = ParseSyncEntity(entity); e && SyncEntityName(*e) != entity) std::abort();
  auto decoded = DecodeCursor(cursor);
  if (!decoded) return 0;
  auto again = DecodeCursor(EncodeCursor(*decoded));
  if (!again || !Same(*decoded, *again)) std::abort();
  return 0;
}
