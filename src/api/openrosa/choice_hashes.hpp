// The MD5s of the built-in forms' choice lists (areas.csv, institutions.csv, people.csv) per
// (list, scope), so that a manifest does not build every CSV to hash it. An entry remembers the
// change feed's high-water sequence it is good for (migration 0018: every write of an area,
// institution, household or person has a feed row with its area path, and the old path when it
// moved, in the writer's transaction, in commit order). It holds while the feed has no row after
// that sequence in the scope (or without a path) of the entities the list is read from; any such
// row builds the list again. So the MD5 served is always that of the bytes the media route builds
// from the same rows. Per process; thread-safe; at most `capacity` entries (all dropped when full).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "domain/sync/sync.hpp"
#include "domain/unit_of_work.hpp"

namespace mobilise::api::openrosa {

class ChoiceHashes {
 public:
  explicit ChoiceHashes(std::size_t capacity = 4096) : capacity_(capacity) {}

  // The MD5 (hex) of `list` over `scope`: the cached one while no record of `entities` (those
  // the list is read from) changed in the scope after it, else MD5 of `build()`. `high_water` is
  // the feed's high-water sequence read through `uow` before anything else of this request (so a
  // build sees every row up to it).
  std::string Get(domain::UnitOfWork& uow, std::int64_t high_water, std::string_view list,
                  const std::vector<domain::PathRange>& scope,
                  std::vector<domain::SyncEntity> entities,
                  const std::function<std::string()>& build);

 private:
  struct Entry {
    std::int64_t seq = 0;
    std::string md5;
  };
  std::size_t capacity_;
  std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

}  // namespace mobilise::api::openrosa
