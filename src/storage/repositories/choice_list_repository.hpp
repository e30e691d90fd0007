// The registry's compact choice-list rows in SQL (domain/registry/choice_lists.hpp).
#pragma once

#include "domain/registry/choice_lists.hpp"
#include "storage/database.hpp"

namespace mobilise::storage {

// Each page is one index range: area(path), institution_area and person_area, read from the
// cursor on (keyset paging), so a page costs the same at the start and the end of a district.
class SqlChoiceListRepository final : public domain::ChoiceListRepository {
 public:
  explicit SqlChoiceListRepository(Connection& conn) : conn_(conn) {}
  std::vector<domain::ChoiceRow> Areas(const domain::PathRange& range,
                                       const domain::ChoiceCursor& after, int limit) override;
  std::vector<domain::ChoiceRow> Institutions(const domain::PathRange& range,
                                              const domain::ChoiceCursor& after,
                                              int limit) override;
  std::vector<domain::ChoiceRow> People(const domain::PathRange& range,
                                        const domain::ChoiceCursor& after, int limit) override;

 private:
  Connection& conn_;
};

}  // namespace mobilise::storage
