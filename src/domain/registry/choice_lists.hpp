// Compact rows of the registry for a device's choice lists (the built-in XForms' CSV media):
// the areas, institutions and people of one subtree, a page at a time, so that a district of a
// million people is read in bounded memory with one index range per page.
#pragma once

#include <string>
#include <vector>

#include "domain/access/actor.hpp"

namespace mobilise::domain {

struct ChoiceRow {
  std::string id, name;
  std::string detail;   // institutions: the type code; people: the household head's name
  std::string area_id;  // the area the row belongs to (a person's: their household's)
  std::string area_path;
};

// Where the previous page ended (its last row's area path and id); empty: from the start.
struct ChoiceCursor {
  std::string area_path, id;
};

class ChoiceListRepository {
 public:
  virtual ~ChoiceListRepository() = default;
  // Living rows in `range` after `after`, by area path then id, at most `limit`.
  virtual std::vector<ChoiceRow> Areas(const PathRange& range, const ChoiceCursor& after,
                                       int limit) = 0;
  virtual std::vector<ChoiceRow> Institutions(const PathRange& range, const ChoiceCursor& after,
                                              int limit) = 0;
  virtual std::vector<ChoiceRow> People(const PathRange& range, const ChoiceCursor& after,
                                        int limit) = 0;
};

}  // namespace mobilise::domain
