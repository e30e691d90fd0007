#include "storage/repositories/sql_rows.hpp"

namespace mobilise::storage {

std::vector<std::pair<std::string, std::string>> ReadPairs(const ResultSet& rs,
                                                           std::string_view first,
                                                           std::string_view second) {
  return ReadRows(rs, [&](const ResultSet::Row& r) {
    return std::pair<std::string, std::string>{r.Str(first), r.Str(second)};
  });
}

std::vector<Param> WithPage(std::vector<Param> params, const domain::PageRequest& page) {
  params.emplace_back(std::int64_t{page.limit});
  params.emplace_back(page.offset);
  return params;
}

}  // namespace mobilise::storage
