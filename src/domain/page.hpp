#pragma once

#include <cstdint>
#include <vector>

namespace mobilise::domain {

struct PageRequest {
  int limit = 50;
  std::int64_t offset = 0;
};

template <typename T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;
};

}  // namespace mobilise::domain
