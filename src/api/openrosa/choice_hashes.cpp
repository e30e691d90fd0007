#include "api/openrosa/choice_hashes.hpp"

#include <algorithm>
#include <optional>

#include "api/openrosa/form_files.hpp"

namespace mobilise::api::openrosa {
namespace {

std::string KeyOf(std::string_view list, const std::vector<domain::PathRange>& scope) {
  std::string key(list);
  for (const auto& r : scope) key += "|" + r.lo + "|" + r.hi;
  return key;
}

}  // namespace

std::string ChoiceHashes::Get(domain::UnitOfWork& uow, std::int64_t high_water,
                              std::string_view list, const std::vector<domain::PathRange>& scope,
                              std::vector<domain::SyncEntity> entities,
                              const std::function<std::string()>& build) {
  const std::string key = KeyOf(list, scope);
  std::optional<Entry> cached;
  {
    std::lock_guard lock(mutex_);
    if (auto it = entries_.find(key); it != entries_.end()) cached = it->second;
  }
  if (cached && cached->seq >= high_water) return cached->md5;
  if (cached) {
    domain::FeedScope feed;
    feed.ranges = scope;
    feed.entities = std::move(entities);
    if (scope.empty() || uow.Sync().CountSince(cached->seq, high_water, feed) == 0) {
      std::lock_guard lock(mutex_);
      if (auto it = entries_.find(key); it != entries_.end() && it->second.md5 == cached->md5)
        it->second.seq = std::max(it->second.seq, high_water);
      return cached->md5;
    }
  }
  Entry fresh{high_water, Md5Hex(build())};
  std::lock_guard lock(mutex_);
  if (entries_.size() >= capacity_ && !entries_.contains(key)) entries_.clear();
  auto& e = entries_[key];
  if (e.seq <= high_water) e = fresh;
  return fresh.md5;
}

}  // namespace mobilise::api::openrosa
